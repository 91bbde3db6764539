/**
 * @module Minutes whose items record the meeting under no heading: the text under an item's
 * heading is what was said ("7. Eventuelt" / what was said); an agenda table's row copied one cell
 * a paragraph ("Pkt. 1" / title / time slot / "Beslut" / minutes, Aula's school boards) records it
 * after the slot and the item's kind; an item's one opening section ("Sagsfremstilling") does where
 * no item of the minutes has a decision heading.
 */
import { decisionOf, type AgendaItem, type Block } from '../../model/index.js';
import { HEADING_WORDS } from '../lexicon/index.js';

/**
 * In minutes, an item whose only text stands under no heading ("7. Eventuelt" followed by what
 * was said) records what happened: that text is the item's decision/referat; so is an item's one
 * opening section ("Sagsfremstilling") in minutes where no item has a decision heading (`uniform`).
 */
export function recordHeadlessMinutes(item: AgendaItem, slotted = false, uniform = false): void {
  const [only, ...more] = item.sections;
  if (uniform && only && more.length === 0 && only.heading !== null && only.type !== 'decision' && HEADING_WORDS.openingSections.some((p) => p.test(only.heading!))) {
    only.type = 'decision';
    item.decision = decisionOf(item.sections);
    return;
  }
  const at = slotted ? slotIndex(item) : -1;
  if (!only || (at < 0 && (more.length > 0 || only.heading !== null || only.type !== 'other'))) return;
  if (at >= 0) {
    // The agenda's text and its time slot stay the item's text; what follows the slot is the decision.
    const block = only.blocks[at] as Extract<Block, { kind: 'paragraph' | 'heading' }>;
    const slot = TIME_SLOT.exec(block.text)!;
    const rest = block.text.slice(slot[0].length).trim();
    const after = [...(rest !== '' ? [{ ...block, text: rest }] : []), ...only.blocks.slice(at + 1)];
    // The table's column after the slot saying what the item is for ("Beslut", "Orient.") is the agenda's too.
    const kind = slotKindOf(after[0]);
    if (kind) {
      const first = after[0] as Extract<Block, { kind: 'paragraph' | 'heading' }>;
      const text = first.text.trim().slice(kind.length).trim();
      after.splice(0, 1, ...(text !== '' ? [{ ...first, text }] : []));
    }
    only.blocks = [...only.blocks.slice(0, at), { ...block, text: slot[1]! }, ...(kind ? [{ ...block, text: kind }] : [])];
    only.type = 'other';
    if (after.length > 0) item.sections.push({ heading: null, type: 'decision', blocks: after });
    item.decision = decisionOf(item.sections);
    return;
  }
  only.type = 'decision';
  item.decision = decisionOf(item.sections);
}

/** An agenda's time slot for an item, and any text run onto it: "18.05 - 18.15Der har været …", "Kl.18.30-18.35". */
const TIME_SLOT = /^((?:[Kk]l\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2})\s*/;

/** The words opening a paragraph that say what the item is for ("Beslut", "Orient.", "Drøftelse og beslutning"), or null. */
function slotKindOf(block: Block | undefined): string | null {
  if (!block || (block.kind !== 'paragraph' && block.kind !== 'heading')) return null;
  for (const p of HEADING_WORDS.slotKinds) {
    const m = p.exec(block.text.trim());
    if (m && m[0].trim() !== '') return m[0].trim();
  }
  return null;
}

/** The index of a headless item's paragraph that opens with a time slot, or -1. */
export function slotIndex(item: AgendaItem): number {
  const [only, ...more] = item.sections;
  // Headless text another reading already took as the record (a page whose "Referat" column heads the table) is split the same.
  if (!only || more.length > 0 || only.heading !== null || (only.type !== 'other' && only.type !== 'decision')) return -1;
  // A slot on its own short line is read as a heading block.
  return only.blocks.findIndex((b) => (b.kind === 'paragraph' || b.kind === 'heading') && TIME_SLOT.test(b.text));
}
