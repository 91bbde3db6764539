/**
 * @module Mutations of documents, from structure-aware (lines dropped, duplicated, swapped;
 * headings and numbers mangled; ragged tables; huge lines; deep nesting; control characters) to
 * byte-level (bits flipped, ranges cut or repeated, invalid UTF-8, BOMs, mixed encodings). Each
 * mutation returns its name, so a failing input says how it was made.
 */
import fc from 'fast-check';
import type { Rng } from './rng.js';

/** What was done to an input, in order. */
export type Recipe = string[];

const WORDS = ['Beslutning', 'Indstilling', 'Sagsfremstilling', 'Bilag', 'Økonomi', 'Dato:', 'Deltagere:', 'Afbud:', 'Sagsnr.:', 'Mødested:', 'kl. 17:00', 'Referat', 'Dagsorden', 'godkendt', 'Lukket punkt', 'Side 3 af 9', 'den 31. februar 2020', 'kl. 25:99', '❏', '¦', '\t', '•', '–', 'æøå', 'ÆØÅ', '\u200b', '\u202e', '\u0301', '\ufffd', '\ud800', '\udfff', '😀', 'ﬁ', 'https://example.org/x?a=1&b=2', '[link](http://)', '**', '__', '`', '#', '>', '|', '(', ')', '[', ']', '<', '>', '&amp;', '&#0;', '\\'];

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\r', '\n', '\t'];

/** A string of any code units (lone surrogates, controls, astral characters), from fast-check. */
export function anyString(rng: Rng, maxLength: number): string {
  const [s] = fc.sample(fc.string({ unit: rng.chance(0.5) ? 'binary' : 'grapheme', maxLength }), { seed: rng.seed(), numRuns: 1 });
  return s!;
}

function heading(rng: Rng, line: string): string {
  const n = () => rng.pick(['0', '-1', '1', '2', '3', '10', '99', '715', '1024', '007', '1.1', '3.2.1', '1.1.1.1.1.1.1', '99999999999999999999', '2.', '½', 'IV', 'a)', '']);
  const title = line.replace(/^\s*[\d.]+\s*/, '');
  switch (rng.int(0, 7)) {
    case 0: return `${n()}. ${title}`;
    case 1: return `${n()} ${title.toUpperCase()}`;
    case 2: return `${'#'.repeat(rng.int(1, 9))} ${n()}. ${title}`;
    case 3: return `Punkt ${n()}: ${title}`;
    case 4: return `SAG NR. ${n()} ${title}`;
    case 5: return `${n()}.\n${title}`;
    case 6: return `**${n()}. ${title}`;
    default: return `${n()}. ${title} ${'.'.repeat(rng.int(0, 80))} ${n()}`;
  }
}

/** A table row with a ragged number of cells. */
function raggedRow(rng: Rng, line: string): string {
  const cells = line.split(/\s+/);
  const width = rng.int(0, 40);
  const sep = rng.pick(['\t', ' ¦ ', ' | ', '\t\t']);
  return Array.from({ length: width }, (_, i) => (rng.chance(0.3) ? '' : (cells[i % Math.max(1, cells.length)] ?? ''))).join(sep);
}

/** Structure-aware mutations of a document's lines (text, Markdown, or markup split at tags). */
/** The most characters a mutation may grow an input to (a line repeated 2,000 times could make gigabytes). */
export const MAX_CHARS = 4 * 1024 * 1024;

const sizeOf = (parts: readonly string[]) => parts.reduce((n, p) => n + p.length, 0);

export function mutateLines(rng: Rng, lines: string[], donors: readonly string[][], recipe: Recipe): string[] {
  let out = [...lines];
  const times = rng.int(1, 6);
  for (let t = 0; t < times; t++) {
    // An op that grows the input past the cap is undone (and named so in the recipe).
    const before = out.slice();
    const i = out.length === 0 ? 0 : rng.int(0, out.length - 1);
    const line = out[i] ?? '';
    const op = rng.int(0, 17);
    recipe.push(`line-op ${op} at ${i}`);
    switch (op) {
      case 0: out.splice(i, rng.int(1, 8)); break;
      case 1: out.splice(i, 0, ...Array<string>(rng.int(1, rng.chance(0.1) ? 2000 : 4)).fill(line)); break;
      case 2: { const j = rng.int(0, Math.max(0, out.length - 1)); [out[i], out[j]] = [out[j] ?? '', line]; break; }
      case 3: out[i] = heading(rng, line); break;
      case 4: {
        // Renumber every numbered line out of order.
        out = out.map((l) => l.replace(/^(\s*(?:#+\s*)?)(\d+)([.)])/, (_, pre, _n, dot) => `${pre}${rng.int(0, 30)}${dot}`));
        break;
      }
      case 5: out.splice(i, 0, ...Array.from({ length: rng.int(1, 12) }, () => raggedRow(rng, line))); break;
      case 6: out[i] = line.repeat(Math.max(1, Math.floor(rng.size(400_000) / Math.max(1, line.length)))); break;
      case 7: out[i] = rng.pick(['[', '*', '.', ' ', '-', '<', '_', '#', '(', '0', '\t', 'a', '=', '|', '>']).repeat(rng.size(300_000)); break;
      case 8: {
        const d = rng.size(3000);
        const open = rng.pick(['>', '-', '  ', '*', '#', '(', '[', '1.', '\t']);
        out.splice(i, 0, `${open.repeat(d)} ${line}`, ...Array.from({ length: rng.int(0, 30) }, (_, k) => `${'  '.repeat(k * rng.int(1, 50))}- ${line}`));
        break;
      }
      case 9: {
        const pos = rng.int(0, line.length);
        out[i] = line.slice(0, pos) + Array.from({ length: rng.int(1, 20) }, () => rng.pick(CONTROL)).join('') + line.slice(pos);
        break;
      }
      case 10: {
        const pos = rng.int(0, line.length);
        out[i] = line.slice(0, pos) + anyString(rng, 40) + line.slice(pos);
        break;
      }
      case 11: out.splice(i, 0, Array.from({ length: rng.int(1, 12) }, () => rng.pick(WORDS)).join(rng.pick([' ', '', '\t', ': ']))); break;
      case 12: {
        // Lines from another document spliced in.
        const donor = rng.pick(donors);
        const start = rng.int(0, Math.max(0, donor.length - 1));
        out.splice(i, 0, ...donor.slice(start, start + rng.int(1, 40)));
        break;
      }
      case 13: out = out.map((l) => (rng.chance(0.3) ? l.toUpperCase() : l)); break;
      case 14: out.splice(i, 0, ...Array<string>(rng.int(1, 200)).fill(rng.pick(['', ' ', '\f', '\u00a0', '---', '***', '* * *']))); break;
      case 15: out[i] = line.replace(/\d+/g, () => String(rng.pick([0, -1, 32, 13, 99, 2 ** 53, 1e21, 2024, 1899, 9999]))); break;
      case 16: out = out.slice(rng.int(0, out.length)).concat(out.slice(0, rng.int(0, out.length))); break;
      default: out.reverse();
    }
    if (sizeOf(out) > MAX_CHARS) {
      out = before;
      recipe.push('undone: too large');
    }
  }
  return out;
}

/** Joins lines with one kind of line end, or a mixture. */
export function joinLines(rng: Rng, lines: string[], recipe: Recipe): string {
  const end = rng.pick(['\n', '\n', '\n', '\r\n', '\r', 'mixed']);
  recipe.push(`line ends ${JSON.stringify(end)}`);
  if (end !== 'mixed') return lines.join(end);
  return lines.map((l) => l + rng.pick(['\n', '\r\n', '\r', '\n\n', '\u2028'])).join('');
}

/** The text as bytes in one encoding, or several. */
export function encode(rng: Rng, text: string, recipe: Recipe): Uint8Array {
  const enc = rng.pick(['utf8', 'utf8', 'utf8', 'utf8-bom', 'latin1', 'utf16le', 'utf16be', 'mixed', 'bom-inside']);
  recipe.push(`encoding ${enc}`);
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  switch (enc) {
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
    case 'latin1': return Buffer.from(text, 'latin1');
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'mixed': {
      const cut = rng.int(0, text.length);
      return Buffer.concat([utf8(text.slice(0, cut)), Buffer.from(text.slice(cut), 'latin1')]);
    }
    case 'bom-inside': {
      const cut = rng.int(0, text.length);
      return Buffer.concat([utf8(text.slice(0, cut)), Buffer.from(rng.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]])), utf8(text.slice(cut))]);
    }
    default: return utf8(text);
  }
}

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0xc0, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf8, 0xfe, 0x0a, 0x0d, 0x3c, 0x3e, 0x26, 0x25, 0x2f];

/** Byte-level mutations: bits flipped, bytes set, ranges cut, repeated, moved, or the file truncated. */
export function mutateBytes(rng: Rng, input: Uint8Array, recipe: Recipe, times = rng.int(1, 8)): Uint8Array {
  let bytes = Buffer.from(input);
  for (let t = 0; t < times; t++) {
    const n = bytes.length;
    const at = rng.int(0, Math.max(0, n - 1));
    const op = rng.int(0, 7);
    recipe.push(`byte-op ${op} at ${at}`);
    switch (op) {
      case 0: if (n > 0) bytes[at] = bytes[at]! ^ (1 << rng.int(0, 7)); break;
      case 1: if (n > 0) bytes[at] = rng.pick(INTERESTING); break;
      case 2: bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(n, at + rng.size(4096) + 1))]); break;
      case 3: { const len = rng.size(4096) + 1; bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + len), bytes.subarray(at)]); break; }
      case 4: bytes = bytes.subarray(0, rng.int(0, n)); break;
      case 5: bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255))), bytes.subarray(at)]); break;
      case 6: { const from = rng.int(0, Math.max(0, n - 1)); const len = rng.size(2048) + 1; const chunk = Buffer.from(bytes.subarray(from, from + len)); chunk.copy(bytes, at); break; }
      default: for (let k = rng.int(1, 32); k > 0 && n > 0; k--) bytes[rng.int(0, n - 1)] = rng.int(0, 255);
    }
  }
  return bytes;
}
