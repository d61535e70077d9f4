import { FluentProvider } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { StatusBadge } from './status-badge';
import { statusKindOf } from './status-kind';

/**
 * The colour is styling only, so the badge exposes the kind it chose as `data-status-kind`; reading it needs
 * the badge element itself, which Testing Library queries do not return.
 */
function badgeOf(status: string): HTMLElement {
  return screen.getByText(status).parentElement as HTMLElement;
}

function renderBadge(status: string) {
  render(
    <FluentProvider>
      <StatusBadge status={status} />
    </FluentProvider>,
  );
}

describe('StatusBadge', () => {
  it.each([
    ['Up', 'success'],
    ['Connected', 'success'],
    ['Active', 'success'],
    ['Online', 'success'],
    ['Not yet registered', 'error'],
    ['Down', 'error'],
    ['Out of policy', 'error'],
    ['Not connected recently', 'warning'],
    ['Informational', 'info'],
    ['Unknown', 'neutral'],
    ['Something new', 'neutral'],
  ])('shows "%s" as text beside a %s icon', (status, kind) => {
    renderBadge(status);
    expect(badgeOf(status)).toHaveAttribute('data-status-kind', kind);
    // The icon is decoration: the word alone carries the meaning for screen readers.
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText(status)).toBeVisible();
  });

  it('matches status words regardless of case and spacing', () => {
    expect(statusKindOf('  DOWN ')).toBe('error');
    expect(statusKindOf('not yet registered')).toBe('error');
  });

  it('lets the caller override the colour for words that mean different things in context', () => {
    render(
      <FluentProvider>
        <StatusBadge status="Off" kind="warning" />
      </FluentProvider>,
    );
    expect(badgeOf('Off')).toHaveAttribute('data-status-kind', 'warning');
  });
});
