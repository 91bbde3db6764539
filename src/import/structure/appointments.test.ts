/** Appointments read from the seeds' Udpegninger items and from invented sentences. */
import { describe, expect, it } from 'vitest';
import { item, meetingDocument } from '../../db/fixtures.js';
import { seedFiles, seedText } from '../../../test/seeds.js';
import { parseText } from '../index.js';
import { appointmentsOf, organizationIn, seatCountsOf } from './appointments.js';

const parseSample = (prefix: string) => parseText(seedText(seedFiles.find((f) => f.startsWith(prefix))!));
const paragraph = (text: string) => ({ heading: 'Baggrund', type: 'background' as const, blocks: [{ kind: 'paragraph' as const, text }] });

describe('appointmentsOf', () => {
  it("reads seed 000's items 4.1–4.3: two substitutes for their parties, two board members of CDEU, decided", () => {
    const found = appointmentsOf(parseSample('000'));
    expect(found.map((a) => [a.item, a.role, a.organization, a.decided])).toEqual([
      ['4.1', 'substitute', null, true],
      ['4.2', 'substitute', null, true],
      ['4.3', 'member', 'CDEU', true],
      ['4.3', 'member', 'CDEU', true],
    ]);
    expect(found.map((a) => a.onBehalfOf)).toEqual(['Dansk Folkeparti', 'Alternativet', null, null]);
    expect(found[1]).toMatchObject({ party: 'Å', municipality: 'Syddjurs' });
    // Every name is a name of the document, whole.
    const text = seedText(seedFiles.find((f) => f.startsWith('000'))!);
    for (const a of found) expect(text).toContain(a.name);
  });

  it("reads seed 001's list after 'faldt valget på' with the board named above it, once each", () => {
    const found = appointmentsOf(parseSample('001'));
    expect(found.map((a) => [a.item, a.role, a.organization])).toEqual([
      ['13', 'member', 'Fælles Service Center'],
      ['13', 'member', 'Fælles Service Center'],
    ]);
    expect(found.map((a) => a.municipality)).toEqual(['Ringkøbing Skjern', 'Silkeborg']);
  });

  it('reads "udpeges som" and "har udpeget … som … i", and an agenda only proposes', () => {
    const doc = meetingDocument({
      kind: 'agenda',
      items: [
        item('4', 'Udpegninger'),
        { ...item('4.1', 'Ny repræsentant'), sections: [paragraph('Det indstilles, at Karen Mølby Hansen (A) udpeges som suppleant til Praksisplanudvalget.')] },
        { ...item('4.2', 'Meddelelser om udpegning'), sections: [paragraph('Gruppe C har udpeget Ole Frandsen som stedfortræder for Bo Lind i bestyrelsen for Byens Vand.')] },
        { ...item('5', 'Budget'), sections: [paragraph('Jens Holm udpeges som medlem af Styregruppen.')] },
      ],
    });
    expect(appointmentsOf(doc)).toEqual([
      expect.objectContaining({ item: '4.1', name: 'Karen Mølby Hansen', party: 'A', role: 'substitute', organization: 'Praksisplanudvalget', decided: false }),
      expect.objectContaining({ item: '4.2', name: 'Ole Frandsen', role: 'substitute', organization: 'Byens Vand', decided: false }),
    ]);
  });

  it('names organisations in the usual phrasings', () => {
    expect(organizationIn('to kommunale medlemmer af bestyrelsen for Fælles Service Center.')).toBe('Fælles Service Center');
    expect(organizationIn('udpege to repræsentanter til CDEU’s bestyrelse i henhold til')).toBe('CDEU');
    expect(organizationIn('Der er ingen bestyrelse her.')).toBeNull();
  });
});

describe('seatCountsOf', () => {
  it("reads seed 002's table of seats for 2018-2022, group rows left out", () => {
    const seats = seatCountsOf(parseSample('002'));
    expect(seats.length).toBeGreaterThan(10);
    expect(seats.every((s) => s.period === '2018-2022' && s.item === '5.2' && s.seats > 0)).toBe(true);
    expect(seats.find((s) => s.organization === 'Praksisplanudvalget')?.seats).toBe(5);
    expect(seats.some((s) => s.organization === 'Sundhedsområdet')).toBe(false);
  });
});
