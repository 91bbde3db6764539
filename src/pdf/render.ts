/**
 * @module An agenda or minutes as PDF in the house layout: front page, contents with the
 * items' real page numbers, front matter and participants, every item with its sections, a
 * running header (from page 2) and "Side n af m". Pure: a model and plain options in, bytes out.
 */
import { attachmentTitle, ACCESS_LABELS, type AccessLevel, type AgendaItem, type MeetingDocument } from '../model/index.js';
import { danishDate, kindLabel } from '../web/format.js';
import { printView, type Audience, type PrintView, type PrintedItem } from './audience.js';
import { drawAttachment, drawBlocks, lineHeight } from './blocks.js';
import { contentsPages, drawContents, type ContentsEntry } from './contents.js';
import { drawFrontPage, drawParticipants, hasParticipants } from './front.js';
import { PAGE, TYPE, Writer } from './writer.js';

export interface MeetingPdfOptions {
  /** Who the copy is for; what they may not read is left out (closed items by number only). */
  audience: Audience;
  /** The organisation as the archive names it; the document's own body when null. */
  organization: string | null;
  /** For minutes: the date (YYYY-MM-DD) of the meeting that approved them. */
  approvedAt?: string | null;
  /** The version's "Rettet" note, when it corrects a publication. */
  note?: string | null;
  /** The document's creation date (metadata and front page); fixed in tests for identical bytes. */
  generatedAt?: Date;
}

/** The text a withheld item is printed with, in the contents and in the body. */
export const CLOSED_ITEM = 'Lukket punkt';

/** Renders the document for an audience; throws when the whole document is withheld from it. */
export async function renderMeetingPdf(doc: MeetingDocument, options: MeetingPdfOptions): Promise<Uint8Array> {
  const view = printView(doc, options.audience);
  if (!view) throw new Error(`PDF: the document is not readable by the audience "${options.audience}"`);
  return renderPrintView(view, options);
}

/** Destinations by position: two items sharing a number (an export's mistake) keep their own. */
const destinationOf = (index: number, number: string) => `punkt-${index + 1}-${number}`;
const headingOf = (e: PrintedItem) => (e.kind === 'item' ? e.item.title : CLOSED_ITEM);
const numberOf = (e: PrintedItem) => (e.kind === 'item' ? e.item.number : e.number);

/** Renders a document already cut down for its audience (printView). */
export async function renderPrintView(view: PrintView, options: MeetingPdfOptions): Promise<Uint8Array> {
  const doc = view.document;
  const organization = options.organization ?? doc.body ?? 'Ukendt organ';
  const generatedAt = options.generatedAt ?? new Date();
  const title = `${kindLabel(doc.kind)}: ${organization}, ${danishDate(doc.date)}`;
  const w = new Writer({ title, author: organization, subject: `${kindLabel(doc.kind)} for mødet ${danishDate(doc.date)}`, creationDate: generatedAt });

  drawFrontPage(w, doc, {
    organization,
    audience: options.audience,
    withheld: view.entries.filter((e) => e.kind === 'withheld').length,
    containsRestricted: view.containsRestricted,
    approvedAt: options.approvedAt ?? null,
    note: options.note ?? null,
    generatedAt,
  });

  const entries: ContentsEntry[] = view.entries.map((e, i) => ({ number: numberOf(e), title: headingOf(e), destination: destinationOf(i, numberOf(e)) }));
  const reserved = entries.length > 0 ? contentsPages(w, entries) : 0;
  // After the front page, however long its title and note made it.
  const contentsStart = w.page + 1;
  for (let i = 0; i < reserved; i++) w.newPage();

  if (entries.length > 0 || doc.frontMatter.length > 0 || hasParticipants(doc)) w.newPage();
  if (doc.frontMatter.length > 0) {
    drawBlocks(w, doc.frontMatter);
    w.down(12);
  }
  if (hasParticipants(doc)) drawParticipants(w, doc);

  const pages: number[] = [];
  const outline = new Map<string, PDFKit.PDFOutline>();
  view.entries.forEach((e, i) => {
    const number = numberOf(e);
    if (i > 0 || w.y > w.top + 1) w.down(depth(number) === 0 ? 14 : 8);
    // The heading stays with the first lines of the item.
    const heading = `${number}. ${headingOf(e)}`;
    const size = depth(number) === 0 ? 13 : 11.5;
    w.keep(w.measure(heading, { face: 'bold', size }) + lineHeight(w) * 3);
    pages[i] = w.page;
    const parent = outline.get(number.split('.').slice(0, -1).join('.')) ?? w.doc.outline;
    outline.set(number, parent.addItem(heading));
    w.text(heading, { face: 'bold', size, destination: entries[i]!.destination, gap: 3 });
    if (e.kind === 'withheld') w.text('Punktet er lukket. Dets titel og indhold indgår ikke i denne udgave.', { color: TYPE.muted, gap: TYPE.paragraphGap });
    else drawItem(w, e.item, e.level);
  });

  if (reserved > 0) drawContents(w, entries, contentsStart, (i) => pages[i]!);
  drawPageFrames(w, `${organization} · ${kindLabel(doc.kind)}`, danishDate(doc.date));
  return w.finish();
}

const depth = (number: string) => number.split('.').length - 1;

const RESTRICTED_NOTE: Record<AccessLevel, string | null> = {
  public: null,
  closed: 'Lukket punkt – må ikke offentliggøres',
  confidential: 'Fortroligt punkt – må ikke offentliggøres',
};

function drawItem(w: Writer, item: AgendaItem, level: AccessLevel): void {
  const note = RESTRICTED_NOTE[level];
  if (note) w.text(note, { face: 'semibold', size: 9, color: '#a4262c', gap: 3 });
  const meta = [
    item.caseNumber && `Sagsnr. ${item.caseNumber}`,
    item.caseOfficers.length > 0 && `Sagsbehandler: ${item.caseOfficers.join(', ')}`,
    item.presenters.length > 0 && `Fremlægges af: ${item.presenters.join(', ')}`,
  ].filter(Boolean);
  if (meta.length > 0) w.text(meta.join('  ·  '), { size: 9, color: TYPE.muted, gap: 4 });
  if (item.absent.length > 0) {
    const names = item.absent.map((a) => (a.reason ? `${a.name} (${a.reason})` : a.name)).join(', ');
    w.text(`Deltog ikke i behandlingen: ${names}`, { size: 9, color: TYPE.muted, gap: 4 });
  }
  w.down(4);
  for (const section of item.sections) {
    const decision = section.type === 'decision';
    if (section.heading) {
      w.keep(w.measure(section.heading, { face: 'bold', size: 10.5 }) + lineHeight(w) * 2);
      w.text(section.heading, { face: 'bold', size: 10.5, color: decision ? TYPE.accent : TYPE.text, gap: 2 });
    }
    if (!decision) {
      drawBlocks(w, section.blocks);
      continue;
    }
    // The decision stands out: indented, with a bar beside it.
    const from = w.mark();
    drawBlocks(w, section.blocks, 10);
    w.sideBar({ ...from, y: from.y + 1 }, 0);
    w.down(2);
  }
  // Bilag the text does not already name with `./.`.
  const named = new Set(item.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'attachment' ? [attachmentTitle(b.title)] : []))));
  const listed = item.attachments.filter((a) => !named.has(attachmentTitle(a.title)));
  if (listed.length > 0) {
    w.keep(lineHeight(w) * 3);
    w.text('Bilag', { face: 'bold', size: 10.5, gap: 2 });
    for (const a of listed) drawAttachment(w, './.', a.title + (a.access !== 'public' ? ` (${ACCESS_LABELS[a.access].toLowerCase()})` : ''), 0);
  }
  const links = item.links.filter((l) => l.url && /^(https?:\/\/|mailto:)/i.test(l.url));
  if (links.length > 0) {
    w.keep(lineHeight(w) * 3);
    w.text('Links', { face: 'bold', size: 10.5, gap: 2 });
    for (const l of links) w.text(l.text && l.text !== l.url ? `${l.text}: ${l.url}` : l.url!, { size: 9, color: TYPE.accent, link: l.url!, gap: 2 });
  }
}

/** Running header from page 2, "Side n af m" on every page. */
function drawPageFrames(w: Writer, left: string, right: string): void {
  const { start, count } = w.doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    w.doc.switchToPage(i);
    if (i > 0) {
      const y = PAGE.top - 34;
      w.place(left, w.left, y, { width: w.width * 0.7, size: TYPE.small, color: TYPE.muted });
      w.place(right, w.left + w.width * 0.7, y, { width: w.width * 0.3, size: TYPE.small, color: TYPE.muted, align: 'right' });
      w.doc.save().moveTo(w.left, y + 14).lineTo(w.left + w.width, y + 14).lineWidth(0.5).strokeColor(TYPE.rule).stroke().restore();
    }
    w.place(`Side ${i + 1} af ${count}`, w.left, PAGE.height - PAGE.bottom + 30, { width: w.width, size: TYPE.small, color: TYPE.muted, align: 'center' });
  }
}
