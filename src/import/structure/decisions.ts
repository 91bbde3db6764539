/**
 * @module This meeting's decision among the decisions an item prints. Minutes often repeat
 * earlier meetings' decisions as the case's history ("Beslutning i PUK den 10-04-2013", then
 * "… den 24-04-2013", then this meeting's); only the one dated this meeting is its decision.
 */
import type { Section } from '../../model/index.js';
import { findDate } from './dates.js';

/** The date a section heading names ("Beslutning i Økonomiudvalget den 1. oktober 2018"), or null. */
export function headingDate(heading: string | null): string | null {
  return heading === null ? null : findDate(heading);
}

/**
 * Sections with earlier meetings' dated decisions retyped as history (headings keep their
 * words). This meeting's decision is the one dated the meeting's date; without a meeting date,
 * the last dated one. Undated decision sections stay decisions: nothing says they are earlier.
 */
export function settleDecisions(sections: readonly Section[], meetingDate: string | null): Section[] {
  return mergeNestedDecisions(datedDecisions(sections, meetingDate));
}

function datedDecisions(sections: readonly Section[], meetingDate: string | null): Section[] {
  const dates = sections.map((s) => (s.type === 'decision' ? headingDate(s.heading) : null));
  const dated = dates.filter((d): d is string => d !== null);
  if (dated.length === 0) return [...sections];
  const current = meetingDate ?? dated.at(-1)!;
  return sections.map((s, i) => (dates[i] !== null && dates[i] !== current ? { ...s, type: 'history' } : s));
}

/**
 * A decision heading printed inside a decision that has begun ("Beslutning" / "Dagsordenspunkt 1:
 * …" / "Økonomiudvalgets beslutning i mødet den 31. marts 2020" / …) is a heading of that
 * decision, not a second one: its words stay in the decision's text, where a reader sees them.
 */
export function mergeNestedDecisions(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  for (const s of sections) {
    const prev = out.at(-1);
    if (prev && prev.type === 'decision' && s.type === 'decision' && prev.blocks.length > 0 && s.heading !== null) {
      out[out.length - 1] = { ...prev, blocks: [...prev.blocks, { kind: 'heading', text: s.heading }, ...s.blocks] };
    } else out.push(s);
  }
  return out;
}
