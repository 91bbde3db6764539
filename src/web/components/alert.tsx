/** @module An alert box in dkfds markup, with a heading and content; errors are announced at once (role=alert), the rest politely (role=status). */
import type { Child } from 'hono/jsx';

export function Alert(props: { variant: 'success' | 'info' | 'warning' | 'error'; heading: string; children?: Child }) {
  return (
    <div class={`alert alert-${props.variant}`} role={props.variant === 'error' ? 'alert' : 'status'}>
      <div class="alert-body">
        <p class="alert-heading">{props.heading}</p>
        <div class="alert-text">{props.children}</div>
      </div>
    </div>
  );
}
