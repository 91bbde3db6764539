/**
 * @module A synthetic meeting of realistic size for the PDF tests and `npm run bench -- --part
 * pdf`: items with several sections of several paragraphs, a list, a table with long cells,
 * bilag (one closed), one closed item, participants and afbud. Invented names; deterministic.
 */
import type { AgendaItem, MeetingDocument, Section } from '../model/index.js';

const WORDS = (
  'kommunerne regionen samarbejde klimaindsats borgerne udvikling aftale økonomi beskæftigelse sundhed ' +
  'erhvervsfremme uddannelse infrastruktur kollektiv trafik grøn omstilling strategi handleplan ' +
  'styregruppe sekretariatet indstilling budgettet anlægsloft servicerammen partnerskab evaluering'
).split(' ');

/** A paragraph of about `words` words, varied by `seed`. */
function prose(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13 + ((i * i) % 5)) % WORDS.length]!);
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraphs(seed: number, count: number): Section['blocks'] {
  return Array.from({ length: count }, (_, i) => ({ kind: 'paragraph' as const, text: prose(seed + i, 45 + ((seed + i) % 4) * 15) }));
}

/** Words only the closed item uses, so tests can tell whether any of it leaked. */
export const CLOSED_WORDS = ['Grundsalg', 'Kildevældsparken', 'forhandlingsmandat'];
/** Danish letters and typographic punctuation that must survive into the PDF's text. */
export const TYPOGRAPHY = 'Æblegrød på Ærø – “Det går godt” … sagde formanden; øl, å og Å.';
/** A table cell too long for one line of its column. */
export const LONG_CELL =
  'Udbetales i to rater efter aftale med regionen og de øvrige parter i partnerskabet, når styregruppen har godkendt den første statusrapport og regnskabet for 2020';
/** The title of the closed bilag of an open item. */
export const CLOSED_BILAG = 'Fortroligt tilbud fra entreprenør Østerå';

function item(n: number): AgendaItem {
  const number = String(n);
  const sections: Section[] = [
    { heading: 'Baggrund', type: 'background', blocks: [...paragraphs(n, 3), ...(n === 2 ? [{ kind: 'paragraph' as const, text: TYPOGRAPHY }] : [])] },
    { heading: 'Indstilling', type: 'recommendation', blocks: [
      { kind: 'paragraph', text: 'Det indstilles, at KKR Midtjylland:' },
      { kind: 'list', items: [{ text: prose(n + 1, 14), depth: 0 }, { text: prose(n + 2, 10), depth: 0 }, { text: prose(n + 3, 8), depth: 1 }] },
    ] },
    { heading: 'Sagsfremstilling', type: 'presentation', blocks: [
      ...paragraphs(n + 10, 4),
      ...(n % 3 === 0
        ? [{ kind: 'table' as const, rows: [
            ['Kommune', 'Beløb (mio. kr.)', 'Bemærkning'],
            ['Favrskov', '12,5', 'Første rate i 2020'],
            ['Norddjurs', '8,0', '–'],
            ['Ringkøbing-Skjern', '21,75', LONG_CELL],
          ] }]
        : []),
      { kind: 'attachment', marker: './.', title: `Notat om punkt ${n}` },
      ...(n === 4 ? [{ kind: 'attachment' as const, marker: './.', title: CLOSED_BILAG }] : []),
    ] },
    { heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Indstillingen blev tiltrådt.' }] },
  ];
  return {
    number,
    title: n === 1 ? 'Godkendelse af referat fra mødet den 5. februar 2020' : `${prose(n, 6 + (n % 5)).slice(0, -1)}`,
    caseNumber: `SAG-2020-${String(1000 + n).padStart(5, '0')}`,
    caseOfficers: ['abc', 'def'],
    presenters: n % 2 === 0 ? ['Formand Anna Testesen'] : [],
    sections,
    attachments: [
      { title: `Notat om punkt ${n}`, access: 'public', fileName: null },
      ...(n === 4 ? [{ title: CLOSED_BILAG, access: 'closed' as const, fileName: null }] : []),
    ],
    links: [],
    decision: 'Indstillingen blev tiltrådt.',
    absent: [],
    access: 'public',
  };
}

function closedItem(n: number): AgendaItem {
  return {
    ...item(n),
    title: `${CLOSED_WORDS[0]} af arealer ved ${CLOSED_WORDS[1]}`,
    sections: [{ heading: 'Sagsfremstilling', type: 'presentation', blocks: [{ kind: 'paragraph', text: `Direktionen beder om et ${CLOSED_WORDS[2]} til forhandlingerne om ${CLOSED_WORDS[1]}.` }] }],
    attachments: [],
    decision: null,
    access: 'closed',
  };
}

/** A minutes document with `count` items; item 4 carries a closed bilag, item `count - 1` is closed. */
export function sampleMeeting(count = 20): MeetingDocument {
  const people = ['Anna Testesen', 'Bo Prøvesen', 'Carla Eksempel', 'Dorte Øvelund', 'Erik Åskov', 'Frida Ærtebjerg'];
  return {
    body: 'KKR Midtjylland',
    authority: 'KL',
    access: 'public',
    kind: 'minutes',
    title: 'Referat af møde i KKR Midtjylland',
    date: '2020-06-17',
    startTime: '10:00',
    endTime: '13:00',
    location: 'Scandic, Rytoften 3, 8210 Aarhus',
    online: false,
    attendanceNote: null,
    participants: people.map((name, i) => ({ name, party: 'AVFØ'[i % 4]!, municipality: ['Favrskov', 'Skive', 'Aarhus'][i % 3]!, role: i === 0 ? 'formand' : null })),
    absent: [{ name: 'Gert Fiktivsen', party: 'V', municipality: 'Lemvig', role: null, substitute: 'Hanne Stedfortræder' }],
    others: [{ name: 'Ida Sekretær', title: 'Chefkonsulent', organisation: 'KL', group: 'Fra KL-sekretariatet', minuteTaker: true }],
    frontMatter: [],
    toc: [],
    items: Array.from({ length: count }, (_, i) => (i + 1 === count - 1 ? closedItem(i + 1) : item(i + 1))),
    warnings: [],
    source: null,
  };
}
