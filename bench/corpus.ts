/**
 * @module The public part's synthetic meetings (public.ts; search uses the national corpus,
 * national/), generated from the seeds' structure and
 * vocabulary: real item shapes (sections by type, decisions, bilag), sentences resampled from
 * the seeds' sections of the same type, varied bodies and dates, and a sprinkling of rare words
 * so that rare-term queries have something to find. Deterministic for a given seed.
 */
import type { AgendaItem, Block, MeetingDocument, Participant, SectionType } from '../src/model/index.js';
import { seededRandom as random } from '../test/fixtures/random.js';

export interface Vocabulary {
  items: AgendaItem[];
  /** Sentences of the seeds' sections, by section type. */
  sentences: Map<SectionType, string[]>;
  /** Words of the seeds' item titles (for varied titles). */
  titleWords: string[];
  participants: Participant[];
}

export const BODIES = [
  'KKR Midtjylland',
  'KKR Nordjylland',
  'KKR Syddanmark',
  'KKR Sjælland',
  'KKR Hovedstaden',
  'KD-Net',
  'KD-Net Nordjylland',
  'KD-Net Syddanmark',
  'KD-Net Sjælland',
  'KD-Net Hovedstaden',
];

/** Words that occur in about one item in a thousand: the rare terms of the query set. */
export const RARE_WORDS = [
  'havvindmølleparken',
  'grundvandsbeskyttelse',
  'kystsikring',
  'letbanestrækningen',
  'ungdomsboligbyggeri',
  'biogasanlægget',
  'skybrudssikring',
  'varmepumperne',
  'Limfjordsforbindelsen',
  'demensvenlige',
];

/** Splits the seed documents into the vocabulary the generator draws from. */
export function vocabularyOf(docs: MeetingDocument[]): Vocabulary {
  const sentences = new Map<SectionType, string[]>();
  const titleWords = new Set<string>();
  const items: AgendaItem[] = [];
  for (const doc of docs) {
    for (const item of doc.items) {
      if (item.access !== 'public' || item.sections.length === 0) continue;
      items.push(item);
      for (const w of item.title.split(/\s+/)) if (/^[\p{L}-]{5,}$/u.test(w)) titleWords.add(w.toLowerCase());
      for (const section of item.sections) {
        const pool = sentences.get(section.type) ?? [];
        for (const block of section.blocks) {
          if (block.kind !== 'paragraph') continue;
          pool.push(...block.text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20));
        }
        sentences.set(section.type, pool);
      }
    }
  }
  const any = [...sentences.values()].flat();
  for (const [type, pool] of sentences) if (pool.length < 5) sentences.set(type, [...pool, ...any]);
  return { items, sentences, titleWords: [...titleWords], participants: docs.flatMap((d) => d.participants) };
}


/** Generates documents until they hold `itemCount` items in all. */
export function* syntheticDocuments(vocab: Vocabulary, itemCount: number, seed = 1): Generator<MeetingDocument> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentencesOf = (type: SectionType, n: number) =>
    Array.from({ length: n }, () => pick(vocab.sentences.get(type) ?? vocab.sentences.get('background')!)).join(' ');
  const docsPerBody = Math.ceil(itemCount / 16 / BODIES.length);
  // Spread each body's meetings over 2007–2025, at least a day apart.
  const step = Math.max(1, Math.floor((19 * 365) / docsPerBody));
  let made = 0;
  for (let k = 0; made < itemCount; k++) {
    const body = BODIES[k % BODIES.length]!;
    const date = new Date(Date.UTC(2007, 0, 2) + Math.floor(k / BODIES.length) * step * 86_400_000);
    const year = date.getUTCFullYear();
    const items: AgendaItem[] = [];
    const count = Math.min(itemCount - made, 10 + Math.floor(rnd() * 12));
    for (let n = 1; items.length < count; n++) {
      items.push(makeItem(String(n)));
      if (rnd() < 0.3 && items.length < count) items.push(makeItem(`${n}.1`));
    }
    made += items.length;
    yield {
      body,
      authority: null,
      access: 'public',
      kind: rnd() < 0.5 ? 'agenda' : 'minutes',
      title: null,
      date: date.toISOString().slice(0, 10),
      startTime: pick(['09:00', '10:00', '13:00', '14:30']),
      endTime: null,
      location: pick(['Scandic, Rytoften 3, 8210 Aarhus', 'Silkeborg Rådhus', 'Online via Teams']),
      online: false,
      attendanceNote: null,
      participants: Array.from({ length: 6 }, () => pick(vocab.participants)).filter(Boolean),
      absent: [],
      others: [],
      frontMatter: [],
      toc: [],
      items,
      warnings: [],
      source: null,
    };

    function makeItem(number: string): AgendaItem {
      const template = pick(vocab.items);
      const title = rnd() < 0.5 ? template.title : `${template.title.split(' ').slice(0, 4).join(' ')} ${pick(vocab.titleWords)}`;
      const rare = rnd() < 0.002 ? ` Sagen vedrører også ${pick(RARE_WORDS)}.` : '';
      let decision: string | null = null;
      const sections = template.sections.map((s, i) => {
        const paragraphs = Math.max(1, s.blocks.filter((b) => b.kind === 'paragraph').length);
        const blocks: Block[] = s.blocks.filter((b) => b.kind !== 'paragraph');
        for (let p = 0; p < Math.min(paragraphs, 6); p++) {
          blocks.unshift({ kind: 'paragraph', text: sentencesOf(s.type, 1 + Math.floor(rnd() * 3)) + (i === 0 && p === 0 ? rare : '') });
        }
        if (s.type === 'decision') decision = blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n\n').trim();
        return { ...s, blocks };
      });
      return {
        ...template,
        number,
        title,
        caseNumber: `SAG-${year}-${String(Math.floor(rnd() * 20000)).padStart(5, '0')}`,
        sections,
        decision,
        access: rnd() < 0.01 ? 'closed' : 'public',
      };
    }
  }
}
