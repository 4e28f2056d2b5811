import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

/** A part of the pane loaded on demand (the 汇总 tab, its charts) that fails to load — the add-in's server
 * unreachable — is said in a line, not a blank pane. */
export class LoadBoundary extends Component<{ message: (error: Error) => string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{this.props.message(this.state.error)}</MessageBarBody>
      </MessageBar>
    );
  }
}
