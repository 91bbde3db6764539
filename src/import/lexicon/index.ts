/**
 * @module The Danish lexicon as data: the words councils' documents use for labels, section
 * headings, decisions, substitutes, publishing-site chrome and the like, one JSON file per topic,
 * each entry with an English gloss. Every importer (text, web, PDF, Word, XML) reads the same
 * words from here instead of carrying its own regular expressions.
 *
 * Conventions for the JSON files: `{ "$comment": "what the topic is", "entries": [{ "gloss":
 * "English meaning", …topic fields }] }`; Danish words are written lower-case unless case matters;
 * patterns are JavaScript regular expression sources, matched case-insensitively with the `u` flag.
 */
import authorities from './authorities.json' with { type: 'json' };

/** Organisations whose name does not say whose they are, and their publishing authority. */
export const AUTHORITIES: ReadonlyArray<{ pattern: RegExp; authority: string | null }> = authorities.organisations.map((o) => ({
  pattern: new RegExp(o.pattern, 'iu'),
  authority: o.authority,
}));

/** A case-insensitive Unicode regular expression from a lexicon pattern source. */
export function lexiconPattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

import caseNumbers from './case-numbers.json' with { type: 'json' };

/** Danish section headings and their section types (the data lives beside sectionTypeOf in src/model). */
export { SECTION_HEADINGS } from '../../model/section.js';

/** The words of items approving earlier minutes (data in src/model/lexicon/approvals.json, read by src/model/approval.ts). */
export { default as APPROVAL_WORDS } from '../../model/lexicon/approvals.json' with { type: 'json' };

/** What an item-head slot holds: its case number, a document or bilag number, or its case officer. */
export type SlotRole = 'case' | 'document' | 'officer';

/** Labels of item-head slots ("Sagsnr.", "J.nr.", "Dok.nr.", "Sagsbehandler") and what each holds. */
export const CASE_SLOT_LABELS: ReadonlyArray<{ pattern: string; role: SlotRole; gloss: string }> = caseNumbers.entries.map((e) => ({
  pattern: e.pattern,
  role: e.role as SlotRole,
  gloss: e.gloss,
}));

import headings from './headings.json' with { type: 'json' };

/** The words around item headings: number labels, access hints, page labels, contents labels, kind banners and case labels. */
export const HEADING_WORDS = {
  numberLabels: headings.numberLabels.map((e) => lexiconPattern(e.pattern)),
  access: headings.access.map((e) => ({ pattern: lexiconPattern(e.pattern), access: e.access as 'public' | 'closed' | 'confidential' })),
  pageLabels: headings.pageLabels.map((e) => lexiconPattern(e.pattern)),
  tocLabels: headings.tocLabels.map((e) => lexiconPattern(e.pattern)),
  banners: headings.banners.map((e) => lexiconPattern(e.pattern)),
  caseLabels: headings.caseLabels.map((e) => lexiconPattern(e.pattern)),
  /** Sources, for building patterns that find a phrase inside a run of text. */
  groupPhrases: headings.groupPhrases.map((e) => e.pattern),
  /** Sources of a contents page's column headers ("Sag nr. Side"), found inside a run of text. */
  contentsColumns: headings.contentsColumns.map((e) => e.pattern),
  /** An agenda's group heading ("DIVERSE SAGER"), which a header's capitals never name the body with. */
  groupHeadings: headings.groupHeadings.map((e) => lexiconPattern(e.pattern)),
  /** An item table's column headers ("Punkt Titel") over a line with the item's bare number and title. */
  itemColumns: headings.itemColumns.map((e) => lexiconPattern(e.pattern)),
  /** The first section under an unnumbered item's title ("Sagsfremstilling", "Indhold:"). */
  openingSections: headings.openingSections.map((e) => lexiconPattern(e.pattern)),
  slotKinds: headings.slotKinds.map((e) => lexiconPattern(e.pattern)),
  groupLines: headings.groupLines.map((e) => lexiconPattern(e.pattern)),
  /** A page system's front page printed as an item title ("Forside"): no item. */
  frontPageTitles: headings.frontPageTitles.map((e) => lexiconPattern(e.pattern)),
  /** Words before a capitalised word inside a title (lower case). */
  titleJoinWords: new Set(headings.titleJoinWords.words),
  /** Titles complete by themselves ("Eventuelt", "Evt."), as printed. */
  standingTitles: headings.standingTitles.words,
};

import labels from './labels.json' with { type: 'json' };
import participantWords from './participants.json' with { type: 'json' };
import municipalities from './municipalities.json' with { type: 'json' };

/** What a front-matter label's value fills in the meeting. */
export type LabelField = 'timeAndPlace' | 'date' | 'time' | 'start' | 'end' | 'place' | 'body' | 'meeting' | 'participants' | 'absent' | 'others' | 'none';

/** Front-matter label words ("mødested") and the field each fills; `list` fields take every line under them. */
export const FRONT_LABELS: ReadonlyArray<{ word: string; field: LabelField; list: boolean }> = labels.entries
  .flatMap((e) => e.words.map((word) => ({ word, field: e.field as LabelField, list: 'list' in e && e.list === true })))
  // Longest first, so "sted" never takes the start of "tid og sted" or "mødested".
  .sort((a, b) => b.word.length - a.word.length);

/** Role words in a body ("formand", "næstformand"), lower-case. */
export const ROLE_WORDS: readonly string[] = participantWords.roles.map((r) => r.word).sort((a, b) => b.length - a.length);

/** Role words of the body's members (not the minute-taker's): "Formand: X" names a member. */
export const MEMBER_ROLE_WORDS: readonly string[] = participantWords.roles.filter((r) => !('member' in r) || r.member !== false).map((r) => r.word);

/** Titles written before a member's name in a sentence ("Udvalgsmedlem Anna Holm var fraværende"), lower-case; no roles of their own. */
export const MEMBER_TITLES: readonly string[] = participantWords.memberTitles.map((t) => t.word);

/** Parties: the letter written for a party, for each way documents name it (letters included). */
export const PARTIES: ReadonlyArray<{ letter: string; names: readonly string[] }> = participantWords.parties;

/** Phrases naming who attended instead of an absent member, each with a `substitute` group. */
export const SUBSTITUTE_PATTERNS: readonly RegExp[] = participantWords.substitutes.map((s) => lexiconPattern(s.pattern));
/** "X og dennes suppleant Y" in a list of afbud: both were absent (a separator of two afbud, not a stand-in). */
export const ABSENT_WITH_SUBSTITUTE: readonly RegExp[] = participantWords.absentWithSubstitute.map((s) => new RegExp(s.pattern, 'giu'));
/** The text with every "og dennes suppleant" between two afbud read as the comma of a list. */
export const bothAbsent = (text: string) => ABSENT_WITH_SUBSTITUTE.reduce((out, re) => out.replace(re, ', '), text);

/** Whole-line phrases "Y deltog som stedfortræder for X", with `substitute` and `absent` groups. */
export const SUBSTITUTE_FOR_PATTERNS: readonly RegExp[] = participantWords.substitutesFor.map((s) => lexiconPattern(s.pattern));

/** Item sentences saying a member did not take part, the reason recorded, and whether it holds for the whole meeting. */
export const ITEM_ABSENCE_PHRASES: ReadonlyArray<{ pattern: RegExp; reason: string; meeting: boolean; header: boolean }> = participantWords.itemAbsences.map((a) => ({
  pattern: lexiconPattern(a.pattern),
  reason: a.reason,
  meeting: 'meeting' in a && a.meeting === true,
  // Whole-meeting where the front matter says it of no item or time ("X (C) var fraværende.").
  header: 'header' in a && a.header === true,
}));

/** Phrases with the absent members' names after them ("Der var afbud fra X, Y og Z"). */
export const ABSENCE_LEADS: ReadonlyArray<{ pattern: RegExp; reason: string; meeting: boolean }> = participantWords.absenceLeads.map((a) => ({
  pattern: lexiconPattern(a.pattern),
  reason: a.reason,
  meeting: a.meeting,
}));

/** Labels that introduce a list of members absent from an item ("Fraværende: X, Y"), and the reason they give. */
export const ITEM_ABSENCE_LABELS: ReadonlyArray<{ word: string; reason: string | null }> = participantWords.absentLabels;

/** Notes after a name in a members' list that mark the member absent ("Næstformand, afbud", "- ikke mødt"), lower-case. */
export const ABSENT_NOTES: readonly string[] = participantWords.absentNotes.map((n) => n.word);

/** Labels in an afbud list over the one who came instead ("Stedfortræder:"), lower-case. */
export const SUBSTITUTE_LABELS: readonly string[] = participantWords.substituteLabels.map((l) => l.word);

/** Labels over a list of members present written inside an item's text ("Deltagerne var:", "Til stede:"). */
export const PRESENT_LABELS: readonly string[] = participantWords.presentLabels.map((l) => l.word);
/** A member's attendance written after their name ("Lars Holm: Deltog", "Sofie Lind: Afbud (…)"): whether they were present. */
export const MEMBER_STATUSES: ReadonlyArray<{ word: string; present: boolean }> = participantWords.memberStatuses.map((s) => ({ word: s.word, present: s.present }));

/**
 * Sentences naming a stand-in and whom they stood in for ("Y indkaldes … som følge af afbud fra X"):
 * sources with `{name}` where a person's name goes, groups `substitute` and `absent`.
 */
export const ITEM_SUBSTITUTE_SOURCES: readonly string[] = participantWords.itemSubstitutes.map((s) => s.pattern);

/** Item titles about attendance ("Fraværende og bemærkninger til dagsordenen"): their absences are the meeting's. */
export const ATTENDANCE_ITEM_TITLES: readonly RegExp[] = participantWords.attendanceItems.map((a) => lexiconPattern(a.pattern));

/** Header cells of a table of members ("Navn", "Parti", "Funktion"), lower-case. */
export const MEMBER_TABLE_HEADERS: readonly string[] = participantWords.tableHeaders.map((h) => h.word);

/** Common Danish first names, for parting a run of names a transcript wrote without line breaks. */
export const FIRST_NAMES: readonly string[] = participantWords.firstNames.words;

/** The 98 municipalities and 5 regions: official name and the other spellings documents use. */
export const MUNICIPALITIES: ReadonlyArray<{ name: string; spellings: readonly string[] }> = [
  ...municipalities.entries.map((m) => ({ name: m.name, spellings: 'spellings' in m ? (m.spellings as string[]) : [] })),
  ...municipalities.regions.map((r) => ({ name: r.name, spellings: [] })),
];

import organisations from './organisations.json' with { type: 'json' };

/** Endings of the names of bodies that meet ("udvalget", "rådet", "bestyrelsen"), and words around them in headers. */
export const ORGANISATION_WORDS = {
  endings: organisations.entries.map((e) => e.ending),
  prefixes: organisations.prefixes.map((e) => lexiconPattern(e.pattern)),
  suffixes: organisations.suffixes.map((e) => lexiconPattern(e.pattern)),
};

import chrome from './chrome.json' with { type: 'json' };

/** Publishing-site chrome (controls, cookie banners, skip links, breadcrumbs): texts, whole-text patterns and id/class words. */
export const CHROME: {
  texts: ReadonlyMap<string, 'anywhere' | 'control'>;
  patterns: readonly RegExp[];
  classNames: readonly string[];
  /** Whole texts that label a document viewer's page-per-line transcript of a PDF ("Transkript"). */
  transcriptLabels: ReadonlySet<string>;
} = {
  texts: new Map(chrome.entries.flatMap((e) => ('text' in e && e.text ? [[e.text, e.scope === 'control' ? 'control' : 'anywhere'] as const] : []))),
  patterns: chrome.entries.flatMap((e) => ('pattern' in e && e.pattern ? [lexiconPattern(e.pattern)] : [])),
  classNames: chrome.entries.flatMap((e) => ('className' in e && e.className ? [e.className] : [])),
  transcriptLabels: new Set(chrome.entries.flatMap((e) => ('marksTranscript' in e && e.marksTranscript && 'text' in e && e.text ? [e.text] : []))),
};

import meetingFacts from './meeting-facts.json' with { type: 'json' };

/** What minutes say about the meeting itself: start and end verbs after "Mødet", and meeting nouns that name the body. */
export const MEETING_FACT_WORDS = {
  startVerbs: meetingFacts.startVerbs.map((v) => v.word),
  endVerbs: meetingFacts.endVerbs.map((v) => v.word),
  meetingNouns: meetingFacts.meetingNouns.map((n) => ({ word: n.word, body: n.body })),
  meetingNounEndings: meetingFacts.meetingNounEndings.map((n) => ({ ending: n.ending, body: n.body })),
  signOffLabels: meetingFacts.signOffLabels.map((l) => l.word),
  heldVerbs: meetingFacts.heldVerbs.map((v) => v.word),
  agendaApprovalLabels: meetingFacts.agendaApprovalLabels.map((l) => l.word),
  agendaVerdicts: meetingFacts.agendaVerdicts.map((v) => v.word),
};

/** The Danish weekdays, Monday first, lower-case: the word a meeting's date may open with. */
export const WEEKDAYS: readonly string[] = meetingFacts.weekdays.map((d) => d.word);
