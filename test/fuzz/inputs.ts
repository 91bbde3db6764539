/**
 * @module One fuzz input from a run's seed and the input's index: its kind (plain text, Markdown,
 * web page, case-system XML, PDF, DOCX), its bytes and the recipe that made it. Input N of seed S
 * is the same on every run and machine, so a failure is replayed from the two numbers.
 */
import { generateFile } from '../property/case-xml.js';
import { mutateDocx, mutatePdf, type BinaryPool } from './binary.js';
import type { Corpus, CorpusFile } from './corpus.js';
import { billionLaughs, elementNames, htmlTags, mutateMarkup, randomTree, tokens } from './markup.js';
import { anyString, encode, joinLines, mutateBytes, mutateLines, type Recipe } from './mutate.js';
import { inputSeed, Rng } from './rng.js';

export const KINDS = ['text', 'markdown', 'html', 'xml', 'pdf', 'docx'] as const;
export type Kind = (typeof KINDS)[number];

export interface FuzzInput {
  index: number;
  kind: Kind;
  fileName: string;
  bytes: Uint8Array;
  /** Files an Acadre manifest names. */
  related: Map<string, Uint8Array>;
  recipe: Recipe;
}

export interface FuzzContext {
  seed: number;
  corpus: Corpus;
  pool: BinaryPool;
  /** How often each kind is drawn (relative weights). */
  weights: Record<Kind, number>;
  donors: string[][];
  xmlNames: string[];
}

export const DEFAULT_WEIGHTS: Record<Kind, number> = { text: 30, markdown: 14, html: 18, xml: 20, pdf: 8, docx: 10 };

export function makeContext(seed: number, corpus: Corpus, pool: BinaryPool, weights = DEFAULT_WEIGHTS): FuzzContext {
  return {
    seed,
    corpus,
    pool,
    weights,
    donors: corpus.text.map((f) => f.text.split('\n')),
    xmlNames: elementNames(corpus.xml.map((x) => Buffer.from(x.bytes).toString('utf8'))),
  };
}

function pickKind(rng: Rng, weights: Record<Kind, number>): Kind {
  const total = KINDS.reduce((s, k) => s + weights[k], 0);
  let x = rng.float() * total;
  for (const k of KINDS) if ((x -= weights[k]) < 0) return k;
  return 'text';
}

/** Some or all lines of a document. */
function window(rng: Rng, doc: CorpusFile): string[] {
  const lines = doc.text.split('\n');
  // Whole documents now and then; windows mostly, which keeps a hundred thousand inputs to minutes.
  if (rng.chance(0.1)) return lines;
  const start = rng.int(0, Math.max(0, lines.length - 5));
  return lines.slice(start, start + rng.int(3, 60));
}

/** A text document dressed as Markdown: headings, bullets, emphasis, links and pipe tables. */
function markdownOf(rng: Rng, lines: string[]): string[] {
  return lines.map((l) => {
    if (/^\s*\d+(\.\d+)*\.?\s+\S/.test(l)) return `${'#'.repeat(rng.int(1, 3))} ${l.trim()}`;
    if (l.includes('\t')) return `| ${l.split('\t').join(' | ')} |`;
    switch (rng.int(0, 9)) {
      case 0: return `- ${l}`;
      case 1: return `**${l}**`;
      case 2: return `[${l}](https://example.org/${rng.int(0, 99)})`;
      case 3: return `> ${l}`;
      case 4: return `${'  '.repeat(rng.int(1, 4))}* ${l}`;
      default: return l;
    }
  });
}

/** A text document as a web page: headings, paragraphs, lists and tables. */
function htmlOf(rng: Rng, lines: string[]): string {
  const body = lines.map((l) => {
    if (/^\s*\d+\.\s+\S/.test(l)) return `<h${rng.int(1, 4)}>${l}</h${rng.int(1, 4)}>`;
    if (l.includes('\t')) return `<table><tr>${l.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr></table>`;
    return rng.pick([`<p>${l}</p>`, `<li>${l}</li>`, `<div><b>${l}</b></div>`, `${l}<br>`, `<details><summary>${l}</summary></details>`]);
  });
  return `<!DOCTYPE html><html><head><meta charset="${rng.pick(['utf-8', 'windows-1252', 'iso-8859-1', 'x-bogus'])}"><title>Dagsorden</title></head><body>${body.join('\n')}</body></html>`;
}

const ext = (kind: Kind) => ({ text: 'txt', markdown: 'md', html: 'html', xml: 'xml', pdf: 'pdf', docx: 'docx' })[kind];

/** Input `index` of the run. */
export async function makeInput(ctx: FuzzContext, index: number): Promise<FuzzInput> {
  const rng = new Rng(inputSeed(ctx.seed, index));
  const kind = pickKind(rng, ctx.weights);
  const recipe: Recipe = [kind];
  let related = new Map<string, Uint8Array>();
  let bytes: Uint8Array;
  switch (kind) {
    case 'text':
    case 'markdown': {
      if (rng.chance(0.03)) {
        recipe.push('random string');
        bytes = encode(rng, anyString(rng, rng.size(20_000)), recipe);
        break;
      }
      const source = kind === 'markdown' && ctx.corpus.markdown.length > 0 && rng.chance(0.3) ? rng.pick(ctx.corpus.markdown) : rng.pick(ctx.corpus.text);
      recipe.push(source.name);
      let lines = window(rng, source);
      if (kind === 'markdown' && !source.name.endsWith('.md')) lines = markdownOf(rng, lines);
      if (rng.chance(0.9)) lines = mutateLines(rng, lines, ctx.donors, recipe);
      bytes = encode(rng, joinLines(rng, lines, recipe), recipe);
      if (rng.chance(0.25)) bytes = mutateBytes(rng, bytes, recipe);
      break;
    }
    case 'html': {
      let markup: string;
      const shape = rng.int(0, 2);
      if (shape === 0 && ctx.corpus.html.length > 0) {
        const page = rng.pick(ctx.corpus.html);
        recipe.push(page.name);
        markup = page.text;
      } else if (shape === 1) {
        const doc = rng.pick(ctx.corpus.text);
        recipe.push(`${doc.name} as html`);
        markup = htmlOf(rng, window(rng, doc));
      } else {
        recipe.push('random tree');
        markup = `<!DOCTYPE html><html><body>${randomTree(rng, htmlTags, rng.int(1, 12), { nodes: rng.size(400) })}</body></html>`;
      }
      if (rng.chance(0.9)) markup = mutateMarkup(rng, markup, htmlTags, recipe);
      bytes = rng.chance(0.8) ? Buffer.from(markup, 'utf8') : encode(rng, markup, recipe);
      if (rng.chance(0.15)) bytes = mutateBytes(rng, bytes, recipe);
      break;
    }
    case 'xml': {
      let xml: string;
      if (rng.chance(0.5)) {
        const file = generateFile(rng.seed(), rng.int(0, 1000));
        recipe.push(`generated ${file.system}`);
        xml = Buffer.from(file.bytes).toString('utf8');
        related = file.related;
      } else {
        const seed = rng.pick(ctx.corpus.xml);
        recipe.push(seed.name);
        xml = Buffer.from(seed.bytes).toString('utf8');
        related = seed.related;
      }
      const shape = rng.int(0, 9);
      if (shape < 6) xml = mutateMarkup(rng, xml, ctx.xmlNames, recipe);
      else if (shape < 8) {
        // A well-formed random subtree in place of an element's content.
        recipe.push('random subtree');
        const toks = tokens(xml);
        const opens = toks.map((t, i) => (/^<[A-Za-z]/.test(t) && !t.endsWith('/>') ? i : -1)).filter((i) => i >= 0);
        const at = rng.pick(opens.length > 0 ? opens : [0]);
        toks.splice(at + 1, 0, randomTree(rng, ctx.xmlNames, rng.int(1, 10), { nodes: rng.size(300) }));
        xml = toks.join('');
      } else {
        recipe.push('random tree');
        xml = `<?xml version="1.0" encoding="utf-8"?>${rng.chance(0.3) ? billionLaughs(rng) : ''}${randomTree(rng, ctx.xmlNames, rng.int(1, 14), { nodes: rng.size(600) })}`;
      }
      if (rng.chance(0.1)) xml = xml.replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="${rng.pick(['utf-16', 'iso-8859-1', 'windows-1252', 'ebcdic', 'x-none', 'UTF8', ''])}"?>`);
      if (rng.chance(0.3) && related.size > 0) {
        // The manifest's agenda file mutated too.
        recipe.push('related mutated');
        related = new Map([...related].map(([k, v]) => [k, Buffer.from(mutateMarkup(rng, Buffer.from(v).toString('utf8'), ctx.xmlNames, recipe))]));
      }
      bytes = rng.chance(0.85) ? Buffer.from(xml, 'utf8') : encode(rng, xml, recipe);
      if (rng.chance(0.15)) bytes = mutateBytes(rng, bytes, recipe);
      break;
    }
    case 'pdf': {
      const i = rng.int(0, ctx.pool.pdf.length - 1);
      recipe.push(`pool pdf ${i}`);
      bytes = rng.chance(0.85) ? mutatePdf(rng, ctx.pool.pdf[i]!, recipe) : ctx.pool.pdf[i]!;
      break;
    }
    case 'docx': {
      const i = rng.int(0, ctx.pool.docx.length - 1);
      recipe.push(`pool docx ${i}`);
      bytes = rng.chance(0.85) ? mutateDocx(rng, ctx.pool.docx[i]!, recipe) : ctx.pool.docx[i]!;
      break;
    }
  }
  // Now and then a name that lies about the content: detection goes by the bytes.
  const fileName = `fuzz-${index}.${rng.chance(0.1) ? rng.pick(['pdf', 'docx', 'txt', 'xml', 'html', 'bin']) : ext(kind)}`;
  return { index, kind, fileName, bytes: new Uint8Array(bytes), related, recipe };
}
