/** @module One labelled fact in a page's facts table ("Dato", "Sted", "Parti" …). */
import type { Child } from 'hono/jsx';

/** A table row with the label as row header. */
export function FactRow(props: { label: string; children?: Child }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
    </tr>
  );
}
