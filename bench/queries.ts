/**
 * @module The benchmark's fixed query set: common and rare terms, stemmed forms, phrases,
 * exclusions, `or`, filters and sorts — what citizens and journalists type, in Danish.
 */
import type { SearchQuery } from '../src/archive/types.js';

const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, ...extra });

export const QUERIES: SearchQuery[] = [
  // Very common terms: nearly every item matches (the hard case for ranking).
  q('Midtjylland'),
  q('kommunerne'),
  q('indstilles'),
  q('KKR'),
  q('region'),
  q('samarbejde'),
  q('orientering'),
  q('efterretning'),
  q('fælles'),
  q('aftale'),
  // Common terms and stemmed forms.
  q('klimastrategien'),
  q('klimastrategi'),
  q('sundhedsaftalen'),
  q('rammeaftale'),
  q('flygtninge'),
  q('erhvervshus'),
  q('udlændingestyrelsen'),
  q('beskæftigelse'),
  q('psykiatri'),
  q('budget'),
  q('digitalisering'),
  q('uddannelse'),
  q('borgere'),
  q('bestyrelse'),
  q('udpegning'),
  // Rare terms (about one item in a thousand) and terms that match nothing.
  q('havvindmølleparken'),
  q('grundvandsbeskyttelse'),
  q('kystsikring'),
  q('letbanestrækningen'),
  q('biogasanlægget'),
  q('skybrudssikring'),
  q('Limfjordsforbindelsen'),
  q('demensvenlige'),
  q('sommerhusudlejning'),
  q('xylofonorkester'),
  // Phrases.
  q('"grønne omstilling"'),
  q('"KKR Midtjylland"'),
  q('"det specialiserede socialområde"'),
  q('"til efterretning"'),
  q('"fordeling af flygtninge"'),
  // Several terms, exclusion and or.
  q('klima energi'),
  q('sundhed -psykiatri'),
  q('kommunerne -region'),
  q('flygtninge or integration'),
  q('klimastrategi or kystsikring'),
  q('erhvervshus "grønne omstilling" -corona'),
  // Filters and sorts.
  q('klimastrategi', { body: 'kkr-midtjylland' }),
  q('kommunerne', { body: 'kd-net' }),
  q('Midtjylland', { year: 2015 }),
  q('sundhedsaftalen', { kind: 'minutes' }),
  q('godkendt', { sectionType: 'decision' }),
  q('kommunerne', { sectionType: 'recommendation' }),
  q('kommunerne', { sort: 'newest' }),
  q('rammeaftale', { sort: 'oldest' }),
  q('Midtjylland', { page: 5 }),
  q('kommunerne', { limit: 100 }),
  q('flygtninge', { body: 'kkr-syddanmark', year: 2020, sort: 'newest' }),
];
