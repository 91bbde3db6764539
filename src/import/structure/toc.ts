/**
 * @module The document's own table of contents: dotted lines with page numbers, or
 * KD-Net's "Punkt / Indhold / Bilag" table. Kept apart from the items and used to check them.
 */
import type { TocEntry } from '../../model/index.js';
import type { Line } from '../line.js';
import { comparable } from './join.js';
import { headingCandidate } from './headings.js';

export interface TocResult {
  entries: TocEntry[];
  /** Indexes of the lines that form the table of contents. */
  lineIndexes: Set<number>;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(.*)$/;

/** A dotted/tabbed contents line: title, then a page number in its own cell. */
function pageEntry(line: Line): TocEntry | null {
  const cells = line.cells?.filter((c) => c !== '') ?? [];
  if (cells.length !== 2 || !/^\d{1,3}$/.test(cells[1]!)) return null;
  const label = cells[0]!.replace(/\s*\.{2,}\s*$|\s+\.$/, '').trim();
  if (label === '') return null;
  const numbered = NUMBERED.exec(label);
  return {
    number: numbered ? numbered[1]! : null,
    title: numbered ? numbered[2]!.trim() : label,
    page: Number(cells[1]),
    hasAttachments: false,
  };
}

/** A KD-Net contents row: number, title, and "./." in the Bilag column. */
function punktEntry(line: Line): TocEntry | null {
  const cells = line.cells ?? [];
  if (cells.length < 2 || !/^\d{1,2}$/.test(cells[0]!.trim())) return null;
  return {
    number: cells[0]!.trim(),
    title: cells[1]!.trim(),
    page: null,
    hasAttachments: /\.\/\.?/.test(cells[2] ?? ''),
  };
}

/** Finds the table of contents: page-numbered or KD-Net lines, else a numbered list the items repeat. */
export function extractToc(lines: readonly Line[]): TocResult {
  const paged = pagedToc(lines);
  return paged.entries.length > 0 ? paged : repeatedToc(lines);
}


/**
 * Contents without page numbers ("Indholdsfortegnelse" + "1. Godkendelse af dagsorden" …): a run
 * of numbered lines at the top whose first number and title come again later, as the item itself.
 */
function repeatedToc(lines: readonly Line[]): TocResult {
  const candidates = lines.map((l) => headingCandidate(l));
  const start = candidates.findIndex((c) => c !== null);
  if (start < 0) return { entries: [], lineIndexes: new Set() };
  let end = start;
  while (end + 1 < lines.length && candidates[end + 1] !== null && candidates[end + 1]!.number !== candidates[start]!.number) end++;
  const first = candidates[start]!;
  const repeats = candidates.some((c, i) => i > end && c !== null && c.number === first.number && comparable(c.title) === comparable(first.title));
  if (!repeats || end === start) return { entries: [], lineIndexes: new Set() };
  const run = candidates.slice(start, end + 1) as Array<{ number: string; title: string }>;
  return {
    entries: run.map((c) => ({ number: c.number, title: c.title, page: null, hasAttachments: false })),
    lineIndexes: new Set(run.map((_, k) => start + k)),
  };
}

/** Dotted/tabbed contents lines with page numbers, or KD-Net's table (three or more lines). */
function pagedToc(lines: readonly Line[]): TocResult {
  for (let start = 0; start < lines.length; start++) {
    const header = lines[start]!;
    const isPunkt = header.cells !== null && /^punkt$/i.test(header.cells[0]?.trim() ?? '');
    const read = isPunkt ? punktEntry : pageEntry;
    const first = isPunkt ? start + 1 : start;
    const entries: TocEntry[] = [];
    const lineIndexes = new Set<number>(isPunkt ? [start] : []);
    for (let i = first; i < lines.length; i++) {
      const entry = read(lines[i]!);
      if (!entry) break;
      entries.push(entry);
      lineIndexes.add(i);
    }
    if (entries.length >= 3) return { entries, lineIndexes };
  }
  return { entries: [], lineIndexes: new Set() };
}
