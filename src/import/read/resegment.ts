/**
 * @module Line breaks put back into a page of text that lost them: the page is cut where its
 * layout must have broken the line — before a front-matter label ("Dato:", "Mødested:"), a
 * weekday date, an item number of a run ("89. … 90. … 91. …"), a labelled number ("SAG NR. 1"),
 * a capitalised role ("… Lejre Kommune Borgmester Lars …"), around a section heading in capitals
 * ("… MV. ADMINISTRATIONENS INDSTILLING 1. at …"), after a contents entry's leader ("…...iii") and
 * where an item title printed twice (contents and heading) stops agreeing with itself. Words are
 * never changed, dropped or moved: the page is only cut.
 */
import { CASE_SLOT_LABELS, FRONT_LABELS, HEADING_WORDS, ROLE_WORDS, WEEKDAYS } from '../lexicon/index.js';
import { sectionTypeOf } from '../../model/index.js';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalised = (w: string) => w.replace(/\p{L}/u, (c) => c.toUpperCase());
/** A lexicon word as printed at a line's start: "Mødested", "MØDESTED". */
const printed = (words: readonly string[]) => words.flatMap((w) => [capitalised(w), w.toUpperCase()]).map(escape).join('|');

/**
 * "Mødested:", "Dato :", "Afbud fra:" or any one capitalised word with a colon ("Udsendelsesdato:",
 * "Sagsid.:"); not right after an item number ("3. Tema: Kultur" is a title).
 */
const LABEL = new RegExp(String.raw`(?<=^|\s)(?<!(?:^|\s)\d{1,4}\.\s)(?:${printed(FRONT_LABELS.map((l) => l.word))}|\p{Lu}[\p{L}.]{2,})\s?:(?=\s|$)`, 'gu');
/** A weekday opening a date ("Onsdag den 15-maj-2002", "Mandag den 4. januar 2010", "Mandag d. 16. december 2013"). */
const WEEKDAY_DATE = new RegExp(String.raw`(?<=\s)(?:${printed(WEEKDAYS)})(?= (?:den |d\. )?\d)`, 'gu');
/** The date after the weekday ("den 15-maj-2002", "den 4. januar 2010"), and the capitalised word after it. */
const DATE_AFTER = /^ (?:den |d\. )?\d{1,2}[.-]? ?(?:\p{L}+|\d{1,2})[.-]? ?\d{4}(?= (\p{Lu}\p{L}*|kl(?=[\s.])))/u;
/** "Kl" after a date whose time the text lost ("… 2010 Kl Regionsgården"): the place follows it. */
const LOST_TIME = /^ [Kk]l\.?(?= \p{Lu})/u;
/** A contents entry's page number after its title, before the next entry's number (" 3" in "… referat 3 2. Meddelelser"). */
const CONTENTS_PAGE = /^ \d{1,4}(?= \d{1,4}\. )/u;
/** A year right after a title's words (" 2015"), then a space or the page's end. */
const TITLE_YEAR = /^ (?:19|20)\d{2}(?=\s|$)/u;
/** A contents entry's dot leader and page ("…budget...i", "…Skole...ix", "….12"). */
const LEADER = /(?<!\.)\.{3,}\s*(?:[ivxlcdm]{1,6}|\d{1,4})(?=\s|$)/gu;
/** "89. Titel": an item number with its full stop, then a capital or digit. */
const NUMBERED = /(?<=^|\s)(\d{1,4})(?:\.|\.{3})\s+(?=[\p{Lu}\d"„«])/gu;
/** "ØKONOMIUDVALGET 2. Ny …": a group heading in capitals (the committee the item comes from) right before an item number. */
const CAPS_BEFORE_NUMBER = /(?<=\s)\p{Lu}{4,}(?:[- ]\p{Lu}{2,})*(?= \d{1,4}\. \p{Lu})/gu;
/**
 * A compound meeting label without its colon ("… Mødedato 18. august 2014 Mødetidspunkt Mødelokale
 * Udvalgsværelse D"): words such as "Mødedato", "Mødelokale", "Starttidspunkt", which prose does not
 * start with a capital mid-line, begin a line of their own.
 */
const COMPOUND_LABEL = new RegExp(
  String.raw`(?<=\s)(?:${printed(FRONT_LABELS.map((l) => l.word).filter((w) => /^møde\p{L}{3,}$|\p{L}{3,}tidspunkt$/u.test(w)))})(?=\s|$)`,
  'gu',
);
/**
 * A date label without its colon right before the date ("Kommunalbestyrelsen Referat Dato 27. februar
 * 2014 Mødetidspunkt …"): the date that follows tells it from the word in prose.
 */
const DATE_LABEL = new RegExp(
  String.raw`(?<=\s)(?:${printed(FRONT_LABELS.filter((l) => l.field === 'date' && /^\p{L}+$/u.test(l.word)).map((l) => l.word))})(?= \d{1,2}[.-] ?(?:\p{L}{3,}|\d{1,2})[.-]? ?\d{4}(?:\s|$))`,
  'gu',
);
/**
 * "Dagsorden åben", "Referat lukket": the kind and access a page's header prints after the body's
 * name; "Lukket dagsorden": the group the contents list the closed items under.
 */
const KIND_ACCESS = /(?<=\s)(?:(?:Dagsorden|Referat|DAGSORDEN|REFERAT) (?:åben|lukket|ÅBEN|LUKKET)|(?:Åben|Lukket|ÅBEN|LUKKET) (?:dagsorden|DAGSORDEN))(?=\s|$)/gu;
/** "1 Lokalplan …": an item number without its full stop, before a capitalised word (see bareNumberRuns). */
const BARE_NUMBERED = /(?<=\s)(\d{1,3}) (?=\p{Lu}\p{Ll})/gu;

/**
 * Contents whose numbers lost their full stops ("Åben dagsorden 1 Lokalplan … 2 Lokalplan 358 for …
 * 3 Lokalplan …"): bare numbers before a capitalised word that count on 1, 2, 3 … (one number lost
 * now and then), four or more: where each starts, a line starts.
 */
function bareNumberRuns(page: string): number[] {
  const found = [...page.matchAll(BARE_NUMBERED)].map((m) => ({ n: Number(m[1]), at: m.index }));
  let best: number[] = [];
  for (let i = 0; i < found.length; i++) {
    if (found[i]!.n !== 1) continue;
    const run = [found[i]!];
    for (const f of found.slice(i + 1)) if (f.n === run.at(-1)!.n + 1 || f.n === run.at(-1)!.n + 2) run.push(f);
    if (run.length >= 4 && run.length > best.length) best = run.map((f) => f.at);
  }
  return best;
}

/** "Økonomiudvalget den 25. oktober 2005, pkt. 3": a case's earlier hearing, a heading of its own line. */
const HEARING = /(?<=\s)\p{Lu}\p{Ll}+ den \d{1,2}\. \p{Ll}+ \d{4}, pkt\. \d{1,4}(?= )/gu;
/** "Punkt 1: Der var ingen meddelelser.": an item's number as the label of what is said of it. */
const NUMBER_LABEL = /(?<=^|\s)(?:Punkt|PUNKT|Pkt\.) \d{1,4}:(?= )/gu;
/** "SAG NR. 1 MØDEPLAN", "Punkt 3 Titel": a labelled item number before a capitalised title. */
// Not "LUKKET PUNKT 5. Estimat …": a closed item's title, then the next item's number.
const LABELLED = /(?<=^|\s)(?<!(?:LUKKET|Lukket|lukket)\s)(?:SAG NR\.|Sag nr\.|PUNKT|Punkt|PKT\.|Pkt\.)\s?(\d{1,4})\.?(?=\s+[\p{Lu}\d"„«])/gu;
/** A role before a name, after the name or place of the one before it ("Kommune Borgmester Lars"). */
const ROLE = new RegExp(String.raw`(?<=[\p{L}.)]\s)(?:${printed(ROLE_WORDS)}|Afbud)(?=\s+\p{Lu})`, 'gu');
/** An official's title before a name ("… Kommune Afdelingschef Erling …", "… Adm. direktør Jakob …"): words Danish job titles end in. */
const OFFICIAL = /(?<=[\p{L}.)]\s)(?:\p{Lu}\p{Ll}*|\p{Lu}\p{Ll}{1,4}\. \p{Ll}*)(?:chef|direktør|sekretær|konsulent|fuldmægtig)(?=\s+\p{Lu})/gu;
/**
 * A case-number slot label without its colon ("… Godkendelse af dagsorden J. nr Dato: …"): an item
 * head's own line. Only the numbered labels ("J. nr", "Sagsnr."), capitalised as a line starts them.
 */
const CASE_SLOT = new RegExp(
  // Not right after an item number: "4. J.nr. 5 DanFiber …" is a contents entry that prints its journal number first.
  String.raw`(?<=\s)(?<!(?:^|\s)\d{1,4}\.\s)(?:${CASE_SLOT_LABELS.filter((l) => l.role === 'case')
    .flatMap((l) => l.pattern.split('|'))
    .filter((p) => /nr|nummer/.test(p))
    .map((p) => p.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))
    .join('|')})(?=\s|$)`,
  'gu',
);
/** A numbered meeting ("Møde nr. 1"): a label of its own though it has no colon. */
const MEETING_NUMBER = /(?<=\s)(?:Møde|MØDE) nr\.\s?\d/gu;
/** Place labels: their value is short (a room, an address) and prose after it is no part of it. */
const PLACE_LABEL = new RegExp(String.raw`(?<=^|\s)(?:${printed(FRONT_LABELS.filter((l) => l.field === 'place').map((l) => l.word))})\s?:\s`, 'gu');
/** "… ved sag nr. 6 Hans …": an absence limited to an item ends the name's entry in a run of names. */
const ITEM_NOTE = /(?<=\s)(?:ved|under|fra) (?:sag|punkt|pkt\.) (?:nr\. ?)?\d{1,4}(?= \p{Lu})/gu;
/** The authority a first page opens with ("Egebjerg Kommune", "REGION HOVEDSTADEN"), before the body's name. */
const AUTHORITY_FIRST = /^(?:\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)? (?:Kommune|KOMMUNE)|(?:Region|REGION) \p{Lu}[\p{L}-]+)(?= \p{Lu})/u;
/** The kind ending a first page's header ("… Kommunalbestyrelsen Referat"). */
const KIND_LAST = /(?<=\S) (?:Referat|REFERAT|Dagsorden|DAGSORDEN)$/u;
/** A place value ending in its number ("S-04"), a capitalised word after it. */
const PLACE_VALUE = /\S*\d\S*(?= \p{Lu}\p{Ll})/u;
/** A word in capitals: two letters or more ("MV.", "REGIONSRÅ-", "DET,"). */
const CAPS_WORD = /^[\p{Lu}\d][\p{Lu}\d\-.,:/]*$/u;

/** A match of `re` starting exactly at `index` (no copy of the text: pages may be long). */
function matchAt(re: RegExp, text: string, index: number): RegExpExecArray | null {
  const sticky = new RegExp(re.source.replace(/^\^/, ''), re.flags.replace('g', '') + 'y');
  sticky.lastIndex = index;
  return sticky.exec(text);
}

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

/** The most numbers a run of items may skip at once: a transcript loses a number with the digits before it ("… budget Ny ordning …", "2012 3." lost). */
const MAX_LOST = 2;

/**
 * Occurrences that number on from one another, three or more in a row: a list of items. A run may
 * skip a number or two where the transcript lost them (1, 2, 5, 6, 9 …), when it is four long or
 * more; each member comes with the member before it in its run.
 */
function numberRuns(found: readonly Occurrence[]): Array<{ o: Occurrence; before: Occurrence | null }> {
  // The longest run ending at each occurrence, through the latest occurrence of the number before it
  // (or, failing that, of the one or two before that).
  const last = new Map<number, number>();
  const previous: Array<number | null> = [];
  const length: number[] = [];
  const lost: number[] = [];
  found.forEach((o, i) => {
    const n = Number(o.number);
    let before: number | undefined;
    let skipped = 0;
    for (let k = 1; k <= MAX_LOST + 1 && before === undefined; k++) [before, skipped] = [last.get(n - k), k - 1];
    previous.push(before ?? null);
    length.push(before === undefined ? 1 : length[before]! + 1);
    lost.push(before === undefined ? 0 : lost[before]! + skipped);
    last.set(n, i);
  });
  const members = new Set<number>();
  for (let i = found.length - 1; i >= 0; i--) {
    if (length[i]! < (lost[i]! > 0 ? 4 : 3) || members.has(i)) continue;
    for (let k: number | null = i; k !== null && !members.has(k); k = previous[k]!) members.add(k);
  }
  return [...members].map((i) => ({ o: found[i]!, before: previous[i] !== null && members.has(previous[i]!) ? found[previous[i]!]! : null }));
}

/** Where a capitalised word follows a word in lower case ("budget Ny", "september J.nr."): an entry that lost its number may start there. */
const LOWER_THEN_CAPITAL = /(?<=\p{Ll}) (?=\p{Lu})/gu;

/**
 * Entries of a run that lost their numbers ("2. Godkendelse af budget Ny ordning … fra 1. januar
 * Renovering af ovnlinie 2 5. Udvidelse …", 3 and 4 lost): where the run skips k numbers and the
 * text between has exactly k places where a capitalised word follows a lower-case one, a line
 * starts at each. Any other count leaves the text as it is.
 */
function lostEntryCuts(page: string, runs: ReturnType<typeof numberRuns>, cuts: Set<number>): void {
  for (const { o, before } of runs) {
    if (!before) continue;
    const k = Number(o.number) - Number(before.number) - 1;
    if (k < 1) continue;
    const between = page.slice(before.title, o.start);
    const places = [...between.matchAll(LOWER_THEN_CAPITAL)].map((m) => before.title + m.index + 1);
    if (places.length === k) for (const at of places) cuts.add(at);
  }
}

/** How far into an item's run a title may end, and how much text must follow it for that text to be prose. */
const TITLE_REACH = 160;
const PROSE_AFTER = 40;
/** A sentence's end inside the text after a title: a word's full stop, then a space or the run's end. */
const SENTENCE_END = /\p{Ll}{2}[.!?](?=\s|$)/u;
/** "v.", "v/", "ved": before the names of those who present an item. */
const PRESENTER = /^(?:v\.|v\/|ved)$/u;
/** A noun made of a verb ("Orientering", "Drøftelse", "Præsentation"), as the text after a title opens. */
const VERBAL_NOUN = /^\p{Lu}\p{Ll}{3,}(?:ing|else|tion|sion)$/u;
/** A title complete by itself, then a sentence: "Evt. Dagsorden blev godkendt" (the lexicon's standingTitles). */
const STANDING_TITLE = new RegExp(String.raw`(?:${HEADING_WORDS.standingTitles.map(escape).join('|')})(?= \p{Lu}\p{Ll}+ \p{Ll})`, 'u');
/** A year (" 2015"): a title's last word before its text may be one. */
const YEAR_WORD = /^(?:19|20)\d{2}$/u;

/**
 * Item headings a transcript ran into their own text ("1. Godkendelse af dagsorden Dagsordenen blev
 * godkendt med …", "2. Godkendelse af referatet fra møde fredag 30. januar 2015 Bilag 1. Referat …"):
 * where a run's item is followed by prose (long, with a sentence's end), its title ends at the first
 * capitalised word after a word in lower case, or after a year, that is no join word of a title
 * ("Tilskud til Odense Havn") and that a lower-case word or a number follows (a name's next word is
 * capitalised: "Ansøgning fra Roskilde Festival" keeps it whole either way).
 */
function proseTitleCuts(page: string, members: readonly Occurrence[], cuts: Set<number>): void {
  members.forEach((o, i) => {
    const standing = matchAt(STANDING_TITLE, page, o.title);
    if (standing) cuts.add(o.title + standing[0].length);
    const end = members[i + 1]?.start ?? page.length;
    if (end - o.title < PROSE_AFTER * 2) return;
    const head = page.slice(o.title, o.title + TITLE_REACH);
    const words = [...head.matchAll(/\S+/gu)].map((m) => ({ text: m[0], at: o.title + m.index }));
    for (let k = 1; k < words.length - 1; k++) {
      const [prev, word, next] = [words[k - 1]!.text, words[k]!.text, words[k + 1]!.text];
      if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !/^(?:\p{Ll}|\d)/u.test(next)) continue;
      const afterLower = /^\p{Ll}[\p{Ll}.]*$/u.test(prev) && !HEADING_WORDS.titleJoinWords.has(prev);
      // "… v. Karl Damsgaard og Steen Munkholm Orientering om status …": after the presenters'
      // names, a verbal noun (no surname ends so) and its preposition open the text.
      const afterPresenter = VERBAL_NOUN.test(word) && /^\p{Lu}/u.test(prev) && words.slice(0, k - 1).some((w) => PRESENTER.test(w.text));
      if (!afterLower && !afterPresenter && !YEAR_WORD.test(prev)) continue;
      const rest = page.slice(words[k]!.at, Math.min(end, words[k]!.at + 400));
      if (rest.length >= PROSE_AFTER && SENTENCE_END.test(rest)) cuts.add(words[k]!.at);
      return;
    }
  });
}

/** Each page's place among the pages (its first), computed once per document: looked up per page, indexOf was quadratic. */
const pageIndexes = new WeakMap<readonly string[], Map<string, number>>();
function pageIndexOf(pages: readonly string[]): Map<string, number> {
  let known = pageIndexes.get(pages);
  if (!known) {
    known = new Map();
    pages.forEach((p, i) => known!.has(p) || known!.set(p, i));
    pageIndexes.set(pages, known);
  }
  return known;
}

/**
 * A run of items that goes on from the page before ("… 10. Vandforurening …" / "Regulering … 11.
 * Status … 12. Prislofter …"): the page's numbers that count on from the last of the previous
 * page's run, one after the other, are members too, however few.
 */
function continuedRun(own: readonly Occurrence[], page: string, pages: readonly string[]): Array<{ o: Occurrence; before: Occurrence | null }> {
  const at = pageIndexOf(pages).get(page) ?? -1;
  if (at < 1) return [];
  const before = numberRuns(occurrences(pages[at - 1]!));
  if (before.length === 0) return [];
  let last = Math.max(...before.map(({ o }) => Number(o.number)));
  const out: Array<{ o: Occurrence; before: Occurrence | null }> = [];
  for (const o of own) {
    if (Number(o.number) !== last + 1) continue;
    out.push({ o, before: out.at(-1)?.o ?? null });
    last++;
  }
  // Numbers the page's own runs already hold stay theirs.
  return own.length > 0 && numberRuns(own).length > 0 ? [] : out;
}

/** "… orienterer Punkter til beslutning: 4. …": a group label of a few words with its colon, after a title in lower case. */
const GROUP_LABEL = /(?<=\S) (?=\p{Lu}\p{Ll}+(?: \p{Ll}+){1,3}:(?:\s|$))/gu;

/**
 * "… direktionen Sager til beslutning 4. …": a group phrase of the lexicon without its colon, right
 * before the run's next number (or at the page's end, the group going on over the page).
 */
const GROUP_PHRASE = new RegExp(String.raw`(?<=\p{Ll}) (?=(?:${HEADING_WORDS.groupPhrases.join('|')})(?: \d{1,4}\. |\s*$))`, 'giu');

/** A contents run's group labels ("Punkter til beslutning:", "Punkter til orientering:", "Sager til beslutning") start lines of their own. */
function groupLabelCuts(page: string, members: readonly Occurrence[], cuts: Set<number>): void {
  members.forEach((o, k) => {
    const end = Math.min(members[k + 1]?.start ?? page.length, o.title + 300);
    for (const m of page.slice(o.title, end).matchAll(GROUP_LABEL)) cuts.add(o.title + m.index + 1);
    for (const m of page.slice(o.title, end).matchAll(GROUP_PHRASE)) cuts.add(o.title + m.index + 1);
  });
}

/** The words of a text from `from`, each with where it ends and its letters (lower-case, digits kept). */
function words(text: string, from: number): Array<{ end: number; letters: string }> {
  const out: Array<{ end: number; letters: string }> = [];
  const word = /\S+/gu;
  word.lastIndex = from;
  // A title is short: forty words are more than any.
  for (let m = word.exec(text); m && out.length < 40; m = word.exec(text)) {
    out.push({ end: m.index + m[0].length, letters: m[0].toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') });
  }
  return out;
}

/**
 * Where two printings of one item's title stop agreeing (letters compared, so "REGIONSRÅ- DET"
 * agrees with "regionsrådet"): for each, the offset where its title ends, or null when the
 * agreement ends inside a word of it or is too short (fewer than eight letters) to be a title.
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
      if (count === common) return count < total ? w.end : null;
      if (count > common) return null;
    }
    return null;
  };
  if (common < 8) return [null, null];
  return [endOf(wa, la.length), endOf(wb, lb.length)];
}

/** Whether the rest of a page from `from` (eight letters or more) is how another printing's title starts. */
function endsPageAs(page: string, from: number, other: string, otherFrom: number): boolean {
  const rest = words(page, from);
  if (rest.length === 0 || rest.at(-1)!.end !== page.trimEnd().length) return false;
  const letters = rest.map((w) => w.letters).join('');
  return letters.length >= 8 && words(other, otherFrom).map((w) => w.letters).join('').startsWith(letters);
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
      let k: number | undefined;
      for (let start = Math.max(i, e - 3); start <= e && k === undefined; start++) {
        if (sectionTypeOf(tokens.slice(start, e + 1).map((t) => t.text).join(' ')) !== null) k = start;
      }
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

/**
 * A section word in ordinary case ("Beslutning Godkendt.", "… forelægges. Sagsfremstilling Forvaltningen …"):
 * its own line where a line, a sentence or an item's title ends before it and a capitalised word follows.
 */
function sectionWordCuts(page: string, headings: readonly Occurrence[], cuts: Set<number>): void {
  const tokens = [...page.matchAll(/\S+/gu)];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (!next || !/^\p{Lu}\p{Ll}+:?$/u.test(t[0]) || !/^\p{Lu}/u.test(next[0]) || sectionTypeOf(t[0]) === null) return;
    const prev = tokens[i - 1];
    // Right after an item's title: "2. Budget for vejene Sagsfremstilling Forvaltningen …".
    const heading = [...headings].reverse().find((o) => o.title <= t.index);
    const afterTitle = heading !== undefined && t.index - heading.title < 200 && !/[.!?]\s/.test(page.slice(heading.title, t.index));
    // "… godkendes Beslutninger Handicaprådet den Ikke til stede: …": a decision heading whose date the
    // text lost is a heading wherever it stands; its body's name and "den" tell it from prose.
    const lostDate = lostDateHeadingEnd(page, tokens, i);
    if (!(afterTitle || lostDate !== null || cuts.has(t.index) || cuts.has(t.index - 1) || i === 0 || (prev && /[.!?]$/.test(prev[0])))) return;
    cuts.add(t.index).add(lostDate ?? t.index + t[0].length);
  });
}

/**
 * Where a decision heading whose date the text lost ends: "Beslutning Økonomiudvalget den Godkendt."
 * is the heading "Beslutning Økonomiudvalget den" and the decision "Godkendt."; null when the words
 * after the section word are no such heading. Looks at a few words only, so the pass stays linear.
 */
function lostDateHeadingEnd(page: string, tokens: readonly RegExpMatchArray[], i: number): number | null {
  for (let k = i + 1; k < Math.min(tokens.length - 1, i + 9); k++) {
    if (/[.!?:]$/.test(tokens[k]![0])) return null;
    if (tokens[k]![0] !== 'den' || !/^\p{Lu}/u.test(tokens[k + 1]![0])) continue;
    const end = tokens[k]!.index! + 3;
    return sectionTypeOf(page.slice(tokens[i]!.index, end)) === 'decision' ? end : null;
  }
  return null;
}

/** Cuts around a weekday date: before it, and after it unless its time follows ("Kl. 10.00"). */
function dateCuts(page: string, cuts: Set<number>): void {
  for (const m of page.matchAll(WEEKDAY_DATE)) {
    cuts.add(m.index);
    const date = matchAt(DATE_AFTER, page, m.index + m[0].length);
    if (!date) continue;
    const end = m.index + m[0].length + date[0].length;
    if (!/^kl$/i.test(date[1]!)) cuts.add(end);
    else {
      const kl = matchAt(LOST_TIME, page, end);
      if (kl) cuts.add(end + kl[0].length);
    }
  }
}

/** Cuts of a page's header: a kind banner, the authority, the body and the kind, run together. */
function headerCuts(page: string, cuts: Set<number>): void {
  const banner = HEADING_WORDS.banners.map((p) => p.exec(page)).find((b) => b !== null);
  const from = banner ? banner[0].length : 0;
  if (from > 0) cuts.add(from);
  // The contents' label opening the page ("Indholdsfortegnelse Til efterretning …") stands alone.
  const first = /^\S+/u.exec(page)?.[0] ?? '';
  if (HEADING_WORDS.tocLabels.some((p) => p.test(first)) && first.length < page.length) cuts.add(first.length);
  const headerEnd = Math.min(...[...cuts].filter((c) => c > from), page.length);
  const header = page.slice(from, headerEnd);
  const lead = header.length - header.trimStart().length;
  const authority = AUTHORITY_FIRST.exec(header.trimStart());
  if (authority) cuts.add(from + lead + authority[0].length);
  const kind = KIND_LAST.exec(header.trimEnd());
  if (kind) cuts.add(from + kind.index);
}

/** Every page's numbered occurrences by number, computed once per document. */
const byNumberOf = new WeakMap<readonly string[], Map<string, Array<{ page: string; x: Occurrence }>>>();
function occurrencesByNumber(pages: readonly string[]): Map<string, Array<{ page: string; x: Occurrence }>> {
  let known = byNumberOf.get(pages);
  if (!known) {
    known = new Map();
    for (const page of pages) for (const x of occurrences(page)) known.set(x.number, [...(known.get(x.number) ?? []), { page, x }]);
    byNumberOf.set(pages, known);
  }
  return known;
}

/** Cuts of numbered titles: a run of item numbers, and a title printed twice (contents and item) where the printings part. */
function titleCuts(page: string, pages: readonly string[], cuts: Set<number>): void {
  const own = occurrences(page);
  const runs = [...numberRuns(own), ...continuedRun(own, page, pages)];
  for (const { o } of runs) cuts.add(o.start);
  lostEntryCuts(page, runs, cuts);
  proseTitleCuts(page, runs.map(({ o }) => o).sort((a, b) => a.start - b.start), cuts);
  groupLabelCuts(page, runs.map(({ o }) => o).sort((a, b) => a.start - b.start), cuts);
  const byNumber = occurrencesByNumber(pages);
  for (const o of own) {
    const same = byNumber.get(o.number) ?? [];
    // A number printed on and on ("1." of every list) is no item's; a title recurs a few times at most.
    if (same.length > 6) continue;
    for (const other of same) {
      if (other.page === page && other.x.start === o.start) continue;
      const [end] = titleEnds(page, o.title, other.page, other.x.title);
      // A heading closing the page ("… Byvej15 1. Meddelelser") whose whole rest the other printing starts with.
      if (end === null && endsPageAs(page, o.title, other.page, other.x.title)) cuts.add(o.start);
      // A contents entry's page number stays with its title ("1. Godkendelse af referat 3 2. Meddelelser …").
      const pageNumber = end === null ? null : matchAt(CONTENTS_PAGE, page, end);
      // A year after the agreeing words ("1. BUDGETSTATUS 2015" against the contents' "1. Budgetstatus
      // Budgetforslag …") is this title's: the other printing lost it, as transcripts lose numbers.
      const year = end === null || pageNumber ? null : matchAt(TITLE_YEAR, page, end);
      if (end !== null) cuts.add(o.start);
      if (end !== null && !year) cuts.add(end + (pageNumber?.[0].length ?? 0));
    }
  }
}

/** The offsets of a page where new lines start, given all pages (titles recur across pages). */
export function boundaries(page: string, pages: readonly string[]): Set<number> {
  const cuts = new Set<number>();
  const at = (re: RegExp) => {
    for (const m of page.matchAll(re)) cuts.add(m.index);
  };
  [LABEL, LABELLED, ROLE, OFFICIAL, MEETING_NUMBER, CASE_SLOT, NUMBER_LABEL].forEach(at);
  for (const m of page.matchAll(CAPS_BEFORE_NUMBER)) cuts.add(m.index).add(m.index + m[0].length);
  for (const re of [NUMBER_LABEL, HEARING, KIND_ACCESS]) for (const m of page.matchAll(re)) cuts.add(m.index).add(m.index + m[0].length);
  for (const m of page.matchAll(COMPOUND_LABEL)) cuts.add(m.index);
  for (const m of page.matchAll(DATE_LABEL)) cuts.add(m.index);
  for (const at of bareNumberRuns(page)) cuts.add(at);
  for (const re of [LEADER, ITEM_NOTE]) for (const m of page.matchAll(re)) cuts.add(m.index + m[0].length);
  for (const m of page.matchAll(PLACE_LABEL)) {
    // "Sted: S-04 Mission KL bidrager …": a place ends with its number; a capitalised word after it starts the text.
    const after = m.index + m[0].length;
    const next = matchAt(PLACE_VALUE, page, after);
    if (next) cuts.add(after + next[0].length);
  }
  // The kind banner ("REFERAT 2012") is no "Referat" section heading.
  const banner = HEADING_WORDS.banners.map((p) => p.exec(page)).find((b) => b !== null);
  for (const [start, end] of capsSections(page)) if (!banner || start >= banner[0].length) cuts.add(start).add(end);
  dateCuts(page, cuts);
  titleCuts(page, pages, cuts);
  headerCuts(page, cuts);
  sectionWordCuts(page, occurrences(page), cuts);
  lostNumberContents(page, cuts);
  for (const m of page.matchAll(PAGE_THEN_ITEM)) cuts.add(m.index);
  for (const m of page.matchAll(DATELESS_DECISION)) cuts.add(m.index).add(m.index + m[0].length);
  return cuts;
}

/** A page's running "Side 2" right before the item that page opens with ("Side 2 2. Til orientering"). */
const PAGE_THEN_ITEM = /(?<=(?:^|\s)Side \d{1,4}) (?=\d{1,4}\.\s+\p{Lu})/gu;
/** A decision heading whose date the transcript lost ("Beslutning den : Dagsorden godkendt."). */
const DATELESS_DECISION = /(?<=^|\s)Beslutning den ?:(?=\s|$)/gu;

/** A contents page's column headers before its first entry ("Sag nr. Side 1. …", "Sagsoversigt Side 01. …"). */
const CONTENTS_COLUMNS = new RegExp(String.raw`(?<=^|\s)(?:${HEADING_WORDS.contentsColumns.join('|')})\s+`, 'iu');
/** The first entry's number, then its capitalised title. */
const FIRST_ENTRY = /0?1\.\s+(?=\p{Lu})/u;
/** Where such a list ends: a dot leader to a page, or the list of attachments after it ("Bilagsliste", "Samlet bilagsliste"). */
const CONTENTS_END = /\.{3,}\s*\d{1,4}|(?<=\s)(?:Samlet\s+[Bb]ilagsliste|Bilagsliste)\b/u;
/** Another numbered entry ("3. Titel"): the list kept its numbers, and is read as such. */
const KEPT_NUMBER = /(?<=^|\s)\d{1,3}\.\s+\p{Lu}/u;

/**
 * Contents that lost every number but the first, as a transcript prints them ("Sag nr. Side 1.
 * Godkendelse af dagsorden Indkaldelse af stedfortræder … m.v Indkommet materiale Indtægtsbevilling
 * Kunst, Multicenter Præstø Ansøgning om … Havn Ansøgning om …"): the titles are told apart as a
 * reader tells them. A capitalised word after a word in lower case starts the next title, unless
 * that word is one a title puts before a name ("Afgørelse fra Statsforvaltningen"); so does a start
 * of a capitalised and a lower-case word two titles or more share ("Ansøgning om"), whatever stands
 * before it. The column headers, the
 * first number and the list's end are cuts too. Nothing when fewer than three titles are found so.
 */
function lostNumberContents(page: string, cuts: Set<number>): void {
  const head = CONTENTS_COLUMNS.exec(page);
  if (!head) return;
  const numberAt = head.index + head[0].length;
  const first = matchAt(FIRST_ENTRY, page, numberAt);
  if (!first) return;
  const start = numberAt + first[0].length;
  const close = CONTENTS_END.exec(page.slice(start));
  const end = close ? start + close.index : page.length;
  const run = page.slice(start, end);
  if (KEPT_NUMBER.test(run)) return;
  const words = [...run.matchAll(/\S+/gu)].map((m) => ({ text: m[0], at: start + m.index }));
  const next = (i: number) => words[i + 1]?.text ?? '';
  const starts: number[] = [];
  words.forEach((w, i) => {
    // A capitalised word, or an acronym ("ODIN rapport", "IDV 3. kvartal").
    if (i === 0 || !/^\p{Lu}(?:\p{Ll}|\p{Lu}+(?:\s|$))/u.test(w.text + ' ')) return;
    const prev = words[i - 1]!.text;
    if (HEADING_WORDS.titleJoinWords.has(prev.toLowerCase()) || /[,\-–:&/]$/u.test(prev)) return;
    const afterLower = /^\p{Ll}/u.test(prev);
    // "Uddeling af Handicapprisen Høring af …": a name closing one title after its preposition, then
    // a capitalised word and a preposition opening the next.
    const afterObject = i >= 2 && /^\p{Lu}\p{Ll}/u.test(prev) && HEADING_WORDS.titleJoinWords.has(words[i - 2]!.text.toLowerCase()) && OPENING_PREPOSITION.test(next(i));
    // "Ansøgning om": a title's capitalised first word and the lower-case word after it.
    const shared = /^\p{Ll}/u.test(next(i)) && words.filter((v, k) => k > 0 && v.text === w.text && next(k) === next(i)).length >= 2;
    if (afterLower || shared || afterObject) starts.push(w.at);
  });
  if (starts.length < 2) return;
  cuts.add(head.index).add(numberAt).add(end);
  for (const at of starts) cuts.add(at);
}

/** The prepositions a title's first noun takes ("Høring af", "Forslag til", "Opfølgning på"). */
const OPENING_PREPOSITION = /^(?:af|til|på|om|for|med|fra|vedr\.?|vedrørende)$/u;

/** Lexicon labels only ("Mødested:", "Afbud:"): a single capitalised word with a colon may be text. */
const LEXICON_LABEL = new RegExp(String.raw`(?<=^|\s)(?:${printed(FRONT_LABELS.map((l) => l.word))})\s?:(?=\s|$)`, 'gu');

/**
 * How many places in a line certainly broke a line of the layout: lexicon labels, section
 * headings in capitals, weekday dates, contents leaders, labelled item numbers. Running text has
 * none or one; a heading squashed together with its labels and sections has several.
 */
export function layoutBreaks(text: string): number {
  let count = capsSections(text).length;
  for (const re of [LEXICON_LABEL, WEEKDAY_DATE, LEADER, LABELLED]) count += [...text.matchAll(re)].length;
  return count;
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
