/** @module A heading whose level is chosen by its place in the page (documents nest items and sections). */
import { jsx } from 'hono/jsx';
import type { Child } from 'hono/jsx';

/** `<h1>`…`<h6>`; levels beyond 6 stay at 6 so deep structures still render. */
export function Heading(props: { level: number; id?: string; class?: string; children?: Child }) {
  const level = Math.min(Math.max(Math.trunc(props.level), 1), 6);
  const attrs: Record<string, string> = {};
  if (props.id) attrs.id = props.id;
  if (props.class) attrs.class = props.class;
  return jsx(`h${level}`, attrs, props.children);
}
