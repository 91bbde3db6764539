/**
 * Our own small export in each case-system format (test/fixtures/xml, invented people), each
 * with a closed item and a closed bilag, matched field by field against its gold file.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../model/index.js';
import { importFile } from '../index.js';
import { closedCounts, readCaseSystemXml, siblingLoader } from './index.js';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/xml');

/** Gold name → the file to import (the Acadre manifest, which names its agenda file). */
const FIXTURES: Record<string, string> = {
  sbsys: 'sbsys.xml',
  'sbsys-aarhus': 'sbsys-aarhus.xml',
  acadre: 'acadre/XML_2041.xml',
  edoc: 'edoc.xml',
  edoc4: 'edoc4.xml',
};

interface Gold {
  format: string;
  document: Omit<MeetingDocument, 'source'>;
}

describe('own case-system fixtures against their gold files', () => {
  for (const [name, path] of Object.entries(FIXTURES)) {
    it(`${path} matches ${name}.gold.json field by field`, async () => {
      const gold = JSON.parse(await readFile(join(DIR, `${name}.gold.json`), 'utf8')) as Gold;
      const file = join(DIR, path);
      const { document, format } = await readCaseSystemXml(await readFile(file), path, { loadRelated: siblingLoader(file) });
      expect(format).toBe(gold.format);
      const { items, ...meeting } = gold.document;
      for (const [field, value] of Object.entries(meeting)) {
        expect(document[field as keyof MeetingDocument], `${name}: ${field}`).toEqual(value);
      }
      expect(document.items.map((i) => i.number), `${name}: item numbers`).toEqual(items.map((i) => i.number));
      items.forEach((want, n) => {
        const got = document.items[n]!;
        for (const [field, value] of Object.entries(want)) {
          expect(got[field as keyof typeof got], `${name}: item ${want.number} ${field}`).toEqual(value);
        }
      });
      expect(document.source).toBeNull();
    });

    it(`${path} has a closed item and a closed bilag, and imports the same through importFile`, async () => {
      const gold = JSON.parse(await readFile(join(DIR, `${name}.gold.json`), 'utf8')) as Gold;
      const counts = closedCounts(gold.document as MeetingDocument);
      expect(counts.items).toBeGreaterThanOrEqual(1);
      // A bilag closed by its own flag, on an item that is public.
      expect(gold.document.items.some((i) => i.access === 'public' && i.attachments.some((a) => a.access !== 'public'))).toBe(true);
      expect(counts.attachments).toBeGreaterThanOrEqual(1);
      const imported = await importFile(join(DIR, path));
      expect(imported.format).toBe(gold.format);
      const { source, ...document } = imported.document;
      expect(source?.format).toBe(gold.format);
      expect(document).toEqual(gold.document);
    });
  }
});
