/**
 * @module Word's automatic numbering (word/numbering.xml): the number a paragraph shows is not in
 * its text but computed from its list level's start, format and level text ("%1.", "%1.%2") and
 * the paragraphs numbered before it. Mammoth drops these numbers; this computes them.
 */
import type { Element } from 'domhandler';

export interface NumberingLevel {
  start: number;
  /** w:numFmt: decimal, lowerLetter, upperRoman, bullet, none, … */
  format: string;
  /** w:lvlText with %1…%9 for the levels' numbers. */
  text: string;
  /** The paragraph style the level belongs to (w:lvl/w:pStyle), if any. */
  style: string | null;
}

/** numbering.xml read: abstract numberings' levels, and each w:num's abstract numbering and overrides. */
export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, NumberingLevel>>;
  nums: Map<string, { abstractId: string; starts: Map<number, number>; levels: Map<number, NumberingLevel> }>;
}

/** Direct child elements with a (prefixed) name. */
export function kidsNamed(el: Element | null | undefined, name: string): Element[] {
  return (el?.children ?? []).filter((c): c is Element => c.type === 'tag' && (c as Element).name === name);
}

/** The first child element with a name, or null. */
export function kid(el: Element | null | undefined, name: string): Element | null {
  return kidsNamed(el, name)[0] ?? null;
}

/** The w:val of a child element, or null. */
export function valOf(el: Element | null | undefined, name: string): string | null {
  return kid(el, name)?.attribs['w:val'] ?? null;
}

function level(el: Element): NumberingLevel {
  return {
    start: Number(valOf(el, 'w:start') ?? '1') || 0,
    format: valOf(el, 'w:numFmt') ?? 'decimal',
    text: valOf(el, 'w:lvlText') ?? '',
    style: valOf(kid(el, 'w:pPr'), 'w:pStyle') ?? valOf(el, 'w:pStyle'),
  };
}

/** Reads numbering.xml's root element (`w:numbering`). */
export function readNumbering(root: Element | null): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  const nums: NumberingDefinitions['nums'] = new Map();
  for (const a of kidsNamed(root, 'w:abstractNum')) {
    const levels = new Map<number, NumberingLevel>();
    for (const l of kidsNamed(a, 'w:lvl')) levels.set(Number(l.attribs['w:ilvl'] ?? '0'), level(l));
    abstracts.set(a.attribs['w:abstractNumId'] ?? '', levels);
  }
  for (const n of kidsNamed(root, 'w:num')) {
    const starts = new Map<number, number>();
    const levels = new Map<number, NumberingLevel>();
    for (const o of kidsNamed(n, 'w:lvlOverride')) {
      const ilvl = Number(o.attribs['w:ilvl'] ?? '0');
      const start = valOf(o, 'w:startOverride');
      if (start !== null) starts.set(ilvl, Number(start) || 0);
      const l = kid(o, 'w:lvl');
      if (l) levels.set(ilvl, level(l));
    }
    nums.set(n.attribs['w:numId'] ?? '', { abstractId: valOf(n, 'w:abstractNumId') ?? '', starts, levels });
  }
  return { abstracts, nums };
}

/** A paragraph's number as Word shows it: its label ("715.", "2.1", "b)"), or null for bullets. */
export interface ParagraphNumber {
  label: string | null;
  depth: number;
}

/**
 * Counts numbered paragraphs in document order. Word keeps one set of counters per abstract
 * numbering (lists that share it continue each other), restarts deeper levels when a level
 * counts on, and a w:num's startOverride starts its list afresh when that list is first used.
 */
export class NumberingCounter {
  private counters = new Map<string, number[]>();
  private started = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The next number of list `numId` at level `ilvl`; null when the list does not exist (numId 0: numbering switched off). */
  next(numId: string, ilvl: number): ParagraphNumber | null {
    const num = this.defs.nums.get(numId);
    if (!num) return null;
    const levelOf = (k: number) => num.levels.get(k) ?? this.defs.abstracts.get(num.abstractId)?.get(k);
    const own = levelOf(ilvl);
    if (!own) return null;
    if (own.format === 'bullet' || own.format === 'none') return { label: null, depth: ilvl };
    const counters = this.counters.get(num.abstractId) ?? [];
    this.counters.set(num.abstractId, counters);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [k, start] of num.starts) counters[k] = start - 1;
    }
    counters[ilvl] = (counters[ilvl] ?? own.start - 1) + 1;
    counters.length = ilvl + 1;
    const label = own.text.replace(/%([1-9])/g, (_m, k: string) => {
      const i = Number(k) - 1;
      const l = levelOf(i);
      return formatNumber(counters[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
    return { label: label.trim(), depth: ilvl };
  }
}

/** A counter value in a w:numFmt. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

/** Word's letters: a … z, then aa … zz. */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, glyph] of table) while (n >= value) (out += glyph), (n -= value);
  return out;
}
