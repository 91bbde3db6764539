/** Test helpers: the seed documents shipped in samples/ and their gold files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const SAMPLES = join(ROOT, 'samples');
export const GOLD = join(ROOT, 'test', 'fixtures', 'gold');

/** The seed file names (000_….txt …). */
export const seedFiles = readdirSync(SAMPLES).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();

export const seedText = (file: string) => readFileSync(join(SAMPLES, file), 'utf8');
export const goldOf = (file: string) => JSON.parse(readFileSync(join(GOLD, file.replace(/\.txt$/, '.json')), 'utf8'));
