/**
 * @module Lines a page's text copy ran together, parted again before the structure is read: a
 * fold-out control's label before a heading ("fold dette punkt ind Resume", see read/chrome.ts)
 * and a section heading run onto the end of the sentence before it ("… den 20. oktober
 * 2014.Beslutning"), where the page had a block break the copy lost.
 */
import { sectionTypeOf } from '../../model/index.js';
import type { Line } from '../line.js';
import { withoutChromePrefix } from '../read/chrome.js';
import { HEADING_WORDS } from '../lexicon/index.js';

/** The line cut in two: its text before the cut, and the rest on a line of its own, breaking before it. */
function parted(line: Line, before: string, after: string): Line[] {
  return [{ ...line, text: before }, { ...line, text: after, list: null, breakBefore: true, pageBreakBefore: false, links: [] }];
}

/** A sentence's end with no space before a capitalised word or two that end the line. */
const RUN_IN = /\S[.!?)](\p{Lu}[\p{L}\- ]{2,60})$/u;

/** The line, or the sentence and the known section heading run onto its end as two lines. */
export function splitRunInHeading(line: Line): Line[] {
  if (line.cells) return [line];
  // Only the line's end can hold the heading: matched from the start, a pattern backtracking over a
  // line of megabytes overflowed the stack. (The heading has no [.!?)], so its start is unique.)
  const m = RUN_IN.exec(line.text.slice(-130));
  if (!m || sectionTypeOf(m[1]!) === null) return [line];
  return parted(line, line.text.slice(0, line.text.length - m[1]!.length), m[1]!);
}

/** A word run onto a number that opens a numbered heading: "Indholdsfortegnelse1. Fraværende". */
const LABEL_RUN_IN = /^(\p{L}{4,40})(\d{1,4}\.\s+\p{Lu}.*)$/u;

/**
 * The line, or a contents label (the lexicon's tocLabels) and the numbered heading its page ran
 * onto it as two lines: the first item's heading must not be lost in the label's line.
 */
export function splitRunInTocLabel(line: Line): Line[] {
  if (line.cells) return [line];
  const m = LABEL_RUN_IN.exec(line.text.trim());
  if (!m || !HEADING_WORDS.tocLabels.some((p) => p.test(m[1]!))) return [line];
  return parted(line, m[1]!, m[2]!);
}

/** A word run onto a numbered heading at the line's end: "…handlingsplaner174. Godkendelse …". */
const ENTRY_RUN_IN = /^(.*\p{Ll})(\d{1,4}\.\s+\p{Lu}.*)$/u;

/**
 * The line, or a contents entry and the numbered heading run onto its end, when that heading
 * repeats an earlier line word for word (the contents' own entry for it): the last contents line
 * and the first item's heading, which the page's copy joined.
 */
export function splitRunInEntry(line: Line, earlier: ReadonlySet<string>): Line[] {
  // A contents line and a heading are short; on a line of megabytes the pattern's backtracking overflowed the stack.
  if (line.cells || line.text.length > 5000) return [line];
  const m = ENTRY_RUN_IN.exec(line.text.trim());
  if (!m || !earlier.has(m[2]!.trim())) return [line];
  return parted(line, m[1]!, m[2]!);
}

/** The first item's heading at the end of the header's last sentence: "… dagsordenen?). 1. Godkendelse af referat:". */
const FIRST_RUN_IN = /[.!?)]\s+(1\.\s+\p{Lu}[^.!?]{1,80})$/u;
/** A line that opens item 2 ("2. Elevråd:"). */
const SECOND_HEADING = /^2\.\s+\p{Lu}/u;

/**
 * The line, or the sentence and item 1's heading run onto its end (a page's copy lost the break
 * between the header and the agenda), when item 2's heading opens a line within the next lines.
 */
export function splitRunInFirstHeading(line: Line, lines: readonly Line[], from: number): Line[] {
  if (line.cells) return [line];
  const m = FIRST_RUN_IN.exec(line.text.slice(-130));
  // The lines below are looked at only for a match: sliced for every line, they made the pass quadratic.
  if (!m || !lines.slice(from, from + 40).some((l) => SECOND_HEADING.test(l.text.trim()))) return [line];
  return parted(line, line.text.slice(0, line.text.length - m[1]!.length).trimEnd(), m[1]!);
}

/** The next item's heading run onto a sentence's end with no space: "… Godkendt.11. Briefing fra …". */
const NEXT_RUN_IN = /(?<=\p{L}[.!?])(\d{1,3})\.\s+(\p{Lu}[^.!?]{1,100})$/u;
/** A line that opens a numbered heading, and its number. */
const OPENS_NUMBERED = /^(\d{1,3})\.\s+\p{Lu}/u;

/**
 * The line, or the sentence and the numbered heading a page's copy ran onto its end (the break
 * between an item's last paragraph and the next item's heading lost), when that heading's number
 * follows the last one that opened a line: "10. Godkendelse af dagsorden" … "Godkendt.11. Briefing …".
 */
export function splitRunInNextHeading(line: Line, lastOpened: number | null): Line[] {
  if (line.cells || lastOpened === null) return [line];
  const m = NEXT_RUN_IN.exec(line.text.slice(-130));
  if (!m || Number(m[1]) !== lastOpened + 1) return [line];
  const cut = line.text.length - m[0].length;
  return parted(line, line.text.slice(0, cut), m[0]);
}

/** The reader's lines with run-together text parted: control labels off, run-in headings on lines of their own. */
export function partRunIns(lines: readonly Line[]): Line[] {
  const seen = new Set<string>();
  let lastOpened: number | null = null;
  return lines.flatMap((l, i) => {
    const text = l.cells ? l.text : withoutChromePrefix(l.text);
    const parted = splitRunInHeading(text === l.text ? l : { ...l, text })
      .flatMap(splitRunInTocLabel)
      .flatMap((p) => splitRunInEntry(p, seen))
      .flatMap((p) => splitRunInFirstHeading(p, lines, i + 1))
      .flatMap((p) => splitRunInNextHeading(p, lastOpened));
    for (const p of parted) {
      seen.add(p.text.trim());
      const opened = OPENS_NUMBERED.exec(p.text.trim());
      if (opened) lastOpened = Number(opened[1]);
    }
    return parted;
  });
}
