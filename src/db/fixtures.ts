/**
 * @module Small MeetingDocument builders for storage and search tests: valid documents with
 * only the fields a test cares about spelled out.
 */
import type { AgendaItem, MeetingDocument, Section, SectionType } from '../model/index.js';

/** A section of one paragraph. */
export function section(type: SectionType, text: string, heading: string | null = null): Section {
  return { heading: heading ?? defaultHeading(type), type, blocks: [{ kind: 'paragraph', text }] };
}

function defaultHeading(type: SectionType): string {
  const headings: Record<SectionType, string> = {
    summary: 'Resume',
    background: 'Baggrund',
    recommendation: 'Indstilling',
    presentation: 'Sagsfremstilling',
    decision: 'Beslutning',
    economy: 'Økonomi',
    history: 'Historik',
    other: 'Bemærkninger',
  };
  return headings[type];
}

/** An open agenda item with a background section and, when given, a decision. */
export function item(number: string, title: string, fields: Partial<AgendaItem> & { text?: string } = {}): AgendaItem {
  const { text, ...rest } = fields;
  const sections = rest.sections ?? [
    section('background', text ?? `Baggrund for punktet ${title}.`),
    ...(rest.decision ? [section('decision', rest.decision)] : []),
  ];
  return {
    number,
    title,
    caseNumber: null,
    caseOfficers: [],
    presenters: [],
    attachments: [],
    links: [],
    decision: null,
    absent: [],
    access: 'public',
    ...rest,
    sections,
  };
}

/** A minutes document of KKR Midtjylland with the given items. */
export function meetingDocument(fields: Partial<MeetingDocument> = {}): MeetingDocument {
  return {
    body: 'KKR Midtjylland',
    authority: null,
    access: 'public',
    kind: 'minutes',
    title: null,
    date: '2020-06-17',
    startTime: '10:00',
    endTime: null,
    location: 'Scandic, Rytoften 3, 8210 Aarhus',
    online: false,
    attendanceNote: null,
    participants: [],
    absent: [],
    others: [],
    frontMatter: [],
    toc: [],
    items: [item('1', 'Godkendelse af referat')],
    warnings: [],
    source: null,
    ...fields,
  };
}

/** Bytes standing in for an original file; distinct text gives a distinct sha256. */
export function original(text: string, fileName = 'referat.txt'): { bytes: Uint8Array; fileName: string; format: string } {
  return { bytes: new TextEncoder().encode(text), fileName, format: 'text' };
}
