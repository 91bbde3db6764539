/**
 * Referat's own PDFs read back by Referat's own importer (src/import): a secretariat that
 * downloads a PDF and uploads it elsewhere, or an archive that harvests it, gets the same
 * meeting — kind, body, date, and every item's number and title — and the same participants.
 */
import { describe, expect, it } from 'vitest';
import { importBytes } from '../import/index.js';
import { MeetingDocument } from '../model/index.js';
import { goldOf, seedFiles } from '../../test/seeds.js';
import { renderMeetingPdf } from './render.js';

describe('a rendered PDF imports back to the same meeting', () => {
  it.each(seedFiles)('%s', async (file) => {
    const doc = MeetingDocument.parse(goldOf(file));
    const bytes = await renderMeetingPdf(doc, { audience: 'members', organization: doc.body, generatedAt: new Date('2026-12-01T10:00:00Z') });
    const back = (await importBytes(bytes, file.replace(/\.txt$/, '.pdf'))).document;
    expect({ kind: back.kind, body: back.body, date: back.date }).toEqual({ kind: doc.kind, body: doc.body, date: doc.date });
    expect(back.items.map((i) => `${i.number}. ${i.title}`)).toEqual(doc.items.map((i) => `${i.number}. ${i.title}`));
    expect(back.participants.map((p) => p.name)).toEqual(doc.participants.map((p) => p.name));
  });
});
