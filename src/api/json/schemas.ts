/**
 * @module The JSON API's response shapes as zod schemas, built from the model's schemas
 * (src/model) so the OpenAPI document, the responses and the model cannot drift apart. Each
 * `.openapi('Name')` becomes `#/components/schemas/Name` in /api/openapi.json.
 */
import { z } from '@hono/zod-openapi';
import {
  AgendaItem, Attachment, AttendanceStatus, DocumentKind, DocumentVersionInfo, MeetingDocument, MeetingStatus, Membership, Organization, Person,
} from '../../model/index.js';

/**
 * A model object schema under a component name. Rebuilt from its shape, because schemas made
 * before @hono/zod-openapi was loaded lack the `.openapi` method (the shape and types are the same).
 */
const named = <T extends z.ZodRawShape>(schema: z.ZodObject<T>, name: string, description?: string) =>
  z.object(schema.shape).openapi(name, description ? { description } : {});

/** A named schema or null; `.nullable()` on a named schema loses the null in the generated document. */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const ApiError = z.object({ error: z.string().openapi({ description: 'What was wrong, in Danish.', example: 'Mødet findes ikke.' }) }).openapi('Error');

const BodyRef = named(Organization.pick({ slug: true, name: true }), 'BodyRef');

export const ApiLinks = z
  .object({
    self: z.string().openapi({ description: 'This page.' }),
    first: z.string(),
    prev: z.string().optional(),
    next: z.string().optional().openapi({ description: 'The next page; absent on the last page.' }),
    last: z.string(),
  })
  .openapi('PageLinks', { description: 'Absolute URLs of pages of the same list, with the same filters.' });

/** The paging fields every list shares: the list itself is `results`. */
export function listOf<T extends z.ZodType, E extends z.ZodRawShape = {}>(name: string, item: T, extra?: E) {
  return z
    .object({
      total: z.number().int().openapi({ description: 'Matches in all, on every page.' }),
      page: z.number().int().min(1),
      limit: z.number().int().min(1),
      links: ApiLinks,
      results: z.array(item),
      ...(extra ?? ({} as E)),
    })
    .openapi(name);
}

export const ApiMeetingSummary = z
  .object({
    id: z.number().int(),
    status: MeetingStatus,
    body: orNull(BodyRef),
    date: z.string().nullable().openapi({ description: 'YYYY-MM-DD, or null for an undated document.', example: '2020-06-17' }),
    startTime: z.string().nullable().openapi({ example: '10:00' }),
    location: z.string().nullable(),
    kinds: z.array(DocumentKind).openapi({ description: 'The documents stored for the meeting.' }),
    itemCount: z.number().int().openapi({ description: 'Items the reader may see.' }),
    url: z.string().openapi({ description: "The meeting's page in the archive.", example: '/meetings/12' }),
  })
  .openapi('MeetingSummary');

const PersonRef = z
  .object({ id: Person.shape.id, name: Person.shape.name, slug: z.string().openapi({ description: 'May be empty (no Latin letters in the name).' }) })
  .openapi('PersonRef');

const ApiVersion = named(
  DocumentVersionInfo.extend({
    originalUrl: z.string().nullable().openapi({ description: 'The original file, when everything in it may be read.' }),
    format: z.string().nullable(),
  }),
  'DocumentVersion',
);

/** A bilag with its stored file, when the archive holds its bytes and the reader may download them. */
const ApiAttachment = named(
  Attachment.extend({
    file: orNull(
      z
        .object({
          url: z.string().openapi({ description: 'The file itself (PDF opens in the browser, Word is saved).', example: '/files/7' }),
          mediaType: z.string().openapi({ example: 'application/pdf' }),
          size: z.number().int().openapi({ description: 'Bytes.' }),
        })
        .openapi('AttachmentFile'),
    ),
  }),
  'Attachment',
);

const ApiAgendaItem = named(AgendaItem.extend({ attachments: z.array(ApiAttachment) }), 'AgendaItem');

export const ApiMeeting = z
  .object({
    meeting: ApiMeetingSummary,
    document: named(MeetingDocument.extend({ items: z.array(ApiAgendaItem) }), 'MeetingDocument', "The meeting's current document (minutes before agenda), closed items left out."),
    documents: z.array(z.object({ kind: DocumentKind, current: ApiVersion, versions: z.array(ApiVersion) })),
    people: z.array(z.object({ name: z.string().openapi({ description: 'As the document writes it.' }), person: PersonRef })),
    approves: z
      .array(z.object({ number: z.string(), meeting: ApiMeetingSummary }))
      .openapi({ description: "This meeting's items approving an earlier meeting's minutes, with that meeting (when in the archive)." }),
    approvedAt: z
      .array(z.object({ meeting: ApiMeetingSummary, number: z.string(), title: z.string(), approved: z.boolean(), url: z.string() }))
      .openapi({ description: "Later meetings' items approving this meeting's minutes: approved once their minutes decide the item, else on their agenda." }),
  })
  .openapi('Meeting');

export const ApiItem = z
  .object({
    meeting: ApiMeetingSummary,
    item: ApiAgendaItem,
    url: z.string().openapi({ example: '/meetings/12/items/3.1' }),
    related: z
      .array(z.object({ meeting: ApiMeetingSummary, number: z.string(), title: z.string(), url: z.string() }))
      .openapi({ description: 'The same case number at other meetings.' }),
  })
  .openapi('Item');

export const ApiBodySummary = z
  .object({
    slug: Organization.shape.slug,
    name: Organization.shape.name,
    authority: z.string().nullable().openapi({ description: 'The publishing authority, when known.', example: 'KL' }),
    meetingCount: z.number().int(),
    url: z.string().openapi({ example: '/bodies/kkr-midtjylland' }),
  })
  .openapi('BodySummary');

const ApiMembership = named(
  Membership.pick({ id: true, role: true, onBehalfOf: true, party: true, startDate: true, endDate: true, derived: true })
    .extend({
      person: PersonRef,
      organization: BodyRef,
      term: z.string().nullable().openapi({ example: 'Valgperioden 2018–2021' }),
      source: z.enum(['attendance', 'appointment']).openapi({ description: 'attendance: from participant lists; appointment: an item appointed the person.' }),
      sourceItem: z
        .object({ meetingId: z.number().int(), number: z.string(), date: z.string().nullable() })
        .nullable()
        .openapi({ description: 'The appointing item (source appointment).' }),
    }),
  'Membership',
);

export const ApiBody = z
  .object({
    body: ApiBodySummary,
    memberships: z.array(ApiMembership).openapi({ description: 'Seats per electoral period, newest period first.' }),
    links: z.object({
      meetings: z.string().openapi({ description: "The organisation's meetings in this API." }),
      calendar: z.string().openapi({ description: 'iCalendar of its meetings.' }),
      feed: z.string().openapi({ description: 'Atom feed of new agendas and minutes.' }),
    }),
  })
  .openapi('Body');

export const ApiPersonListing = PersonRef.extend({
  party: z.string().nullable().openapi({ description: 'The latest party the documents state.' }),
  municipality: z.string().nullable(),
  meetingCount: z.number().int(),
  lastDate: z.string().nullable(),
  bodies: z.array(orNull(BodyRef)).openapi({ description: 'The organisations at whose meetings the person is listed.' }),
  url: z.string(),
}).openapi('PersonListing');

export const ApiPerson = z
  .object({
    person: PersonRef.extend({ party: z.string().nullable(), municipality: z.string().nullable(), nameVariants: Person.shape.nameVariants, url: z.string() }),
    memberships: z.array(ApiMembership),
    attendance: z.array(
      z.object({
        meeting: ApiMeetingSummary,
        status: AttendanceStatus,
        party: z.string().nullable(),
        municipality: z.string().nullable(),
        role: z.string().nullable(),
        organisation: z.string().nullable(),
        minuteTaker: z.boolean(),
        counterpart: orNull(PersonRef).openapi({ description: 'For afbud: who came instead; for a substitute: for whom.' }),
      }),
    ),
  })
  .openapi('Person');

export const ApiCase = z
  .object({
    caseNumber: z.string().openapi({ example: 'SAG-2020-01697' }),
    url: z.string(),
    items: z.array(
      z.object({
        meeting: ApiMeetingSummary,
        number: z.string(),
        title: z.string(),
        kind: DocumentKind,
        decision: z.string().nullable(),
        url: z.string(),
      }),
    ),
  })
  .openapi('Case');

export const ApiSearchHit = z
  .object({
    title: z.string(),
    itemNumber: z.string(),
    meetingDate: z.string().nullable(),
    body: z.string().nullable(),
    snippet: z.string().openapi({ description: 'HTML: escaped text with <mark> around the matched words.' }),
    url: z.string(),
  })
  .openapi('SearchHit');

const SearchPerson = PersonRef.extend({ url: z.string().openapi({ example: '/people/7-mette-eksempel' }) }).openapi('SearchPerson');

export const ApiSearch = listOf('SearchResult', ApiSearchHit, {
  totalIsEstimate: z.boolean().openapi({ description: 'True when `total` is an estimate (very common words); the results themselves are exact.' }),
  people: z.array(SearchPerson).openapi({ description: 'People whose name the query is (their person pages); empty when it names nobody.' }),
  cases: z
    .array(z.object({ caseNumber: z.string().openapi({ example: 'SAG-2020-01697' }), url: z.string().openapi({ example: '/cases/SAG-2020-01697' }) }))
    .openapi({ description: 'Case numbers the query names, as the archive writes them; their items rank first.' }),
  personFilter: z
    .array(SearchPerson)
    .optional()
    .openapi({ description: 'With `person`: the people the filter names, whose meetings the items are from. Empty: it names nobody, and there are no results.' }),
});

export const MeetingList = listOf('MeetingList', ApiMeetingSummary);
export const BodyList = listOf('BodyList', ApiBodySummary);
export const PersonList = listOf('PersonList', ApiPersonListing);

export type ApiMeetingSummary = z.infer<typeof ApiMeetingSummary>;
export type ApiLinks = z.infer<typeof ApiLinks>;
