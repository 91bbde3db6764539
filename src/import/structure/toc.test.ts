import { describe, expect, it } from 'vitest';
import { dottedEntry } from './toc.js';

describe('dottedEntry', () => {
  it('reads a dotted leader to a page number, and stays linear on a line of dots', () => {
    expect(dottedEntry('715. Kulturkommune 2017. Politiske fokusområder ........ 2')).toEqual(['715. Kulturkommune 2017. Politiske fokusområder', '2']);
    expect(dottedEntry('Godkendelse . . . . . 12')).toEqual(['Godkendelse', '12']);
    expect(dottedEntry('Budget 2021 ... 3')).toBeNull();
    const started = Date.now();
    expect(dottedEntry('.'.repeat(1_000_000))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
