/**
 * @module Joining visual lines into running text, mending hyphenation at line ends.
 */

/** Words after a line-end hyphen that show the hyphen is a real one ("social- og sundhed"). */
const KEEP_HYPHEN_BEFORE = new Set(['og', 'eller', 'samt', 'til', 'som', 'hhv', 'henholdsvis', 'end']);

const LETTER = /\p{L}/u;
const LOWER = /^\p{Ll}/u;

/**
 * Joins two pieces of one sentence broken at a line end: "Er-" + "hvervshus" → "Erhvervshus",
 * but "KKR-" + "Midtjylland" keeps its hyphen and "social-" + "og" keeps hyphen and space.
 */
export function joinBroken(left: string, right: string): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  if (l === '') return r;
  if (r === '') return l;
  // A web address broken at the line end continues without a space ("…/hoering-" + "udkast-…").
  const lastToken = l.slice(l.lastIndexOf(' ') + 1);
  const firstToken = r.split(' ')[0]!;
  if (/^(https?:\/\/|www\.)/i.test(lastToken) && /[_/.\-]/.test(firstToken) && !/^\p{Lu}/u.test(firstToken)) {
    return l + r;
  }
  // Only the end of `l` is looked at: callers join line after line onto a growing text, and a
  // pattern run over all of it each time made that quadratic.
  const tail = l.slice(-4);
  const hyphen = /(\p{L})\s?-$/u.exec(tail);
  if (hyphen) {
    const firstWord = /^[\p{L}]+/u.exec(r)?.[0] ?? '';
    const stem = l.slice(0, l.length - tail.length + hyphen.index + 1);
    if (LOWER.test(r) && !KEEP_HYPHEN_BEFORE.has(firstWord.toLowerCase())) return stem + r;
    if (KEEP_HYPHEN_BEFORE.has(firstWord.toLowerCase())) return `${stem}- ${r}`;
    return `${stem}-${r}`;
  }
  if (/[/-]$/.test(tail) && !LETTER.test(l.slice(-2, -1))) return l + r;
  return `${l} ${r}`;
}

/**
 * Mends a word that a line break split and an extraction then spaced ("kommunaldirektør- netværket"),
 * keeping real suspended hyphens ("Børne- og Skoleudvalget").
 */
export function mendSpacedHyphens(text: string): string {
  return text.replace(/(\p{L})- (\p{Ll}+)/gu, (match, last: string, word: string) => (KEEP_HYPHEN_BEFORE.has(word) ? match : last + word));
}


/**
 * Joins the visual lines of one paragraph. joinBroken looks only at the end of the text before, so
 * all but a short end is set aside as it grows: a string grown line by line is copied whole by every
 * trim, which made a paragraph of thousands of lines quadratic.
 */
export function joinLines(lines: readonly string[]): string {
  const done: string[] = [];
  let end = '';
  for (const line of lines) {
    end = joinBroken(end, line);
    if (end.length < 4096) continue;
    // Cut at a space, keeping the last word whole (a web address is continued by what follows).
    const cut = end.lastIndexOf(' ', end.length - 1024);
    if (cut > 0 && end.slice(cut).trim() !== '') {
      done.push(end.slice(0, cut));
      end = end.slice(cut);
    }
  }
  return done.join('') + end;
}

/** True when text ends like a finished sentence or clause. */
export function endsSentence(text: string): boolean {
  return /[.!?:;)"”»]\s*$/.test(text.trim());
}

/** True when a line ends with a hyphen that may be a broken word. */
export function endsWithHyphen(text: string): boolean {
  return /\p{L}\s?-$/u.test(text.trim());
}

/** True when the text starts with a lower-case letter (a continued sentence). */
export function startsLower(text: string): boolean {
  return LOWER.test(text.trim());
}

/**
 * The typical full line width of wrapped text: the median length of lines that run on into
 * the next line (full lines); paragraph ends fall short of it.
 */
export function typicalWidth(texts: readonly string[], runsOn: readonly boolean[] = []): number {
  const full = texts.filter((t, i) => runsOn[i] ?? true).map((t) => t.length).filter((n) => n > 20).sort((a, b) => a - b);
  if (full.length === 0) return 80;
  return full[Math.floor(full.length / 2)] ?? 80;
}
