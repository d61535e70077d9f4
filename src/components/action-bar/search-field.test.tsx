import { FluentProvider } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SearchField } from './search-field';

/** The box of an owner that takes the text later, as the 10,000-VM table does once its rows arrive. */
function field(value: string, onTyped: (text: string) => void = () => undefined) {
  return (
    <FluentProvider>
      <SearchField
        value={value}
        onChange={onTyped}
        matchCount={12}
        label="Filter virtual machines"
        boxClassName=""
        countClassName=""
      />
    </FluentProvider>
  );
}

describe('SearchField', () => {
  it('keeps what is typed while the owner has not taken it, and counts the matches', async () => {
    const typed: string[] = [];
    render(field('', (text) => typed.push(text)));
    const box = screen.getByRole('searchbox', { name: 'Filter virtual machines' });
    await userEvent.type(box, 'web');
    expect(box).toHaveValue('web');
    expect(typed).toEqual(['w', 'we', 'web']);
    expect(screen.getByText('12 matches')).toBeInTheDocument();
  });

  it('is not set back when the owner catches up with an earlier text', async () => {
    const { rerender } = render(field(''));
    const box = screen.getByRole('searchbox', { name: 'Filter virtual machines' });
    await userEvent.type(box, 'web');
    rerender(field('we'));
    expect(box).toHaveValue('web');
    rerender(field('web'));
    expect(box).toHaveValue('web');
  });

  it('takes a text the owner got from elsewhere (the back button, a link)', async () => {
    const { rerender } = render(field(''));
    const box = screen.getByRole('searchbox', { name: 'Filter virtual machines' });
    await userEvent.type(box, 'web');
    rerender(field('dc01'));
    expect(box).toHaveValue('dc01');
    expect(screen.getByText('12 matches')).toBeInTheDocument();
    rerender(field(''));
    expect(box).toHaveValue('');
    expect(screen.queryByText('12 matches')).not.toBeInTheDocument();
  });
});
