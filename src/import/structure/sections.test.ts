import { describe, expect, it } from 'vitest';
import { plainLine } from '../line.js';
import { sectionHeading } from './sections.js';

describe('sectionHeading', () => {
  it('reads a table row holding a heading alone as that heading, and a full row as no heading', () => {
    expect(sectionHeading(plainLine('Bilag\t', { cells: ['Bilag', ''] }))).toMatchObject({ heading: 'Bilag', type: 'other' });
    expect(sectionHeading(plainLine('Beslutning', { cells: ['Beslutning'] }))).toMatchObject({ type: 'decision' });
    expect(sectionHeading(plainLine('Punkt\tIndhold\tBilag', { cells: ['Punkt', 'Indhold', 'Bilag'] }))).toBeNull();
  });

  it('ends an item at the signature page', () => {
    expect(sectionHeading(plainLine('Underskriftsside'))).toMatchObject({ type: 'other' });
  });
});
