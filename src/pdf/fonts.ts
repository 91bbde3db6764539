/**
 * @module The house typeface: IBM Plex Sans from the dkfds package (the same face as the web
 * pages), embedded so Danish letters and typographic punctuation (– … “ ”) print everywhere.
 * The files are read once per process; pdfkit subsets them into each document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
