/**
 * @module A new meeting's agenda, pre-filled (pure): the organisation's template with
 *  - the approval of the minutes dated with the organisation's last meeting before this one
 *    ("Godkendelse af referat fra mødet den 21. juni 2023") and linked to it;
 *  - the items promised at the last meeting — the list entries of its "Punkter til næste møde"
 *    item — where the template's {varslede punkter} line stands: for KKR as sub-items of
 *    "Regionalpolitiske sager", because they are cases and KKR's agendas put cases there; for
 *    KD-Net and others right after the approval of the minutes, before the standing items; at the
 *    end for an own template without the line. Each says in its "Historik" where it was promised;
 *  - the member list of the last minutes (present and afbud) as the expected participants.
 */
import { comparable, type AgendaItem, type Block, type MeetingDocument, type Participant } from '../model/index.js';
import { danishDate } from '../web/format.js';
import { meetingUrl } from '../web/urls.js';
import { blankItem, renumber } from './item-ops.js';
import { LAST_MEETING, PROMISED, PROMISED_SOURCE, type TemplateItem } from './templates.js';

export interface MeetingFacts {
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
  title: string | null;
}

/** An earlier meeting of the organisation: its id, date and current document. */
export interface EarlierMeeting {
  meetingId: number;
  date: string;
  document: MeetingDocument;
}

export interface PrefillInput {
  organizationName: string;
  template: readonly TemplateItem[];
  facts: MeetingFacts;
  /** The organisation's last meeting before this one (its minutes, else its agenda), if any. */
  last: EarlierMeeting | null;
  /** The organisation's last meeting before this one that has minutes, if any. */
  lastMinutes: EarlierMeeting | null;
}

/** A promised item: its title and where it was promised. */
export interface PromisedItem {
  title: string;
  meetingDate: string;
  itemNumber: string;
  itemTitle: string;
}

/** The entries of the lists in a meeting's "Punkter til næste møde" items (not their recommendations). */
export function promisedItems(last: EarlierMeeting): PromisedItem[] {
  const found: PromisedItem[] = [];
  const seen = new Set<string>();
  for (const item of last.document.items.filter((i) => PROMISED_SOURCE.test(i.title))) {
    const presentation = item.sections.filter((s) => s.type === 'presentation');
    const sections = presentation.length > 0 ? presentation : item.sections.filter((s) => s.type !== 'recommendation' && s.type !== 'decision');
    for (const block of sections.flatMap((s) => s.blocks)) {
      if (block.kind !== 'list') continue;
      for (const entry of block.items.filter((e) => e.depth === 0)) {
        const title = entry.text.trim().replace(/\.$/, '');
        if (title === '' || seen.has(comparable(title))) continue;
        seen.add(comparable(title));
        found.push({ title, meetingDate: last.date, itemNumber: item.number, itemTitle: item.title });
      }
    }
  }
  return found;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

function promisedItem(p: PromisedItem): AgendaItem {
  return {
    ...blankItem(p.title),
    sections: [{ heading: 'Historik', type: 'history', blocks: [paragraph(`Punktet blev varslet på mødet den ${danishDate(p.meetingDate)} under punkt ${p.itemNumber} »${p.itemTitle}«.`)] }],
  };
}

function approvalItem(title: string, organizationName: string, last: EarlierMeeting | null): AgendaItem {
  if (!last) return { ...blankItem(title.replace(new RegExp(`\\s*fra mødet den ${escape(LAST_MEETING)}`), '').replaceAll(LAST_MEETING, '').trim()) };
  const date = danishDate(last.date);
  const minutes = `Referatet fra mødet den ${date}`;
  return {
    ...blankItem(title.replaceAll(LAST_MEETING, date)),
    sections: [
      { heading: 'Baggrund', type: 'background', blocks: [paragraph(`${minutes} ligger i arkivet.`)] },
      { heading: 'Indstilling', type: 'recommendation', blocks: [paragraph(`Det indstilles, at ${organizationName} godkender referatet.`)] },
    ],
    links: [{ text: minutes, url: meetingUrl(last.meetingId) }],
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The expected member list: the last minutes' members present and afbud, each once, in their order. */
export function expectedMembers(minutes: MeetingDocument | null): Participant[] {
  if (!minutes) return [];
  const seen = new Set<string>();
  const members: Participant[] = [];
  for (const p of [...minutes.participants, ...minutes.absent]) {
    const key = comparable(p.name);
    if (seen.has(key)) continue;
    seen.add(key);
    members.push({ name: p.name, party: p.party, municipality: p.municipality, role: p.role });
  }
  return members;
}

/** The new meeting's agenda draft. */
export function prefillAgenda(input: PrefillInput): MeetingDocument {
  const promised = input.last ? promisedItems(input.last) : [];
  const items: AgendaItem[] = [];
  const depths: number[] = [];
  let placed = false;
  for (const line of input.template) {
    if (line.title === PROMISED) {
      for (const p of promised) {
        items.push(promisedItem(p));
        depths.push(line.depth);
      }
      placed = true;
      continue;
    }
    items.push(line.title.includes(LAST_MEETING) ? approvalItem(line.title, input.organizationName, input.last) : blankItem(line.title));
    depths.push(line.depth);
  }
  if (!placed) {
    for (const p of promised) {
      items.push(promisedItem(p));
      depths.push(0);
    }
  }
  const { facts } = input;
  return {
    body: input.organizationName,
    authority: null,
    access: 'public',
    kind: 'agenda',
    title: facts.title?.trim() || `Dagsorden for møde i ${input.organizationName} den ${danishDate(facts.date)}`,
    date: facts.date,
    startTime: facts.startTime,
    endTime: facts.endTime,
    location: facts.location,
    online: facts.online,
    attendanceNote: null,
    participants: expectedMembers(input.lastMinutes?.document ?? null),
    absent: [],
    others: [],
    frontMatter: [],
    toc: [],
    items: renumber(items, depths),
    warnings: [],
    source: null,
  };
}
