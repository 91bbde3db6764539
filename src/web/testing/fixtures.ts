/**
 * @module Test fixtures: meeting documents shaped like the seeds (KKR Midtjylland minutes,
 * KD-Net minutes, an upcoming agenda, an undated document), plus hostile text for escaping tests.
 */
import type { AgendaItem, MeetingDocument } from '../../model/index.js';
import type { MemoryMeeting } from './memory-archive.js';
import { createMemoryArchive } from './memory-archive.js';

export const HOSTILE = '<script>alert("x")</script>';

function item(partial: Partial<AgendaItem> & Pick<AgendaItem, 'number' | 'title'>): AgendaItem {
  return {
    caseNumber: null, caseOfficers: [], presenters: [], sections: [], attachments: [], links: [],
    decision: null, absent: [], access: 'public', ...partial,
  };
}

function doc(partial: Partial<MeetingDocument>): MeetingDocument {
  return {
    body: null, authority: null, access: 'public', kind: 'minutes', title: null, date: null, startTime: null, endTime: null, location: null,
    online: false, attendanceNote: null, participants: [], absent: [], others: [], frontMatter: [], toc: [],
    items: [], warnings: [], source: null, ...partial,
  };
}

export const kkrMinutes = doc({
  body: 'KKR Midtjylland',
  kind: 'minutes',
  title: 'Referat 2020',
  date: '2020-06-17',
  startTime: '10:00',
  location: 'Scandic, Rytoften 3, 8210 Aarhus',
  frontMatter: [
    { kind: 'heading', text: 'Mission' },
    { kind: 'paragraph', text: 'KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati.' },
  ],
  participants: [
    { name: 'Nils Borring', party: 'A', municipality: 'Favrskov', role: null },
    { name: 'Jacob Bundsgaard', party: 'A', municipality: 'Aarhus', role: 'formand' },
  ],
  absent: [
    { name: 'Lars Krarup', party: 'V', municipality: 'Herning', role: null, substitute: 'Anne Mette Bang Rasmussen' },
  ],
  others: [
    { name: 'Jesper Kaas Schmidt', title: 'Kommunaldirektør', organisation: 'Randers', group: 'Fra KD-net', minuteTaker: false },
    { name: 'Christian Budde', title: 'Chefkonsulent', organisation: null, group: 'Fra KL-sekretariatet', minuteTaker: true },
  ],
  items: [
    item({ number: '1', title: 'Godkendelse af referat' }),
    item({
      number: '1.1',
      title: 'Godkendelse af referat fra møde i KKR Midtjylland den 5. februar 2020',
      caseNumber: 'SAG-2020-01328',
      caseOfficers: ['chbo', 'jhp'],
      sections: [
        { heading: 'Baggrund', type: 'background', blocks: [{ kind: 'paragraph', text: 'Referatet blev udsendt den 7. februar 2020 og kan ses her.' }] },
        { heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'KKR Midtjylland godkendte referatet.' }] },
      ],
      links: [{ text: 'her', url: null }],
      decision: 'KKR Midtjylland godkendte referatet.',
    }),
    item({ number: '3', title: 'Regionalpolitiske sager' }),
    item({
      number: '3.1',
      title: 'Klimasamarbejde for KKR Midtjylland - herunder KKR Midtjyllands klimastrategi og DK2020',
      caseNumber: 'SAG-2020-01697',
      caseOfficers: ['chbo', 'snm'],
      presenters: ['Jesper Kaas Schmidt'],
      sections: [
        { heading: 'Indstilling', type: 'recommendation', blocks: [
          { kind: 'paragraph', text: 'Det indstilles, at KKR Midtjylland:' },
          { kind: 'list', items: [
            { text: 'Drøfter rammerne for KKR Midtjyllands klimastrategi', depth: 0 },
            { text: 'Herunder DK2020', depth: 1 },
            { text: 'Drøfter den videre proces', depth: 0 },
          ] },
        ] },
        { heading: 'Sagsfremstilling', type: 'presentation', blocks: [
          { kind: 'heading', text: 'Forventet tidsplan for proces DK2020' },
          { kind: 'table', rows: [
            ['Juni (medio)', 'KKR drøfter DK2020'],
            ['', 'efter forhandlinger med regionen.'],
            ['November', `KKR behandler overblik ${HOSTILE}`],
          ] },
          { kind: 'attachment', marker: './.', title: 'Udbredelse af DK2020' },
        ] },
        { heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'KKR Midtjylland tiltrådte indstillingen.\nDer var generel opbakning til DK2020.' }] },
      ],
      attachments: [
        { title: 'Udbredelse af DK2020', access: 'public', fileName: null },
        { title: 'Hemmeligt bilag', access: 'closed', fileName: null },
      ],
      links: [{ text: 'Realdania', url: 'https://realdania.dk/dk2020' }, { text: 'ondt', url: 'javascript:alert(1)' }],
      decision: 'KKR Midtjylland tiltrådte indstillingen.',
    }),
    item({ number: '3.2', title: `Punkt med fjendtlig titel ${HOSTILE}`, caseNumber: 'SAG-2020-09999' }),
    item({ number: '4', title: 'Lukket punkt om personsag', access: 'closed', caseNumber: 'SAG-2020-00001' }),
  ],
  source: { fileName: 'Referat KKR 17. juni 2020 "æøå".pdf', format: 'pdf', sha256: 'a'.repeat(64) },
});

export const kdnetMinutes = doc({
  body: 'KD-Net',
  kind: 'minutes',
  title: 'Referat af møde i kommunaldirektør- netværket i den midtjyske region den 28. august 2020',
  date: '2020-08-28',
  startTime: '10:00',
  endTime: '13:00',
  location: 'via Skype',
  online: true,
  attendanceNote: 'Kommunaldirektørerne i den midtjyske region eller deres suppleanter.',
  absent: [{ name: 'Per Mathiasen', party: null, municipality: 'Skive', role: null, substitute: 'Thomas Lindberg' }],
  items: [
    item({
      number: '3',
      title: 'Orientering om status på KKR-Midtjyllands klimastrategi',
      caseNumber: 'SAG-2020-01697',
      presenters: ['Jesper Kaas Schmidt'],
      sections: [
        { heading: 'Referat', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Jesper Kaas Schmidt orienterede om klimakonferencen i Skive.' }] },
      ],
    }),
  ],
  source: { fileName: 'Referat KD-Net 28. august 2020 "æøå".docx', format: 'docx', sha256: 'b'.repeat(64) },
});

export const kkrAgendaUpcoming = doc({
  body: 'KKR Midtjylland',
  kind: 'agenda',
  date: '2020-09-09',
  items: [item({ number: '1', title: 'Status på DK2020 og KKR Midtjyllands klimastrategi' })],
});

export const undated = doc({ items: [item({ number: '1', title: 'Punkt i et udateret dokument' })] });

/** The organisations of the fixtures, for viewers with roles (the access policy's organisation ids). */
export const ORGANIZATION_IDS = { kkr: 1, kdnet: 2 } as const;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The fixture meetings with ids 1–4 (version and original file ids 11–14). The KKR original holds
 * a closed item and bilag, so only the organisation's members may download it; the KD-Net
 * original is public; the other two have no original.
 */
export function fixtureMeetings(): MemoryMeeting[] {
  const bytes = (text: string) => new TextEncoder().encode(text);
  return [
    {
      id: 1, documentId: 11, organizationId: ORGANIZATION_IDS.kkr, document: kkrMinutes,
      original: { fileName: kkrMinutes.source!.fileName, contentType: 'application/pdf', bytes: bytes('%PDF-1.4 test') },
    },
    {
      id: 2, documentId: 12, organizationId: ORGANIZATION_IDS.kdnet, document: kdnetMinutes,
      original: { fileName: kdnetMinutes.source!.fileName, contentType: DOCX, bytes: bytes('PK docx test') },
    },
    { id: 3, documentId: 13, organizationId: ORGANIZATION_IDS.kkr, document: kkrAgendaUpcoming },
    { id: 4, documentId: 14, organizationId: null, document: undated },
  ];
}

/** An archive over the fixtures, with "today" between the KD-Net meeting and the upcoming agenda. */
export function fixtureArchive() {
  return createMemoryArchive(fixtureMeetings(), '2020-09-01');
}
