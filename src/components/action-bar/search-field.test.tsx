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

/** 'web' typed into a box whose owner has not taken any of it yet. */
async function typedWeb(onTyped?: (text: string) => void) {
  const { rerender } = render(field('', onTyped));
  const box = screen.getByRole('searchbox', { name: 'Filter virtual machines' });
  await userEvent.type(box, 'web');
  return { box, ownerTakes: (value: string) => rerender(field(value)) };
}

describe('SearchField', () => {
  it('keeps what is typed while the owner has not taken it, and counts the matches', async () => {
    const typed: string[] = [];
    const { box } = await typedWeb((text) => typed.push(text));
    expect(box).toHaveValue('web');
    expect(typed).toEqual(['w', 'we', 'web']);
    expect(screen.getByText('12 matches')).toBeInTheDocument();
  });

  it('is not set back when the owner catches up with an earlier text', async () => {
    const { box, ownerTakes } = await typedWeb();
    ownerTakes('we');
    expect(box).toHaveValue('web');
    ownerTakes('web');
    expect(box).toHaveValue('web');
  });

  it('takes a text the owner got from elsewhere (the back button, a link)', async () => {
    const { box, ownerTakes } = await typedWeb();
    ownerTakes('dc01');
    expect(box).toHaveValue('dc01');
    expect(screen.getByText('12 matches')).toBeInTheDocument();
    ownerTakes('');
    expect(box).toHaveValue('');
    expect(screen.queryByText('12 matches')).not.toBeInTheDocument();
  });
});
