import { Button } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './error-fallback';

interface State {
  error: unknown;
  hasError: boolean;
}

/** The last line of defence outside the router: the page is never left blank. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The portal crashed outside any route:', error, info.componentStack);
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <ErrorFallback
        error={this.state.error}
        // The router may be what crashed, so this is a full page load of the home page.
        homeAction={
          <Button as="a" href="/">
            Go to All connections
          </Button>
        }
      />
    );
  }
}
