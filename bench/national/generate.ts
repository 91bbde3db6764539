/**
 * @module The national corpus generator: meetings of every organisation (authorities.ts) spread
 * over 2007–2026, each with one document (minutes for past meetings mostly, agendas for the rest
 * and for meetings still to come), one version, one original file, and items shaped like the
 * samples' items (their section types, headings and lengths), whose text is the samples'
 * sentences with words swapped for draws from the Zipf vocabulary. Rows come out per table in
 * columns (rows.ts), in batches of meetings, ids assigned here. Seeded: the same N and seed give
 * the same corpus.
 *
 * Words are kept as ids: each word's lexeme (asked of the database once, lexemes.ts) gives the
 * typed_tsv vector without another to_tsvector pass, and the items' lexeme sets give the document
 * frequencies the bench's query set is chosen from.
 */
import { createHash } from 'node:crypto';
import { PROJECTION_VERSION } from '../../src/db/projection.js';
import type { AgendaItem, MeetingDocument, SectionType } from '../../src/model/index.js';
import { meetingStatusOf } from '../../src/model/index.js';
import { seededRandom } from '../../test/fixtures/random.js';
import { nationalBodies, type NationalOrganization } from './authorities.js';
import { Columns } from './rows.js';
import type { Samples } from './samples.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** Share of the samples' words swapped for a draw from the vocabulary: what gives the text its tail. */
const SWAP = 0.35;
const SUMMARY: ReadonlySet<string> = new Set(['summary', 'recommendation']);
const FIRST_DAY = Date.UTC(2007, 0, 1);
const DAYS = Math.round((Date.UTC(2026, 11, 31) - FIRST_DAY) / 86_400_000);
const MAX_POS = 16383;
const PLACES = ['Rådhuset, mødelokale 1', 'Rådhuset, byrådssalen', 'Administrationsbygningen', 'Online via Teams', 'Regionshuset', 'KL-huset, Weidekampsgade 10'];

export interface Words {
  /** Every surface form the generator can write, by id. */
  words: string[];
  /** Word id → lexeme id, −1 for a stop word; filled by lexemes.ts. */
  lexemeOf: Int32Array;
  lexemes: string[];
}

export interface Prepared {
  samples: Samples;
  vocabulary: Vocabulary;
  words: string[];
  idOf: Map<string, number>;
  /** Sentences by section type, as word ids. */
  sentences: Map<SectionType, Int32Array[]>;
  titles: Int32Array[];
  vocabularyIds: Int32Array;
}

/** Interns the samples' words and the vocabulary (before the database is asked for lexemes). */
export function prepare(samples: Samples, vocabularySize: number, seed: number): Prepared {
  const vocabulary = buildVocabulary(samples.frequencies, vocabularySize, seededRandom(seed ^ 0x5eed));
  const words: string[] = [];
  const idOf = new Map<string, number>();
  const id = (w: string) => {
    let i = idOf.get(w);
    if (i === undefined) {
      i = words.length;
      words.push(w);
      idOf.set(w, i);
    }
    return i;
  };
  const sentences = new Map<SectionType, Int32Array[]>();
  for (const [type, pool] of samples.sentences) sentences.set(type, pool.map((s) => Int32Array.from(s, id)));
  const titles = samples.shapes.map((s) => Int32Array.from(s.title, id));
  const vocabularyIds = Int32Array.from(vocabulary.words, id);
  return { samples, vocabulary, words, idOf, sentences, titles, vocabularyIds };
}

interface Meeting {
  org: NationalOrganization;
  day: number;
}

/** Each organisation's meetings, as many as N items need, spread evenly (with jitter) over the years; by date. */
export function schedule(samples: Samples, items: number, random: () => number): Meeting[] {
  const { organizations } = nationalBodies();
  const meanItems = samples.itemsPerDocument.map(clampItems).reduce((a, b) => a + b, 0) / samples.itemsPerDocument.length;
  const slots = organizations.reduce((n, o) => n + o.perYear * 20, 0);
  // 15 % more meetings than the mean needs: the draws of items per meeting vary, and the generator
  // stops at N items, so the corpus always has exactly N (the last meetings may go unused).
  const factor = (1.15 * items) / meanItems / slots;
  const meetings: Meeting[] = [];
  for (const org of organizations) {
    const count = Math.floor(org.perYear * 20 * factor + random());
    const taken = new Set<number>();
    for (let k = 0; k < count; k++) {
      let day = Math.min(DAYS, Math.floor(((k + 0.5 + (random() - 0.5) * 0.6) * DAYS) / count));
      while (taken.has(day)) day = (day + 1) % (DAYS + 1);
      taken.add(day);
      meetings.push({ org, day });
    }
  }
  return meetings.sort((a, b) => a.day - b.day || a.org.id - b.org.id);
}

const clampItems = (n: number) => Math.min(30, Math.max(3, n));
const isoDay = (day: number) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

/** The tables a batch fills, in load order. */
export interface Batch {
  meetings: Columns;
  meetingDocuments: Columns;
  blobs: Columns;
  files: Columns;
  documentVersions: Columns;
  agendaItems: Columns;
  sections: Columns;
  attachments: Columns;
  items: number;
}

export const TABLES = {
  authorities: ['id:int', 'slug:text', 'name:text', 'kind:text'],
  organizations: ['id:int', 'authority_id:int', 'slug:text', 'name:text', 'kind:text'],
  locations: ['id:int', 'description:text', 'online:bool'],
  meetings: ['id:int', 'organization_id:int', 'date:date', 'start_time:text', 'location_id:int', 'online:bool', 'status:text', 'access:text', 'current_version_id:int', 'projection:int'],
  meeting_documents: ['id:int', 'meeting_id:int', 'kind:text', 'current_version_id:int'],
  blobs: ['sha256:text', 'bytes:bytea', 'size:int'],
  files: ['id:int', 'sha256:text', 'name:text', 'media_type:text', 'size:int', 'access:text'],
  document_versions: ['id:int', 'document_id:int', 'version:int', 'created_by:text', 'source:text', 'file_id:int', 'format:text', 'model:jsonb'],
  papers: ['id:int', 'reference:text', 'case_numbers:text[]', 'title:text'],
  agenda_items: [
    'id:int', 'meeting_id:int', 'version_id:int', 'organization_id:int', 'meeting_date:date', 'kind:text', 'position:int', 'number:text',
    'title:text', 'paper_id:int', 'decision:text', 'access:text', 'summary_text:text', 'body_text:text', 'typed_tsv:tsvector',
  ],
  sections: ['id:int', 'item_id:int', 'position:int', 'heading:text', 'type:text', 'plain_text:text'],
  attachments: ['id:int', 'item_id:int', 'position:int', 'title:text', 'access:text', 'file_name:text'],
} as const;

export type TableName = keyof typeof TABLES;

/** Generates the corpus batch by batch (about `batchItems` items each); `words.lexemeOf` must be filled. */
export function* generate(prep: Prepared, words: Words, items: number, seed: number, stats: GenerationStats, batchItems = 5000, today = '2026-12-01'): Generator<Batch> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const meetings = schedule(prep.samples, items, random);
  const { lexemeOf } = words;
  const df = (stats.documentFrequency = new Int32Array(words.lexemes.length));
  const counts = (stats.counts = new Float64Array(words.words.length));
  const papers = stats.papers;
  const seenIn = new Int32Array(words.lexemes.length).fill(-1);
  const sectionSeen = new Int32Array(words.lexemes.length).fill(-1);
  const positionCount = new Int32Array(words.lexemes.length);
  const positionText: string[] = new Array<string>(words.lexemes.length).fill('');
  const quoted = words.lexemes.map((l) => l.replace(/'/g, "''"));
  let sectionStamp = 0;
  const shapes = prep.samples.shapes;
  const recentCases = new Map<number, number[]>();
  let itemId = 0;
  let sectionId = 0;
  let attachmentId = 0;
  let made = 0;
  let meetingIndex = 0;

  // A sentence's words with some swapped for vocabulary draws; counted for the curve.
  const sentence = (type: SectionType, out: number[]) => {
    const s = pick(prep.sentences.get(type)!);
    for (let i = 0; i < s.length; i++) out.push(random() < SWAP ? draw() : s[i]!);
  };
  const draw = () => prep.vocabularyIds[prep.vocabulary.drawIndex(random)]!;

  while (made < items && meetingIndex < meetings.length) {
    const batch: Batch = {
      meetings: new Columns(TABLES.meetings),
      meetingDocuments: new Columns(TABLES.meeting_documents),
      blobs: new Columns(TABLES.blobs),
      files: new Columns(TABLES.files),
      documentVersions: new Columns(TABLES.document_versions),
      agendaItems: new Columns(TABLES.agenda_items),
      sections: new Columns(TABLES.sections),
      attachments: new Columns(TABLES.attachments),
      items: 0,
    };
    while (batch.items < batchItems && made < items && meetingIndex < meetings.length) {
      const { org, day } = meetings[meetingIndex]!;
      const id = ++meetingIndex;
      const date = isoDay(day);
      const year = date.slice(0, 4);
      const kind: MeetingDocument['kind'] = date < today && random() < 0.85 ? 'minutes' : 'agenda';
      const count = Math.min(items - made, clampItems(pick(prep.samples.itemsPerDocument)));
      const place = Math.floor(random() * PLACES.length);
      const docItems: AgendaItem[] = [];
      for (let position = 0; position < count; position++) {
        const shapeIndex = Math.floor(random() * shapes.length);
        const shape = shapes[shapeIndex]!;
        const iid = ++itemId;
        const access = random() < 0.015 ? 'closed' : 'public';
        // Title: the sample's, a word or two swapped.
        const titleIds = Array.from(prep.titles[shapeIndex]!, (w) => (random() < 0.2 ? draw() : w));
        const title = capitalise(titleIds.map((w) => words.words[w]!).join(' '));
        // Sections as the sample item has them, lengths varied ±40 %; minutes decide, agendas do not.
        const specs = shape.sections.filter((s) => kind === 'minutes' || s.type !== 'decision');
        if (kind === 'minutes' && !specs.some((s) => s.type === 'decision')) specs.push({ type: 'decision', heading: 'Beslutning', words: 8 });
        const sections: AgendaItem['sections'] = [];
        const typed: string[] = [];
        let typedOffset = 0;
        const itemStamp = iid;
        const markLexemes = (ids: readonly number[]) => {
          for (const w of ids) {
            counts[w]!++;
            const l = lexemeOf[w]!;
            if (l >= 0 && seenIn[l] !== itemStamp) {
              seenIn[l] = itemStamp;
              df[l]!++;
            }
          }
        };
        markLexemes(titleIds);
        for (const spec of specs) {
          const target = Math.max(3, Math.round(spec.words * (0.6 + random() * 0.8)));
          const paragraphs: string[] = [];
          const ids: number[] = [];
          while (ids.length < target) {
            const paragraph: number[] = [];
            const length = 30 + Math.floor(random() * 60);
            while (paragraph.length < length && ids.length + paragraph.length < target) {
              sentence(spec.type, paragraph);
              paragraph.push(-1); // sentence end
            }
            const text = paragraph
              .map((w) => (w < 0 ? '.' : words.words[w]!))
              .join(' ')
              .replace(/ \./g, '.');
            paragraphs.push(capitalise(text));
            for (const w of paragraph) if (w >= 0) ids.push(w);
          }
          markLexemes(ids);
          sections.push({ heading: spec.heading, type: spec.type, blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })) });
          // typed_tsv: this section's lexemes, prefixed with its type, positions after the previous sections' (tsvector ||).
          // Positions per lexeme as text, built in arrays stamped per section (no Map per section).
          sectionStamp++;
          const order: number[] = [];
          let max = 0;
          for (let i = 0; i < ids.length; i++) {
            const l = lexemeOf[ids[i]!]!;
            if (l < 0) continue;
            const pos = Math.min(MAX_POS, i + 1);
            if (sectionSeen[l] !== sectionStamp) {
              sectionSeen[l] = sectionStamp;
              positionCount[l] = 0;
              positionText[l] = '';
              order.push(l);
            }
            if (positionCount[l]! < 256) {
              positionText[l] += `${positionCount[l] === 0 ? '' : ','}${Math.min(MAX_POS, pos + typedOffset)}`;
              positionCount[l]!++;
              if (pos > max) max = pos;
            }
          }
          for (const l of order) typed.push(`'${spec.type}/${quoted[l]!}':${positionText[l]!}`);
          typedOffset = Math.min(MAX_POS, typedOffset + max);
        }
        // Cases: most items open one, a third return to a recent case of the organisation.
        const recent = recentCases.get(org.id) ?? [];
        let paper: number;
        if (recent.length > 0 && random() < 0.35) paper = pick(recent);
        else {
          paper = papers.length + 1;
          papers.push({ reference: `${String(Math.floor(random() * 90) + 10)}.${String(Math.floor(random() * 30)).padStart(2, '0')}.00-G01-${paper}-${year.slice(2)}`, title });
          recent.push(paper);
          if (recent.length > 40) recent.shift();
          recentCases.set(org.id, recent);
        }
        papers[paper - 1]!.title = title;
        const attachments = Array.from({ length: Math.min(6, shape.attachments) }, (_, a) => ({
          title: `Bilag ${a + 1}: ${capitalise(Array.from({ length: 3 + Math.floor(random() * 4) }, () => words.words[draw()]!).join(' '))}`,
          access: 'public' as const,
          fileName: null,
        }));
        const decisionText = sections.filter((s) => s.type === 'decision').map((s) => s.blocks.map((b) => (b as { text: string }).text).join('\n\n')).join('\n\n') || null;
        const item: AgendaItem = {
          number: String(position + 1),
          title,
          caseNumber: papers[paper - 1]!.reference,
          caseOfficers: [],
          presenters: [],
          sections,
          attachments,
          links: [],
          decision: decisionText,
          absent: [],
          access,
        };
        docItems.push(item);
        const text = (keep: (type: string) => boolean) =>
          sections
            .filter((s) => keep(s.type))
            .flatMap((s) => [s.type === 'other' ? s.heading : null, s.blocks.map((b) => (b as { text: string }).text).join('\n\n')])
            .filter((t): t is string => !!t)
            .join('\n\n');
        batch.agendaItems.add([
          iid, id, id, org.id, date, kind, position, item.number, title, paper, decisionText, access,
          text((t) => SUMMARY.has(t)), text((t) => t !== 'decision' && !SUMMARY.has(t)), typed.join(' '),
        ]);
        sections.forEach((s, p) => batch.sections.add([++sectionId, iid, p, s.heading, s.type, s.blocks.map((b) => (b as { text: string }).text).join('\n\n')]));
        attachments.forEach((a, p) => batch.attachments.add([++attachmentId, iid, p, a.title, a.access, null]));
      }
      made += docItems.length;
      batch.items += docItems.length;
      // The meeting, its one document, version 1 and the original file it was read from (a stand-in text).
      const bytes = Buffer.from(`Syntetisk mødedokument ${id} (benchmarkkorpus): ${org.name}, ${org.authority}, ${date}\n`);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const fileName = `${org.slug}-${kind === 'minutes' ? 'referat' : 'dagsorden'}-${date}.txt`;
      const doc: MeetingDocument = {
        body: org.name, authority: org.authority, access: 'public', kind, title: null, date, startTime: pick(['09:00', '13:00', '15:00', '17:00', '19:00']),
        endTime: null, location: PLACES[place]!, online: false, attendanceNote: null, participants: [], absent: [], others: [], frontMatter: [], toc: [],
        items: docItems, warnings: [], source: { fileName, format: 'text', sha256: sha },
      };
      batch.meetings.add([id, org.id, date, doc.startTime, place + 1, false, meetingStatusOf([kind], date, today), 'public', id, PROJECTION_VERSION]);
      batch.meetingDocuments.add([id, id, kind, id]);
      batch.blobs.add([sha, bytes, bytes.byteLength]);
      batch.files.add([id, sha, fileName, 'text/plain', bytes.byteLength, 'public']);
      batch.documentVersions.add([id, id, 1, 'import (national bench corpus)', 'file', id, 'text', JSON.stringify(doc)]);
    }
    yield batch;
  }
}

const capitalise = (s: string) => (s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s);

export const PLACE_NAMES = PLACES;

/** What generation leaves besides the batches: filled as it runs. */
export interface GenerationStats {
  /** Occurrences by word id (for the term-frequency curve). */
  counts: Float64Array;
  /** Items holding each lexeme, by lexeme id (for the query set). */
  documentFrequency: Int32Array;
  /** The cases (papers) by id − 1, with their latest item's title. */
  papers: Array<{ reference: string; title: string }>;
}

export const newStats = (): GenerationStats => ({ counts: new Float64Array(0), documentFrequency: new Int32Array(0), papers: [] });
