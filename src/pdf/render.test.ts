/** The PDF renderer, checked by reading its output back with pdfjs: contents, pages, access, text. */
import { describe, expect, it } from 'vitest';
import { MeetingDocument, accountViewer, ANONYMOUS } from '../model/index.js';
import { goldOf, seedFiles } from '../../test/seeds.js';
import { audienceOf, printView } from './audience.js';
import { CLOSED_ITEM, renderMeetingPdf, type MeetingPdfOptions } from './render.js';
import { CLOSED_BILAG, CLOSED_WORDS, LONG_CELL, sampleMeeting, TYPOGRAPHY } from './sample.js';
import { allText, readBack, type ReadBack } from './testing.js';

const AT = new Date('2026-12-01T10:00:00Z');
const options = (audience: MeetingPdfOptions['audience']): MeetingPdfOptions => ({ audience, organization: 'KKR Midtjylland', generatedAt: AT });

/** The contents as printed: each entry's number, the start of its title, and its page. */
function contentsOf(read: ReadBack): Array<{ number: string; title: string; page: number }> {
  const entries: Array<{ number: string; title: string; page: number }> = [];
  for (const page of read.pages.slice(1)) {
    if (entries.length > 0 && !page.some((l) => /^\d+(\.\d+)*\.\s/.test(l.text) && /\s\d+$/.test(l.text))) break;
    for (const line of page) {
      const m = /^(\d+(?:\.\d+)*)\.\s+(.*?)\s+(\d+)$/.exec(line.text);
      if (m && line.cells.length >= 2) entries.push({ number: m[1]!, title: m[2]!, page: Number(m[3]) });
    }
  }
  return entries;
}

/** The page (1-based) each item heading is on, searching after the contents, in document order. */
function headingPages(read: ReadBack, numbers: string[], from: number): number[] {
  const found: number[] = [];
  let page = from;
  let line = 0;
  for (const number of numbers) {
    search: for (; page < read.pages.length; page++, line = 0) {
      const lines = read.pages[page]!;
      for (; line < lines.length; line++) {
        const l = lines[line]!;
        if (l.bold && l.size >= 11 && l.text.startsWith(`${number}. `)) {
          found.push(page + 1);
          line++;
          break search;
        }
      }
    }
  }
  return found;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Checks the contents against the document and the pages the headings are really on. */
function expectTrueContents(read: ReadBack, numbers: string[], titles: Map<string, string>) {
  const contents = contentsOf(read);
  expect(contents.map((e) => e.number)).toEqual(numbers);
  for (const e of contents) expect(squash(titles.get(e.number)!).startsWith(squash(e.title)), `${e.number}: ${e.title}`).toBe(true);
  const lastContentsPage = Math.max(...contents.map((e) => read.pages.findIndex((p) => p.some((l) => l.text.startsWith(`${e.number}. `)))));
  const pages = headingPages(read, numbers, lastContentsPage + 1);
  contents.forEach((e, k) => expect(pages[k], `item ${e.number}`).toBe(e.page));
  // Bookmarks and the contents' links lead to the same pages.
  expect(read.outline.map((o) => o.page)).toEqual(contents.map((e) => e.page));
  expect(new Set(read.outline.map((o) => o.title.split('.')[0]))).toEqual(new Set(numbers.map((n) => n.split('.')[0])));
  const targets = read.pages.flatMap((_, i) => read.links[i]!);
  for (const e of contents) expect(targets).toContain(e.page);
  return contents;
}

describe('renderMeetingPdf on the five samples', () => {
  it.each(seedFiles)('%s: contents in order with the pages the items start on; header and footer', async (file) => {
    const doc = MeetingDocument.parse(goldOf(file));
    const read = await readBack(await renderMeetingPdf(doc, { ...options('public'), organization: doc.body }));
    const visible = printView(doc, 'public')!.entries;
    const numbers = visible.map((e) => (e.kind === 'item' ? e.item.number : e.number));
    const titles = new Map(visible.map((e) => (e.kind === 'item' ? [e.item.number, e.item.title] : [e.number, CLOSED_ITEM])));
    expectTrueContents(read, numbers, titles);
    const count = read.pages.length;
    read.pages.forEach((lines, i) => {
      expect(lines.map((l) => l.text), `page ${i + 1}`).toContain(`Side ${i + 1} af ${count}`);
      if (i > 0) expect(lines[0]!.text).toContain(doc.body!);
    });
    // Every word of every item's text is printed somewhere (a spot check per item: its last paragraph).
    const text = squash(allText(read));
    for (const item of doc.items) {
      const last = item.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'paragraph').at(-1);
      if (last && last.kind === 'paragraph') expect(text).toContain(squash(last.text).slice(-40));
    }
  });
});

describe('access in the printed copies', () => {
  const doc = sampleMeeting(20);
  const closed = doc.items.find((i) => i.access === 'closed')!;

  it('the public copy prints the closed item as its number and "Lukket punkt", and nothing of it', async () => {
    const read = await readBack(await renderMeetingPdf(doc, options('public')));
    const text = allText(read);
    const titles = new Map(doc.items.map((i) => [i.number, i.access === 'closed' ? CLOSED_ITEM : i.title]));
    const contents = expectTrueContents(read, doc.items.map((i) => i.number), titles);
    expect(contents.find((e) => e.number === closed.number)!.title).toBe(CLOSED_ITEM);
    expect(text).toContain(`${closed.number}. ${CLOSED_ITEM}`);
    for (const word of [...CLOSED_WORDS, closed.title, CLOSED_BILAG]) expect(text).not.toContain(word);
    expect(text).toContain('Offentlig udgave');
    expect(text).not.toContain('må ikke offentliggøres');
  });

  it("the members' copy has everything, marked as not for publication", async () => {
    const read = await readBack(await renderMeetingPdf(doc, options('members')));
    const text = squash(allText(read));
    const titles = new Map(doc.items.map((i) => [i.number, i.title]));
    expectTrueContents(read, doc.items.map((i) => i.number), titles);
    for (const word of [...CLOSED_WORDS, CLOSED_BILAG]) expect(text).toContain(word);
    expect(text).toContain(squash(`${closed.number}. ${closed.title}`));
    expect(text).toContain('Lukket punkt – må ikke offentliggøres');
    expect(text).toContain('Udgave til medlemmer');
    expect(text).not.toContain(`${closed.number}. ${CLOSED_ITEM}`);
  });

  it('a confidential item is withheld from members and printed for the secretariat', async () => {
    const secret = { ...doc, items: doc.items.map((i) => (i.number === '5' ? { ...i, title: 'Personsag om ansættelse', access: 'confidential' as const } : i)) };
    const members = allText(await readBack(await renderMeetingPdf(secret, options('members'))));
    expect(members).toContain(`5. ${CLOSED_ITEM}`);
    expect(members).not.toContain('Personsag om ansættelse');
    const secretariat = allText(await readBack(await renderMeetingPdf(secret, options('secretariat'))));
    expect(secretariat).toContain('5. Personsag om ansættelse');
    expect(secretariat).toContain('Fortroligt punkt – må ikke offentliggøres');
  });

  it('a wholly closed document is not printed for the public', async () => {
    const whole = { ...doc, access: 'closed' as const };
    expect(printView(whole, 'public')).toBeNull();
    await expect(renderMeetingPdf(whole, options('public'))).rejects.toThrow(/not readable/);
    expect(printView(whole, 'members')!.containsRestricted).toBe(true);
  });

  it('the audience follows the access policy: members and secretaries of the meeting’s organisation only', () => {
    expect(audienceOf(ANONYMOUS, 1)).toBe('public');
    expect(audienceOf(accountViewer(1, 'member', 1), 1)).toBe('members');
    expect(audienceOf(accountViewer(1, 'member', 2), 1)).toBe('public');
    expect(audienceOf(accountViewer(1, 'secretary', 1), 1)).toBe('secretariat');
    expect(audienceOf(accountViewer(1, 'admin', null), 1)).toBe('public');
    expect(audienceOf(accountViewer(1, 'member', 1), null)).toBe('public');
  });
});

describe('the house layout', () => {
  const doc = sampleMeeting(20);

  it('front page: organisation, kind, long Danish date, time, place; participants and afbud with the substitute', async () => {
    const read = await readBack(await renderMeetingPdf(doc, { ...options('public'), approvedAt: '2020-09-09' }));
    const front = read.pages[0]!.map((l) => l.text);
    expect(front).toEqual(expect.arrayContaining(['KKR Midtjylland', 'Referat', 'Dato Onsdag den 17. juni 2020', 'Tid Kl. 10.00–13.00', 'Sted Scandic, Rytoften 3, 8210 Aarhus']));
    expect(front.join(' ')).toContain('Referatet er godkendt på mødet onsdag den 9. september 2020.');
    const text = allText(read);
    expect(text).toContain('Deltagere');
    expect(text).toMatch(/Gert Fiktivsen\s+V\s+Lemvig\s+Hanne Stedfortræder/);
    expect(text).toContain('Chefkonsulent Ida Sekretær, KL (referent)');
  });

  it('keeps Danish letters and typographic punctuation as text; tables as rows of cells with wrapped text', async () => {
    const read = await readBack(await renderMeetingPdf(doc, options('public')));
    const text = squash(allText(read));
    expect(text).toContain(TYPOGRAPHY);
    const lines = read.pages.flat();
    expect(lines.some((l) => l.cells.join('|') === 'Kommune|Beløb (mio. kr.)|Bemærkning')).toBe(true);
    expect(lines.some((l) => l.cells.join('|') === 'Favrskov|12,5|Første rate i 2020')).toBe(true);
    // The long cell wraps inside its column: its first line beside the row's other cells, the rest below.
    const row = lines.findIndex((l) => l.text.startsWith('Ringkøbing-Skjern'));
    const first = lines[row]!.cells.at(-1)!;
    expect(first.length).toBeLessThan(LONG_CELL.length);
    expect(LONG_CELL.startsWith(first)).toBe(true);
    expect(squash(lines.slice(row, row + 6).map((l) => l.cells.at(-1)).join(' '))).toContain(LONG_CELL);
    expect(text).toContain('./. Notat om punkt 3');
    expect(lines.filter((l) => l.text.startsWith('• ')).length).toBeGreaterThan(20);
    expect(lines.filter((l) => l.text.startsWith('– ')).length).toBeGreaterThan(10);
  });

  it('metadata: title, author, Danish language; identical bytes for identical input', async () => {
    const bytes = await renderMeetingPdf(doc, options('public'));
    const read = await readBack(bytes);
    expect(read.info.Title).toBe('Referat: KKR Midtjylland, 17. juni 2020');
    expect(read.info.Author).toBe('KKR Midtjylland');
    expect(read.language).toBe('da-DK');
    expect(Buffer.from(await renderMeetingPdf(doc, options('public'))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('contents over several pages still give every item its real page', async () => {
    const long = sampleMeeting(70);
    const read = await readBack(await renderMeetingPdf(long, options('members')));
    const contents = expectTrueContents(read, long.items.map((i) => i.number), new Map(long.items.map((i) => [i.number, i.title])));
    expect(new Set(contents.map((e) => read.pages.findIndex((p) => p.some((l) => l.text.startsWith(`${e.number}. `))))).size).toBeGreaterThan(1);
  });
});

describe('documents that strain the layout', () => {
  it('renders a document without items or participants: front page only, no contents', async () => {
    const empty = { ...sampleMeeting(1), items: [], participants: [], absent: [], others: [] };
    const read = await readBack(await renderMeetingPdf(empty, options('public')));
    expect(read.pages.length).toBe(1);
    expect(allText(read)).not.toContain('Indhold');
  });

  it('keeps the contents right when a long note makes the front page run over', async () => {
    const doc = sampleMeeting(6);
    const note = Array.from({ length: 900 }, (_, i) => `rettelse${i}`).join(' ');
    const read = await readBack(await renderMeetingPdf(doc, { ...options('public'), note }));
    expect(allText(read)).toContain('rettelse899');
    const titles = new Map(doc.items.map((i) => [i.number, i.access === 'closed' ? CLOSED_ITEM : i.title]));
    expectTrueContents(read, doc.items.map((i) => i.number), titles);
  });

  it('prints two items that share a number (an export’s mistake) each at its own page', async () => {
    const base = sampleMeeting(4);
    const twin = { ...base.items[1]!, title: 'Dobbelt nummer', sections: base.items[2]!.sections };
    const doc = { ...base, items: [base.items[0]!, { ...base.items[1]!, title: 'Dobbelt nummer' }, twin, base.items[3]!] };
    const read = await readBack(await renderMeetingPdf(doc, options('public')));
    const contents = expectTrueContents(read, ['1', '2', '2', '4'], new Map(doc.items.map((i) => [i.number, i.title])));
    expect(contents[2]!.page).toBeGreaterThan(contents[1]!.page);
  });

  it('renders a table row longer than a page, an unbroken 400-letter word, emoji and control characters', async () => {
    const doc = sampleMeeting(2);
    const giant = Array.from({ length: 1500 }, (_, i) => `ord${i}`).join(' ');
    doc.items[1]!.sections.push({ heading: 'Bilagstabel', type: 'other', blocks: [
      { kind: 'table', rows: [['A', 'B'], ['kort', giant], ['x'.repeat(400), 'slut']] },
      { kind: 'paragraph', text: `Et langt ord: ${'y'.repeat(400)} og emoji 🙂 og styretegn \u0001\u0000 her.` },
    ] });
    const read = await readBack(await renderMeetingPdf(doc, options('public')));
    const text = squash(allText(read));
    expect(text).toContain('ord0');
    expect(text).toContain('ord1499');
    expect(text).toContain('slut');
    expect(text).toContain('og styretegn her.');
  });
});
