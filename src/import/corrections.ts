/**
 * @module Corrections a secretary makes to what the importer read, as data (issue 11). Each op
 * names what it expects to find (an item by number and title, a fact's old value, a block's
 * text), so it applies only while that is still true: a re-import of the same or a changed file
 * gets the same corrections, and one the document no longer fits is reported stale, never forced.
 * Pure. Merge and split move text between items without losing or duplicating a word.
 */
import { z } from 'zod';
import {
  blockText,
  comparable,
  decisionOf,
  mostRestrictive,
  uniqueLinks,
  type AgendaItem,
  type Attachment,
  type Block,
  type MeetingDocument,
  type Section,
} from '../model/index.js';

const Text = z.string().trim().min(1).max(1000);
const ItemNumber = z.string().regex(/^\d+(\.\d+)*$/);

/** The meeting facts a correction may set, with the form each value takes. */
export const FACT_FIELDS = { date: /^\d{4}-\d{2}-\d{2}$/, startTime: /^\d{2}:\d{2}$/, endTime: /^\d{2}:\d{2}$/, location: /./, body: /./ } as const;
export type FactField = keyof typeof FACT_FIELDS;
const FactValue = z.string().trim().min(1).max(500).nullable();

export const CorrectionOp = z.discriminatedUnion('op', [
  /** Item `number` titled `from` gets the title `to`. */
  z.object({ op: z.literal('setTitle'), number: ItemNumber, from: z.string().max(1000), to: Text }),
  /** Item `number` (titled `title`) was no item: its heading and text join the item before it, `into`. */
  z.object({ op: z.literal('mergeIntoPrevious'), number: ItemNumber, title: z.string().max(1000), into: z.object({ number: ItemNumber, title: z.string().max(1000) }) }),
  /**
   * A block of item `number` (titled `title`) opens a new item `newNumber`: the block (found by its
   * text, the `occurrence`-th such block of the item) becomes its heading, the text after it its body.
   */
  z.object({
    op: z.literal('split'),
    number: ItemNumber,
    title: z.string().max(1000),
    block: z.object({ text: Text, occurrence: z.number().int().min(0).max(1000).default(0) }),
    newNumber: ItemNumber,
  }),
  /** A meeting fact read as `from` (null: not read) is `to`. */
  z
    .object({ op: z.literal('setFact'), field: z.enum(['date', 'startTime', 'endTime', 'location', 'body']), from: FactValue, to: FactValue })
    .refine((o) => o.to === null || FACT_FIELDS[o.field].test(o.to), { message: 'value of the wrong form for the field', path: ['to'] }),
  /** A participant the importer missed. */
  z.object({
    op: z.literal('addParticipant'),
    participant: z.object({ name: Text, party: FactValue.default(null), municipality: FactValue.default(null), role: FactValue.default(null) }),
  }),
  /** A participant the importer read wrongly (a line that was no name). */
  z.object({ op: z.literal('removeParticipant'), name: Text }),
]);
export type CorrectionOp = z.infer<typeof CorrectionOp>;

export interface StaleCorrection {
  op: CorrectionOp;
  /** Why it no longer fits, in Danish (shown to the secretary). */
  reason: string;
}

export interface CorrectionResult {
  doc: MeetingDocument;
  /** Ops that hold in the result: applied, or already true of the document as read. */
  applied: CorrectionOp[];
  stale: StaleCorrection[];
}

/** Applies the ops in order, each to the result of those before; see the module comment. */
export function applyCorrections(doc: MeetingDocument, ops: readonly CorrectionOp[]): CorrectionResult {
  let current = doc;
  const applied: CorrectionOp[] = [];
  const stale: StaleCorrection[] = [];
  for (const op of ops) {
    const outcome = applyOne(current, op);
    if (typeof outcome === 'string') stale.push({ op, reason: outcome });
    else {
      current = outcome;
      applied.push(op);
    }
  }
  return { doc: current, applied, stale };
}

/** The document with the op applied, or why it does not fit. */
function applyOne(doc: MeetingDocument, op: CorrectionOp): MeetingDocument | string {
  switch (op.op) {
    case 'setTitle': {
      const i = findItem(doc, op.number, op.from);
      if (i < 0) return findItem(doc, op.number, op.to) >= 0 ? doc : `Punkt ${op.number} hedder ikke længere »${op.from}«.`;
      return withItems(doc, doc.items.map((item, j) => (j === i ? { ...item, title: op.to } : item)));
    }
    case 'mergeIntoPrevious': {
      const i = findItem(doc, op.number, op.title);
      if (i < 0) return `Der er ikke længere et punkt ${op.number} »${op.title}«.`;
      if (i === 0) return `Punkt ${op.number} er det første punkt.`;
      const previous = doc.items[i - 1]!;
      if (previous.number !== op.into.number || comparable(previous.title) !== comparable(op.into.title)) {
        return `Punktet før punkt ${op.number} er ikke længere punkt ${op.into.number} »${op.into.title}«.`;
      }
      if (doc.items.some((item) => item.number.startsWith(`${op.number}.`))) return `Punkt ${op.number} har underpunkter.`;
      const items = [...doc.items];
      items.splice(i - 1, 2, mergeItems(previous, doc.items[i]!));
      return withItems(doc, items);
    }
    case 'split': {
      const i = findItem(doc, op.number, op.title);
      if (i < 0) return `Der er ikke længere et punkt ${op.number} »${op.title}«.`;
      if (doc.items.some((item) => item.number === op.newNumber)) return `Der er allerede et punkt ${op.newNumber}.`;
      const parts = splitItem(doc.items[i]!, op.block.text, op.block.occurrence, op.newNumber);
      if (typeof parts === 'string') return parts;
      const items = [...doc.items];
      items.splice(i, 1, ...parts);
      return withItems(doc, items);
    }
    case 'setFact': {
      const value = doc[op.field];
      if (sameFact(value, op.to)) return doc;
      if (!sameFact(value, op.from)) return `${FACT_LABELS[op.field]} er ikke længere ${op.from === null ? 'tom' : `»${op.from}«`}.`;
      return { ...doc, [op.field]: op.to };
    }
    case 'addParticipant': {
      if (doc.participants.some((p) => comparable(p.name) === comparable(op.participant.name))) return doc;
      return { ...doc, participants: [...doc.participants, op.participant] };
    }
    case 'removeParticipant': {
      return { ...doc, participants: doc.participants.filter((p) => comparable(p.name) !== comparable(op.name)) };
    }
  }
}

/** Danish names of the facts, for messages and pages. */
export const FACT_LABELS: Record<FactField, string> = { date: 'Datoen', startTime: 'Starttidspunktet', endTime: 'Sluttidspunktet', location: 'Stedet', body: 'Organisationen' };

/** One line saying what an op does, in Danish. */
export function describeCorrection(op: CorrectionOp): string {
  switch (op.op) {
    case 'setTitle':
      return `Titlen på punkt ${op.number}: »${op.from}« → »${op.to}«`;
    case 'mergeIntoPrevious':
      return `Punkt ${op.number} »${op.title}« er lagt sammen med punkt ${op.into.number}`;
    case 'split':
      return `Punkt ${op.newNumber} begynder ved »${op.block.text}« i punkt ${op.number}`;
    case 'setFact':
      return `${FACT_LABELS[op.field]}: ${op.from ?? '(ingen)'} → ${op.to ?? '(ingen)'}`;
    case 'addParticipant':
      return `Deltager tilføjet: ${op.participant.name}`;
    case 'removeParticipant':
      return `Deltager fjernet: ${op.name}`;
  }
}

function sameFact(a: string | null, b: string | null): boolean {
  return (a?.trim() || null) === (b?.trim() || null);
}

function findItem(doc: MeetingDocument, number: string, title: string): number {
  return doc.items.findIndex((item) => item.number === number && comparable(item.title) === comparable(title));
}

function withItems(doc: MeetingDocument, items: AgendaItem[]): MeetingDocument {
  return { ...doc, items };
}

/** The head of an item that was no item, as the text it was: "3. Title", "v. …", a case line. */
function headBlocks(item: AgendaItem): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `${item.number}. ${item.title}` }];
  if (item.presenters.length > 0) blocks.push({ kind: 'paragraph', text: `v. ${item.presenters.join(' og ')}` });
  // A case number read out of the text goes back into it; one still in the text is there already.
  const text = item.sections.flatMap((s) => [s.heading ?? '', ...s.blocks.map(blockText)]).join('\n');
  if (item.caseNumber !== null && !comparable(text).includes(comparable(item.caseNumber))) {
    blocks.push({ kind: 'paragraph', text: [item.caseNumber, item.caseOfficers.join('/')].filter(Boolean).join(' ') });
  }
  return blocks;
}

/**
 * `next` joined to `previous`: its head becomes text (its case number with it: `previous` keeps its own),
 * its sections, bilag and links follow; the stricter access wins.
 */
function mergeItems(previous: AgendaItem, next: AgendaItem): AgendaItem {
  const head = headBlocks(next);
  const [first, ...rest] = next.sections;
  const moved: Section[] =
    first && first.heading === null ? [{ ...first, blocks: [...head, ...first.blocks] }, ...rest] : [{ heading: null, type: 'other', blocks: head }, ...next.sections];
  const sections = [...previous.sections, ...moved];
  const decisions = [previous.decision, next.decision].filter((d): d is string => d !== null);
  return {
    ...previous,
    sections,
    attachments: [...previous.attachments, ...next.attachments.map((a) => ({ ...a, access: mostRestrictive(a.access, next.access) }))],
    links: uniqueLinks([...previous.links, ...next.links]),
    decision: decisionOf(sections) ?? (decisions.length > 0 ? decisions.join('\n\n') : null),
    absent: [...previous.absent, ...next.absent],
    access: mostRestrictive(previous.access, next.access),
  };
}

/** The item cut at the block, which becomes the new item's heading; or why it cannot be. */
function splitItem(item: AgendaItem, text: string, occurrence: number, newNumber: string): [AgendaItem, AgendaItem] | string {
  const key = comparable(text);
  let seen = 0;
  for (let s = 0; s < item.sections.length; s++) {
    const blocks = item.sections[s]!.blocks;
    for (let b = 0; b < blocks.length; b++) {
      if (comparable(blockText(blocks[b]!)) !== key || seen++ !== occurrence) continue;
      const block = blocks[b]!;
      if (block.kind !== 'paragraph' && block.kind !== 'heading') return `Teksten »${text}« er ikke en overskrift eller et afsnit og kan ikke blive et punkt.`;
      const section = item.sections[s]!;
      const kept: Section[] = [...item.sections.slice(0, s), ...(b > 0 || section.heading !== null ? [{ ...section, blocks: blocks.slice(0, b) }] : [])];
      const after = blocks.slice(b + 1);
      const moved: Section[] = [...(after.length > 0 ? [{ heading: null, type: 'other' as const, blocks: after }] : []), ...item.sections.slice(s + 1)];
      const title = block.text.replace(new RegExp(`^\\s*${newNumber.replaceAll('.', '\\.')}\\.?\\s+`), '').trim() || block.text;
      const movedText = comparable(moved.flatMap((m) => m.blocks.map(blockText)).join(' '));
      const [movedAttachments, keptAttachments] = partitionAttachments(item.attachments, moved);
      const first: AgendaItem = {
        ...item,
        sections: kept,
        attachments: keptAttachments,
        links: item.links.filter((l) => !(l.text && movedText.includes(comparable(l.text)))),
        decision: decisionOf(kept) ?? (decisionOf(moved) === null ? item.decision : null),
      };
      const second: AgendaItem = {
        number: newNumber,
        title,
        caseNumber: null,
        caseOfficers: [],
        presenters: [],
        sections: moved,
        attachments: movedAttachments,
        links: item.links.filter((l) => l.text && movedText.includes(comparable(l.text))),
        decision: decisionOf(moved),
        absent: [],
        access: item.access,
      };
      return [first, second];
    }
  }
  return `Punkt ${item.number} har ikke teksten »${text}«.`;
}

/** The bilag whose `./.` block moved with the text, and the rest. */
function partitionAttachments(attachments: readonly Attachment[], moved: readonly Section[]): [Attachment[], Attachment[]] {
  const titles = moved.flatMap((s) => s.blocks).filter((b) => b.kind === 'attachment').map((b) => comparable(b.title));
  const movedList: Attachment[] = [];
  const keptList: Attachment[] = [];
  for (const a of attachments) {
    const at = titles.findIndex((t) => t === comparable(a.title) || t.includes(comparable(a.title)));
    if (at >= 0) {
      titles.splice(at, 1);
      movedList.push(a);
    } else keptList.push(a);
  }
  return [movedList, keptList];
}
