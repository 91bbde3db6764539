/**
 * @module The house typeface: IBM Plex Sans from the dkfds package (the same face as the web
 * pages), embedded so Danish letters and typographic punctuation (– … “ ”) print everywhere.
 * The files are read and parsed once per process (parsing a face costs more than laying out a
 * meeting); pdfkit subsets them into each document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { dkfdsDistDir } from '../web/static.js';

export const FONT_FACES = {
  regular: 'IBMPlexSans-Regular.ttf',
  bold: 'IBMPlexSans-Bold.ttf',
  italic: 'IBMPlexSans-Italic.ttf',
  semibold: 'IBMPlexSans-SemiBold.ttf',
} as const;

export type FontFace = keyof typeof FONT_FACES;

let loaded: Record<FontFace, Buffer> | null = null;

/** The font files' bytes by face, found through Node's resolution of dkfds (any working directory). */
export function houseFonts(): Record<FontFace, Buffer> {
  if (loaded) return loaded;
  const dir = join(dkfdsDistDir(), 'fonts', 'IBMPlexSans', 'complete', 'ttf');
  const read = (file: string) => {
    try {
      return readFileSync(join(dir, file));
    } catch (error) {
      throw new Error(`PDF: the font ${file} is missing from dkfds (${dir}): ${(error as Error).message}`);
    }
  };
  loaded = Object.fromEntries(Object.entries(FONT_FACES).map(([face, file]) => [face, read(file)])) as Record<FontFace, Buffer>;
  return loaded;
}

/** A face as `registerFont` takes it: the parsed font when pdfkit handed one over, else the file's bytes. */
export type FontSource = Buffer | object;

let parsed: Record<FontFace, FontSource> | null = null;

/**
 * The faces parsed once. pdfkit (since 0.20) accepts a parsed fontkit font in `registerFont`;
 * the parse is pdfkit's own, taken from a throwaway document (its `_font.font`), so Referat
 * needs no direct fontkit dependency. Should pdfkit stop exposing it, the bytes are used as before.
 */
export function parsedFonts(): Record<FontFace, FontSource> {
  if (parsed) return parsed;
  const bytes = houseFonts();
  const probe = new PDFDocument({ autoFirstPage: false });
  parsed = Object.fromEntries(
    (Object.keys(bytes) as FontFace[]).map((face) => {
      probe.registerFont(face, bytes[face]);
      probe.font(face);
      const font = (probe as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
      return [face, font && typeof font.layout === 'function' ? font : bytes[face]];
    }),
  ) as Record<FontFace, FontSource>;
  return parsed;
}
