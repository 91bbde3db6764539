/**
 * @module What the national corpus is drawn from: the real documents in the repository (the seeds
 * in samples/, the 39 corpus documents in test/corpus/documents) and, when present, the shared
 * real documents (../shared/real-documents), each read by the importer. Kept: item titles, each
 * item's shape (its sections' types, headings and lengths in words), sentences by section type as
 * word lists, decisions, items per document, and the words' frequencies (the curve the generated
 * text is compared against).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readManifest } from '../../src/cli/serve.js';
import { importBytes } from '../../src/import/index.js';
import { blockText, type MeetingDocument, type SectionType } from '../../src/model/index.js';

/**
 * Words as the generator writes them: letters or digits only, so the database's text parser
 * reads each as exactly one token (what lets load.ts compute typed_tsv itself, see lexemes.ts).
 */
const WORD = /[a-zA-ZæøåÆØÅéÉüÜöÖäÄ]+|\d+/g;

export const tokens = (text: string): string[] => text.match(WORD) ?? [];

export interface ItemShape {
  title: string[];
  sections: Array<{ type: SectionType; heading: string | null; words: number }>;
  attachments: number;
}

export interface Samples {
  shapes: ItemShape[];
  /** Sentences (as words) of each section type; every type has some (other types' when it had none). */
  sentences: Map<SectionType, string[][]>;
  /** Items per document, as the samples have them. */
  itemsPerDocument: number[];
  /** Lower-cased word → occurrences in the samples' item text. */
  frequencies: Map<string, number>;
  /** Words of item text in all. */
  totalWords: number;
  documents: number;
}

async function sampleFiles(): Promise<Array<{ path: string; options: { body?: string; date?: string } }>> {
  const seeds = (await readManifest()).map((e) => ({ path: e.path, options: { ...(e.body ? { body: e.body } : {}), ...(e.date ? { date: e.date } : {}) } }));
  const listed = async (dir: string) => {
    try {
      return (await readdir(dir)).filter((f) => /\.(txt|html|docx|pdf)$/.test(f)).sort().map((f) => ({ path: path.join(dir, f), options: {} }));
    } catch {
      return []; // the shared real documents exist on the development machine only
    }
  };
  return [...seeds, ...(await listed('test/corpus/documents')), ...(await listed('../shared/real-documents'))];
}

/** Reads and imports every sample document; those the importer refuses are skipped. */
export async function readSamples(): Promise<Samples> {
  const docs: MeetingDocument[] = [];
  for (const file of await sampleFiles()) {
    try {
      docs.push((await importBytes(new Uint8Array(await readFile(file.path)), path.basename(file.path), file.options)).document);
    } catch {
      // a sample the importer cannot read adds nothing to the vocabulary
    }
  }
  return samplesOf(docs);
}

export function samplesOf(docs: MeetingDocument[]): Samples {
  const shapes: ItemShape[] = [];
  const sentences = new Map<SectionType, string[][]>();
  const frequencies = new Map<string, number>();
  let totalWords = 0;
  const count = (words: string[]) => {
    for (const w of words) frequencies.set(w.toLowerCase(), (frequencies.get(w.toLowerCase()) ?? 0) + 1);
    totalWords += words.length;
  };
  const itemsPerDocument: number[] = [];
  for (const doc of docs) {
    if (doc.items.length > 0) itemsPerDocument.push(doc.items.length);
    for (const item of doc.items) {
      const title = tokens(item.title);
      if (title.length === 0) continue;
      count(title);
      const shape: ItemShape = { title, sections: [], attachments: item.attachments.length };
      for (const section of item.sections) {
        let words = 0;
        for (const block of section.blocks) {
          // Lengths count every block (lists and tables too); sentences come from paragraphs.
          if (block.kind !== 'paragraph') {
            words += tokens(blockText(block)).length;
            continue;
          }
          for (const sentence of block.text.split(/(?<=[.!?])\s+/)) {
            const ws = tokens(sentence);
            // Running text only: headers, dates and number rows are not sentences to resample.
            words += ws.length;
            if (ws.length < 5 || ws.filter((w) => /^\d/.test(w)).length > ws.length * 0.2) continue;
            count(ws);
            const pool = sentences.get(section.type) ?? [];
            pool.push(ws);
            sentences.set(section.type, pool);
          }
        }
        if (words > 0) shape.sections.push({ type: section.type, heading: section.heading, words });
      }
      shapes.push(shape);
    }
  }
  const all = [...sentences.values()].flat();
  if (all.length === 0) throw new Error('the sample documents hold no text to draw the corpus from');
  for (const type of ['summary', 'background', 'recommendation', 'presentation', 'decision', 'economy', 'history', 'other'] as SectionType[]) {
    if ((sentences.get(type)?.length ?? 0) < 5) sentences.set(type, [...(sentences.get(type) ?? []), ...all]);
  }
  return { shapes, sentences, itemsPerDocument, frequencies, totalWords, documents: docs.length };
}
