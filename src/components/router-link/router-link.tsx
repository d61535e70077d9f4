import { Button, Link, type ButtonProps } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';

export interface RouterLinkProps {
  to: To;
  children: ReactNode;
  className?: string;
  /** @default 'default' */
  appearance?: 'default' | 'subtle';
  /** Underlined inside running text. @default false */
  inline?: boolean;
  'aria-label'?: string;
}

/** A Fluent Link that navigates inside the app (and still opens in a new tab with Ctrl/middle click). */
export function RouterLink({ to, ...rest }: RouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler(to);
  return (
    <Link {...rest} as="a" href={href} onClick={(event: MouseEvent<HTMLAnchorElement>) => navigate(event)} />
  );
}

export interface RouterButtonProps {
  to: To;
  children: ReactNode;
  /** @default 'secondary' */
  appearance?: ButtonProps['appearance'];
  icon?: ButtonProps['icon'];
  className?: string;
}

/** A Fluent Button that is really a link (so it can open in a new tab), for navigation actions. */
export function RouterButton({ to, ...rest }: RouterButtonProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler(to);
  return (
    <Button
      {...rest}
      as="a"
      href={href}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => navigate(event)}
    />
  );
}
