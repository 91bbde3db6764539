/**
 * @module Line breaks put back into a page of text that lost them: the page is cut where its
 * layout must have broken the line — before a front-matter label ("Dato:", "Mødested:"), a
 * weekday date, an item number of a run ("89. … 90. … 91. …"), a labelled number ("SAG NR. 1"),
 * a capitalised role ("… Lejre Kommune Borgmester Lars …"), around a section heading in capitals
 * ("… MV. ADMINISTRATIONENS INDSTILLING 1. at …"), after a contents entry's leader ("…...iii") and
 * where an item title printed twice (contents and heading) stops agreeing with itself. Words are
 * never changed, dropped or moved: the page is only cut.
 */
import { FRONT_LABELS, HEADING_WORDS, ROLE_WORDS } from '../lexicon/index.js';
import { sectionTypeOf } from '../../model/index.js';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalised = (w: string) => w.replace(/\p{L}/u, (c) => c.toUpperCase());
/** A lexicon word as printed at a line's start: "Mødested", "MØDESTED". */
const printed = (words: readonly string[]) => words.flatMap((w) => [capitalised(w), w.toUpperCase()]).map(escape).join('|');

/** "Mødested:", "Dato :", "Afbud fra:" or any one capitalised word with a colon ("Udsendelsesdato:", "Sagsid.:"). */
const LABEL = new RegExp(String.raw`(?<=^|\s)(?:${printed(FRONT_LABELS.map((l) => l.word))}|\p{Lu}[\p{L}.]{2,})\s?:(?=\s|$)`, 'gu');
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
/** A weekday opening a date ("Onsdag den 15-maj-2002", "Mandag den 4. januar 2010"). */
const WEEKDAY_DATE = new RegExp(String.raw`(?<=\s)(?:${printed(WEEKDAYS)})(?= (?:den )?\d)`, 'gu');
/** The date after the weekday ("den 15-maj-2002", "den 4. januar 2010"), and the capitalised word after it. */
const DATE_AFTER = /^ (?:den )?\d{1,2}[.-]? ?(?:\p{L}+|\d{1,2})[.-]? ?\d{4}(?= (\p{Lu}\p{L}*))/u;
/** "Kl" after a date whose time the text lost ("… 2010 Kl Regionsgården"): the place follows it. */
const LOST_TIME = /^ [Kk]l\.?(?= \p{Lu})/u;
/** A contents entry's dot leader and page ("…budget...i", "…Skole...ix", "….12"). */
const LEADER = /\.{3,}\s*(?:[ivxlcdm]{1,6}|\d{1,4})(?=\s|$)/gu;
/** "89. Titel": an item number with its full stop, then a capital or digit. */
const NUMBERED = /(?<=^|\s)(\d{1,4})\.\s+(?=[\p{Lu}\d"„«])/gu;
/** "SAG NR. 1 MØDEPLAN", "Punkt 3 Titel": a labelled item number before a capitalised title. */
const LABELLED = /(?<=^|\s)(?:SAG NR\.|Sag nr\.|PUNKT|Punkt|PKT\.|Pkt\.)\s?(\d{1,4})\.?(?=\s+[\p{Lu}\d"„«])/gu;
/** A role before a name, after the name or place of the one before it ("Kommune Borgmester Lars"). */
const ROLE = new RegExp(String.raw`(?<=[\p{L}.)]\s)(?:${printed(ROLE_WORDS)}|Afbud)(?=\s+\p{Lu})`, 'gu');
/** An official's title before a name ("… Kommune Afdelingschef Erling …"): words Danish job titles end in. */
const OFFICIAL = /(?<=[\p{L}.)]\s)\p{Lu}\p{Ll}*(?:chef|direktør|sekretær|konsulent|fuldmægtig)(?=\s+\p{Lu})/gu;
/** A numbered meeting ("Møde nr. 1"): a label of its own though it has no colon. */
const MEETING_NUMBER = /(?<=\s)(?:Møde|MØDE) nr\.\s?\d/gu;
/** Place labels: their value is short (a room, an address) and prose after it is no part of it. */
const PLACE_LABEL = new RegExp(String.raw`(?<=^|\s)(?:${printed(FRONT_LABELS.filter((l) => l.field === 'place').map((l) => l.word))})\s?:\s`, 'gu');
/** A word in capitals: two letters or more ("MV.", "REGIONSRÅ-", "DET,"). */
const CAPS_WORD = /^[\p{Lu}\d][\p{Lu}\d\-.,:/]*$/u;

interface Occurrence {
  number: string;
  /** Where the occurrence starts, and where its title starts. */
  start: number;
  title: number;
}

/** The numbered occurrences of a page: "89. Titel" and "SAG NR. 1 TITEL". */
function occurrences(page: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const m of page.matchAll(NUMBERED)) found.push({ number: m[1]!, start: m.index, title: m.index + m[0].length });
  for (const m of page.matchAll(LABELLED)) found.push({ number: m[1]!, start: m.index, title: m.index + m[0].length + 1 });
  return found.sort((a, b) => a.start - b.start);
}

/** Occurrences that number on from one another, three or more in a row: a list of items. */
function numberRuns(found: readonly Occurrence[]): Occurrence[] {
  const members = new Set<Occurrence>();
  found.forEach((first, i) => {
    const run = [first];
    for (const o of found.slice(i + 1)) if (Number(o.number) === Number(run[run.length - 1]!.number) + 1) run.push(o);
    if (run.length >= 3) run.forEach((o) => members.add(o));
  });
  return [...members];
}

/** The words of a text from `from`, each with where it ends and its letters (lower-case, digits kept). */
function words(text: string, from: number): Array<{ end: number; letters: string }> {
  const out: Array<{ end: number; letters: string }> = [];
  for (const m of text.slice(from).matchAll(/\S+/gu)) {
    out.push({ end: from + m.index + m[0].length, letters: m[0].toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') });
  }
  return out;
}

/**
 * Where two printings of one item's title stop agreeing (letters compared, so "REGIONSRÅ- DET"
 * agrees with "regionsrådet"): for each, the offset where its title ends, or null when the
 * agreement ends inside a word of it or is too short (fewer than two words) to be a title.
 */
export function titleEnds(a: string, aFrom: number, b: string, bFrom: number): [number | null, number | null] {
  const wa = words(a, aFrom);
  const wb = words(b, bFrom);
  const la = wa.map((w) => w.letters).join('');
  const lb = wb.map((w) => w.letters).join('');
  let common = 0;
  while (common < la.length && common < lb.length && la[common] === lb[common]) common++;
  const endOf = (ws: typeof wa, total: number) => {
    let count = 0;
    for (const [k, w] of ws.entries()) {
      count += w.letters.length;
      if (count === common) return k >= 1 && count < total ? w.end : null;
      if (count > common) return null;
    }
    return null;
  };
  if (common < 8) return [null, null];
  return [endOf(wa, la.length), endOf(wb, lb.length)];
}

/** Capital runs that are a section heading ("ADMINISTRATIONENS INDSTILLING", "RESUME"): their start and end. */
function capsSections(page: string): Array<[number, number]> {
  const tokens = [...page.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!CAPS_WORD.test(tokens[i]!.text) || !/\p{L}{2}/u.test(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && CAPS_WORD.test(tokens[j + 1]!.text)) j++;
    // Within the run, the longest words (up to four) naming a section, from its end: what comes before is a title.
    let e = j;
    while (e >= i) {
      const k = [...Array(Math.min(4, e - i + 1)).keys()].map((d) => e - 3 + d).filter((k) => k >= i).find((k) => sectionTypeOf(tokens.slice(k, e + 1).map((t) => t.text).join(' ')) !== null);
      if (k === undefined) {
        e--;
        continue;
      }
      out.push([tokens[k]!.start, tokens[e]!.end]);
      e = k - 1;
    }
    i = j + 1;
  }
  return out;
}

/** The offsets of a page where new lines start, given all pages (titles recur across pages). */
export function boundaries(page: string, pages: readonly string[]): Set<number> {
  const cuts = new Set<number>();
  for (const m of page.matchAll(LABEL)) cuts.add(m.index);
  for (const m of page.matchAll(WEEKDAY_DATE)) {
    cuts.add(m.index);
    // What follows the date on its line is its time ("Kl. 10.00"); another capitalised word starts the next value.
    const date = DATE_AFTER.exec(page.slice(m.index + m[0].length));
    if (!date) continue;
    const end = m.index + m[0].length + date[0].length;
    if (!/^kl$/i.test(date[1]!)) cuts.add(end);
    else if (LOST_TIME.test(page.slice(end))) cuts.add(end + LOST_TIME.exec(page.slice(end))![0].length);
  }
  for (const m of page.matchAll(OFFICIAL)) cuts.add(m.index);
  for (const m of page.matchAll(MEETING_NUMBER)) cuts.add(m.index);
  for (const m of page.matchAll(PLACE_LABEL)) {
    // "Sted: S-04 Mission KL bidrager …": a place ends with its number; a capitalised word after it starts the text.
    const after = m.index + m[0].length;
    const next = /^\S*\d\S*(?= \p{Lu}\p{Ll})/u.exec(page.slice(after));
    if (next) cuts.add(after + next[0].length);
  }
  const banner = HEADING_WORDS.banners.map((p) => p.exec(page)).find((b) => b !== null);
  if (banner) cuts.add(banner[0].length);
  for (const m of page.matchAll(LEADER)) cuts.add(m.index + m[0].length);
  for (const m of page.matchAll(LABELLED)) cuts.add(m.index);
  for (const m of page.matchAll(ROLE)) cuts.add(m.index);
  for (const [start, end] of capsSections(page)) cuts.add(start).add(end);
  const own = occurrences(page);
  for (const o of numberRuns(own)) cuts.add(o.start);
  // The contents' label opening the page ("Indholdsfortegnelse Til efterretning …") stands alone.
  const first = /^\S+/u.exec(page)?.[0] ?? '';
  if (HEADING_WORDS.tocLabels.some((p) => p.test(first)) && first.length < page.length) cuts.add(first.length);
  // A title printed twice, in the contents and at its item: both end where they stop agreeing.
  for (const o of own) {
    for (const other of pages.flatMap((p) => occurrences(p).map((x) => ({ page: p, x })))) {
      if (other.x.number !== o.number || (other.page === page && other.x.start === o.start)) continue;
      const [end] = titleEnds(page, o.title, other.page, other.x.title);
      if (end !== null) cuts.add(o.start).add(end);
    }
  }
  return cuts;
}

/** One page's text cut into lines at its layout's boundaries. */
export function resegmentPage(page: string, pages: readonly string[] = [page]): string[] {
  const cuts = [...boundaries(page, pages)].filter((c) => c > 0 && c < page.length).sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, page.length]) {
    const text = page.slice(from, cut).trim();
    if (text) out.push(text);
    from = cut;
  }
  return out;
}
