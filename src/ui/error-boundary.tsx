import { Component, type ReactNode } from 'react';

/** Last line of defence: a render crash shows what happened and a way back, never a blank page. */
export class ErrorBoundary extends Component<
  { children: ReactNode; label?: string },
  { error?: Error }
> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h2>{this.props.label ?? 'This view'} failed to render</h2>
        <pre>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>{' '}
        <a href="/">Back to the console</a>
      </div>
    );
  }
}
