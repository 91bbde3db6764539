/**
 * @module Example responses for the OpenAPI document and the API page. Typed by the response
 * schemas and validated against them in the tests; names are invented.
 */
import type { z } from '@hono/zod-openapi';
import type * as S from './schemas.js';

const ORIGIN = 'https://referat.example';

const meeting: S.ApiMeetingSummary = {
  id: 12, status: 'minutes_published', body: { slug: 'kkr-midtjylland', name: 'KKR Midtjylland' }, date: '2020-06-17', startTime: '10:00',
  location: 'Rådhuset, Mødesal 1', kinds: ['agenda', 'minutes'], itemCount: 9, url: '/meetings/12',
};

const links = (path: string, last = 1): S.ApiLinks => ({
  self: `${ORIGIN}${path}`, first: `${ORIGIN}${path}`, ...(last > 1 ? { next: `${ORIGIN}${path}&page=2` } : {}), last: `${ORIGIN}${path}${last > 1 ? `&page=${last}` : ''}`,
});

const item: z.infer<typeof S.ApiItem>['item'] = {
  number: '3.1', title: 'Klimasamarbejde og DK2020', caseNumber: 'SAG-2020-01697', caseOfficers: ['abc'], presenters: ['Mette Eksempel'],
  sections: [
    { heading: 'Indstilling', type: 'recommendation', blocks: [{ kind: 'paragraph', text: 'Det indstilles, at KKR drøfter rammerne for en fælles klimastrategi.' }] },
    { heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'KKR drøftede rammerne.' }] },
  ],
  attachments: [
    { title: 'Samarbejdsaftale om DK2020', access: 'public', fileName: 'samarbejdsaftale.pdf', sha256: 'b'.repeat(64), file: { url: '/files/7', mediaType: 'application/pdf', size: 1_258_291 } },
    { title: 'Kort over ruten', access: 'public', fileName: null, file: null },
  ],
  links: [], decision: 'KKR drøftede rammerne.', absent: [], access: 'public',
};

const person = { id: 7, name: 'Mette Eksempel', slug: 'mette-eksempel' };

const membership: z.infer<typeof S.ApiBody>['memberships'][number] = {
  id: 3, role: 'chair', onBehalfOf: 'Norddal', party: 'A', startDate: '2018-01-01', endDate: '2021-12-31', derived: true,
  person, organization: { slug: 'kkr-midtjylland', name: 'KKR Midtjylland' }, term: 'Valgperioden 2018–2021', source: 'attendance', sourceItem: null,
};

export const examples = {
  meetings: { total: 41, page: 1, limit: 20, links: links('/api/meetings?body=kkr-midtjylland', 3), results: [meeting] } satisfies z.infer<typeof S.MeetingList>,
  meeting: {
    meeting,
    document: {
      body: 'KKR Midtjylland', authority: 'KL', access: 'public', kind: 'minutes', title: 'Referat af møde i KKR Midtjylland', date: '2020-06-17',
      startTime: '10:00', endTime: '12:00', location: 'Rådhuset, Mødesal 1', online: false, attendanceNote: null,
      participants: [{ name: 'Mette Eksempel', party: 'A', municipality: 'Norddal', role: 'formand' }], absent: [], others: [], frontMatter: [], toc: [],
      items: [item], warnings: [], source: { fileName: 'referat-2020-06-17.pdf', format: 'pdf', sha256: 'a'.repeat(64) },
    },
    documents: [{
      kind: 'minutes',
      current: { id: 30, version: 1, createdAt: '2020-06-20T08:00:00Z', createdBy: 'import', source: 'file', fileName: 'referat-2020-06-17.pdf', current: true, originalUrl: '/documents/30/original', format: 'pdf' },
      versions: [{ id: 30, version: 1, createdAt: '2020-06-20T08:00:00Z', createdBy: 'import', source: 'file', fileName: 'referat-2020-06-17.pdf', current: true, originalUrl: '/documents/30/original', format: 'pdf' }],
    }],
    people: [{ name: 'Mette Eksempel', person }],
    approves: [{ number: '1.1', meeting: { ...meeting, id: 9, date: '2020-02-05', url: '/meetings/9' } }],
    approvedAt: [{ meeting: { ...meeting, id: 15, date: '2020-09-23', url: '/meetings/15' }, number: '1.1', title: 'Godkendelse af referat fra mødet den 17. juni 2020', approved: true, url: '/meetings/15/items/1.1' }],
  } satisfies z.infer<typeof S.ApiMeeting>,
  item: {
    meeting, item, url: '/meetings/12/items/3.1',
    related: [{ meeting: { ...meeting, id: 15, date: '2020-09-23', url: '/meetings/15' }, number: '2', title: 'DK2020: status', url: '/meetings/15/items/2' }],
  } satisfies z.infer<typeof S.ApiItem>,
  bodies: {
    total: 2, page: 1, limit: 20, links: { self: `${ORIGIN}/api/bodies`, first: `${ORIGIN}/api/bodies`, last: `${ORIGIN}/api/bodies` },
    results: [{ slug: 'kkr-midtjylland', name: 'KKR Midtjylland', authority: 'KL', meetingCount: 41, url: '/bodies/kkr-midtjylland' }],
  } satisfies z.infer<typeof S.BodyList>,
  body: {
    body: { slug: 'kkr-midtjylland', name: 'KKR Midtjylland', authority: 'KL', meetingCount: 41, url: '/bodies/kkr-midtjylland' },
    memberships: [membership],
    links: { meetings: `${ORIGIN}/api/meetings?body=kkr-midtjylland`, calendar: `${ORIGIN}/bodies/kkr-midtjylland/calendar.ics`, feed: `${ORIGIN}/bodies/kkr-midtjylland/feed.atom` },
  } satisfies z.infer<typeof S.ApiBody>,
  people: {
    total: 1, page: 1, limit: 20, links: { self: `${ORIGIN}/api/people?q=eksempel`, first: `${ORIGIN}/api/people?q=eksempel`, last: `${ORIGIN}/api/people?q=eksempel` },
    results: [{ ...person, party: 'A', municipality: 'Norddal', meetingCount: 14, lastDate: '2021-11-24', bodies: [{ slug: 'kkr-midtjylland', name: 'KKR Midtjylland' }], url: '/people/7' }],
  } satisfies z.infer<typeof S.PersonList>,
  person: {
    person: { ...person, party: 'A', municipality: 'Norddal', nameVariants: ['Mette Eksempel', 'M. Eksempel'], url: '/people/7' },
    memberships: [membership],
    attendance: [{ meeting, status: 'present', party: 'A', municipality: 'Norddal', role: 'formand', organisation: null, minuteTaker: false, counterpart: null }],
  } satisfies z.infer<typeof S.ApiPerson>,
  case: {
    caseNumber: 'SAG-2020-01697', url: '/cases/SAG-2020-01697',
    items: [{ meeting, number: '3.1', title: 'Klimasamarbejde og DK2020', kind: 'minutes', decision: 'KKR drøftede rammerne.', url: '/meetings/12/items/3.1' }],
  } satisfies z.infer<typeof S.ApiCase>,
  search: {
    total: 1, totalIsEstimate: false, page: 1, limit: 20, links: { self: `${ORIGIN}/api/search?q=klima`, first: `${ORIGIN}/api/search?q=klima`, last: `${ORIGIN}/api/search?q=klima` },
    results: [{ title: 'Klimasamarbejde og DK2020', itemNumber: '3.1', meetingDate: '2020-06-17', body: 'KKR Midtjylland', snippet: 'fælles <mark>klima</mark>strategi', url: '/meetings/12/items/3.1' }],
    people: [],
    cases: [],
  } satisfies z.infer<typeof S.ApiSearch>,
  notFound: { error: 'Mødet findes ikke.' },
  badRequest: { error: 'limit må højst være 100.' },
};
