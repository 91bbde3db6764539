/**
 * @module The minutes editor's one form, read and applied, pure: the attendance table (one row
 * per member, a row to add one, the others present), each item's decision, and which button was
 * pressed (save, publish, or a quick phrase for an item). What was typed is kept as an
 * `EditorState`, so a refused form is shown again as it was sent.
 */
import type { Attendee, MeetingDocument } from '../../model/index.js';
import { applyAttendance, attendanceOf, DECISION_PHRASES, decisionItems, MinutesInputError, phraseText, setDecision, withPhrase, type AttendanceEntry } from '../minutes.js';

export interface MemberRow extends AttendanceEntry {
  /** Ticked "Fjern": the member is not on this meeting's list at all. */
  remove: boolean;
}

export interface EditorState {
  members: MemberRow[];
  /** The "add a member" row. */
  added: { name: string; party: string; municipality: string };
  others: Attendee[];
  attendanceNote: string;
  /** Decision text by item number, for the items that take one. */
  decisions: Record<string, string>;
}

export interface SubmittedForm {
  state: EditorState;
  /** The draft revision the form was opened on; null when missing or not a number. */
  revision: number | null;
  action: 'save' | 'publish';
  /** A quick phrase pressed: the item and the phrase's place in DECISION_PHRASES. */
  phrase: { item: string; index: number } | null;
  /** The "Rettet" note that goes with publishing. */
  note: string;
}

/** Longest accepted field values; a longer one is refused, not cut. */
export const LIMITS = { name: 200, decision: 20_000, note: 2_000 } as const;
/** More rows than any body has members: a form with more is not ours. */
const MAX_ROWS = 500;

type Form = Record<string, string | File | Array<string | File>>;

/** A field's text (the first when repeated), line breaks as \n, control characters out. */
function field(form: Form, key: string): string {
  const raw = form[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '') : '';
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The state a document shows in the editor. */
export function stateOf(doc: MeetingDocument): EditorState {
  return {
    members: attendanceOf(doc).map((e) => ({ ...e, remove: false })),
    added: { name: '', party: '', municipality: '' },
    others: doc.others,
    attendanceNote: doc.attendanceNote ?? '',
    decisions: Object.fromEntries(decisionItems(doc).map((i) => [i.number, i.decision ?? ''])),
  };
}

/** Reads the posted form; it never fails (refusals come when it is applied). */
export function readEditorForm(form: Form): SubmittedForm {
  const members: MemberRow[] = [];
  for (let i = 0; i < MAX_ROWS && `m.${i}.name` in form; i++) {
    const at = (k: string) => field(form, `m.${i}.${k}`);
    members.push({
      name: at('name'),
      party: orNull(at('party')),
      municipality: orNull(at('municipality')),
      role: orNull(at('role')),
      status: at('status') === 'afbud' ? 'afbud' : 'present',
      substitute: orNull(at('substitute')),
      remove: at('remove') === '1',
    });
  }
  const others: Attendee[] = [];
  for (let i = 0; i < MAX_ROWS && `o.${i}.name` in form; i++) {
    const at = (k: string) => field(form, `o.${i}.${k}`);
    const row = { name: at('name').trim(), title: orNull(at('title')), organisation: orNull(at('organisation')), group: orNull(at('group')), minuteTaker: at('minuteTaker') === '1' };
    // A row left blank (the empty rows offered for adding) is no one.
    if (row.name || row.title || row.organisation) others.push(row);
  }
  const decisions: Record<string, string> = {};
  for (const key of Object.keys(form)) if (key.startsWith('decision.')) decisions[key.slice('decision.'.length)] = field(form, key);
  const revisionText = field(form, 'revision');
  const phraseMatch = /^(\d+(?:\.\d+)*)\|(\d{1,3})$/.exec(field(form, 'phrase'));
  return {
    state: {
      members,
      added: { name: field(form, 'new.name'), party: field(form, 'new.party'), municipality: field(form, 'new.municipality') },
      others,
      attendanceNote: field(form, 'attendanceNote'),
      decisions,
    },
    revision: /^[1-9]\d{0,9}$/.test(revisionText) ? Number(revisionText) : null,
    action: field(form, 'action') === 'publish' ? 'publish' : 'save',
    phrase: phraseMatch ? { item: phraseMatch[1]!, index: Number(phraseMatch[2]) } : field(form, 'phrase') ? { item: '', index: -1 } : null,
    note: field(form, 'note').trim(),
  };
}

function tooLong(what: string, value: string, limit: number) {
  if (value.length > limit) throw new MinutesInputError(`${what} er for lang (højst ${limit.toLocaleString('da-DK')} tegn).`);
}

/**
 * The draft with the form applied: attendance, the others, the decisions and a pressed quick
 * phrase. Throws MinutesInputError (Danish) for what the secretary must correct.
 */
export function applyEditorForm(doc: MeetingDocument, submitted: SubmittedForm): MeetingDocument {
  const { state } = submitted;
  const entries: AttendanceEntry[] = state.members.filter((m) => !m.remove).map(({ remove: _, ...e }) => e);
  const added = state.added;
  if (added.name.trim()) entries.push({ name: added.name, party: orNull(added.party), municipality: orNull(added.municipality), role: null, status: 'present', substitute: null });
  else if (added.party.trim() || added.municipality.trim()) throw new MinutesInputError('Skriv navnet på det nye medlem.');
  for (const e of entries) {
    tooLong('Et navn', e.name, LIMITS.name);
    tooLong('Et navn', e.substitute ?? '', LIMITS.name);
  }
  for (const a of state.others) {
    if (!a.name) throw new MinutesInputError('En øvrig deltager mangler sit navn.');
    tooLong('Et navn', a.name, LIMITS.name);
  }
  let result = applyAttendance(doc, entries, state.others);
  tooLong('Noten om fremmødet', state.attendanceNote, LIMITS.note);
  result = { ...result, attendanceNote: orNull(state.attendanceNote) };
  const open = new Set(decisionItems(doc).map((i) => i.number));
  for (const [number, text] of Object.entries(state.decisions)) {
    if (!open.has(number)) throw new MinutesInputError(`Punkt ${number} findes ikke i referatet.`);
    tooLong(`Beslutningen til punkt ${number}`, text, LIMITS.decision);
    result = setDecision(result, number, text);
  }
  if (submitted.phrase) {
    const phrase = DECISION_PHRASES[submitted.phrase.index];
    const target = result.items.find((i) => i.number === submitted.phrase!.item);
    if (!phrase || !target || !open.has(target.number)) throw new MinutesInputError('Den valgte standardformulering findes ikke.');
    result = setDecision(result, target.number, withPhrase(target.decision ?? '', phraseText(phrase, doc.body)));
  }
  tooLong('Rettelsen', submitted.note, LIMITS.note);
  return result;
}
