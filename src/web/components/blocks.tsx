/**
 * @module Renders a document's blocks (paragraphs, headings, lists, tables, bilag references)
 * faithfully, in their original order.
 */
import type { Block, ListItem } from '../../model/index.js';
import { Heading } from './heading.js';
import { Icon } from './icon.js';

/** Text with the document's own line breaks kept. */
export function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return <>{lines.map((line, i) => (i === 0 ? line : <><br />{line}</>))}</>;
}

interface ListNode {
  text: string;
  children: ListNode[];
}

/** Turn flat items with depths into a tree; a depth jump of more than one nests just one level. */
export function nestListItems(items: ListItem[]): ListNode[] {
  const root: ListNode[] = [];
  const stack: Array<{ depth: number; children: ListNode[] }> = [{ depth: -1, children: root }];
  for (const item of items) {
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= item.depth) stack.pop();
    const node: ListNode = { text: item.text, children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push({ depth: item.depth, children: node.children });
  }
  return root;
}

function ListTree(props: { nodes: ListNode[] }) {
  return (
    <ul>
      {props.nodes.map((node) => (
        <li>
          <Lines text={node.text} />
          {node.children.length > 0 && <ListTree nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

/**
 * A table from the document. The sources carry no header markup, so the first cell of a row
 * becomes a row header when it has text (the label column in budgets and schedules).
 */
function TableBlock(props: { rows: string[][] }) {
  const width = Math.max(...props.rows.map((r) => r.length));
  const labelled = width > 1;
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact document-table">
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {Array.from({ length: width }, (_, i) => {
                const cell = row[i] ?? '';
                if (i === 0 && labelled && cell.trim() !== '') return <th scope="row"><Lines text={cell} /></th>;
                return <td><Lines text={cell} /></td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One block; `headingLevel` is the level a heading block gets at this point of the page. */
export function BlockView(props: { block: Block; headingLevel: number }) {
  const block = props.block;
  switch (block.kind) {
    case 'paragraph':
      return <p><Lines text={block.text} /></p>;
    case 'heading':
      return <Heading level={props.headingLevel} class="block-heading">{block.text}</Heading>;
    case 'list':
      return <ListTree nodes={nestListItems(block.items)} />;
    case 'table':
      return <TableBlock rows={block.rows} />;
    case 'attachment':
      return (
        <p class="attachment-ref">
          <Icon name="attach-file" />
          <span class="attachment-label">Bilag:</span> {block.title || 'uden titel'}
        </p>
      );
  }
}

/** A run of blocks. */
export function Blocks(props: { blocks: Block[]; headingLevel: number }) {
  return <>{props.blocks.map((block) => <BlockView block={block} headingLevel={props.headingLevel} />)}</>;
}
