/**
 * @module The JSON API's path and query parameters as zod schemas, with Danish messages naming
 * the parameter at fault. Empty values (`?body=`) count as absent, as on the search form.
 */
import { z } from '@hono/zod-openapi';
import { DocumentKind, SectionType } from '../../model/index.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** A whole number from a query string, within bounds. */
const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} skal være et helt tal.` })
    .int(`${name} skal være et helt tal.`)
    .min(min, `${name} skal være mindst ${min}.`)
    .max(max, `${name} må højst være ${max}.`);

const isoDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} skal være en dato som 2020-06-17.`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${name} er ikke en gyldig dato.`);

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'body skal være et organs kortnavn (fx kkr-midtjylland).');

const paging = {
  page: optional(whole('page', 1, 10_000)).openapi({ param: { name: 'page', in: 'query' }, description: 'Side, fra 1.', example: 1 }),
  limit: optional(whole('limit', 1, MAX_LIMIT)).openapi({ param: { name: 'limit', in: 'query' }, description: `Antal pr. side (standard ${DEFAULT_LIMIT}, højst ${MAX_LIMIT}).`, example: DEFAULT_LIMIT }),
};

export const MeetingsQuery = z
  .object({
    body: optional(slug).openapi({ param: { name: 'body', in: 'query' }, description: 'Kun dette organs møder (kortnavn).', example: 'kkr-midtjylland' }),
    year: optional(whole('year', 1900, 2100)).openapi({ param: { name: 'year', in: 'query' }, description: 'Kun møder i dette år.', example: 2020 }),
    from: optional(isoDate('from')).openapi({ param: { name: 'from', in: 'query' }, description: 'Møder på eller efter denne dato.', example: '2020-01-01' }),
    to: optional(isoDate('to')).openapi({ param: { name: 'to', in: 'query' }, description: 'Møder på eller før denne dato.', example: '2020-12-31' }),
    ...paging,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from skal ligge før eller på to.' });

export const PeopleQuery = z.object({
  q: optional(z.string().trim().max(100, 'q må højst være 100 tegn.')).openapi({ param: { name: 'q', in: 'query' }, description: 'Del af navnet, uanset tegnsætning og store bogstaver.', example: 'eksempel' }),
  body: optional(slug).openapi({ param: { name: 'body', in: 'query' }, description: 'Kun personer på dette organs møder.', example: 'kd-net' }),
  ...paging,
});

export const ListQuery = z.object(paging);

/**
 * /api/search's parameters, for the document only: the route validates them with the search
 * page's own parser (src/web/search-params.ts), so both keep one behaviour.
 */
export const SearchQueryDoc = z.object({
  q: z.string().max(500).optional().openapi({
    param: { name: 'q', in: 'query' },
    description: 'Søgetekst: ord, "udtryk", klima* (forstavelse), -ord eller ikke ord (udelad), or/eller (alternativer), sagsnumre og navne. Kan udelades, når person er angivet.',
    example: 'klima',
  }),
  body: slug.optional().openapi({ param: { name: 'body', in: 'query' }, description: 'Kun dette organ (kortnavn).' }),
  year: z.number().int().min(1900).max(2100).optional().openapi({ param: { name: 'year', in: 'query' }, description: 'Kun møder i dette år.' }),
  from: z.string().optional().openapi({ param: { name: 'from', in: 'query' }, description: 'Møder på eller efter denne dato (ÅÅÅÅ-MM-DD).', example: '2020-01-01' }),
  to: z.string().optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Møder på eller før denne dato (ÅÅÅÅ-MM-DD).', example: '2020-12-31' }),
  person: z.string().max(200).optional().openapi({
    param: { name: 'person', in: 'query' },
    description: 'Kun punkter fra møder, denne person deltog i: personens reference (som i personsidens adresse) eller navn. Uden q: alle punkter fra personens møder.',
    example: '7-mette-eksempel',
  }),
  kind: DocumentKind.optional().openapi({ param: { name: 'kind', in: 'query' }, description: 'Kun dagsordener eller referater.' }),
  section: SectionType.optional().openapi({ param: { name: 'section', in: 'query' }, description: 'Søg kun i denne slags afsnit.' }),
  sort: z.enum(['relevance', 'newest', 'oldest']).optional().openapi({ param: { name: 'sort', in: 'query' }, description: 'Rækkefølge (standard relevance).' }),
  page: z.number().int().min(1).max(10_000).optional().openapi({ param: { name: 'page', in: 'query' }, description: 'Side, fra 1.' }),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional().openapi({ param: { name: 'limit', in: 'query' }, description: `Antal pr. side (standard ${DEFAULT_LIMIT}, højst ${MAX_LIMIT}).` }),
});

const positive = (name: string, description: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/, `${name} skal være et positivt helt tal.`)
    .refine((v) => Number(v) <= 2_147_483_647, `${name} er for stort.`)
    .openapi({ param: { name, in: 'path' }, description, example: '12' });

export const MeetingParams = z.object({ id: positive('id', 'Mødets id.') });
export const ItemParams = z.object({
  id: positive('id', 'Mødets id.'),
  number: z
    .string()
    .regex(/^\d{1,4}(\.\d{1,4}){0,5}$/, 'number skal være et punktnummer som 3 eller 3.1.')
    .openapi({ param: { name: 'number', in: 'path' }, description: 'Punktets nummer.', example: '3.1' }),
});
export const BodyParams = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'slug skal være et organs kortnavn (fx kkr-midtjylland).').openapi({ param: { name: 'slug', in: 'path' }, description: 'Organets kortnavn.', example: 'kkr-midtjylland' }),
});
export const PersonParams = z.object({
  ref: z.string().min(1).max(200, 'ref må højst være 200 tegn.').openapi({ param: { name: 'ref', in: 'path' }, description: 'Id, "id-navn" eller navn (som i personsidens adresse).', example: '7-mette-eksempel' }),
});
export const CaseParams = z.object({
  caseNumber: z
    .string()
    .max(100, 'caseNumber må højst være 100 tegn.')
    .regex(/^[^\p{C}]+$/u, 'caseNumber må ikke indeholde kontroltegn.')
    .openapi({ param: { name: 'caseNumber', in: 'path' }, description: 'Sagsnummeret, som dokumenterne skriver det.', example: 'SAG-2020-01697' }),
});
