import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from './file.js';

describe('mediaTypeOf', () => {
  it('stores and serves originals by their format, HTML never as a page, case-system XML as XML', () => {
    expect(mediaTypeOf('pdf')).toBe('application/pdf');
    expect(mediaTypeOf('html')).toBe('text/plain; charset=utf-8');
    for (const format of ['sbsys', 'sbsys-aarhus', 'acadre', 'acadre-manifest', 'edoc', 'edoc4']) expect(mediaTypeOf(format)).toBe('application/xml');
    expect(mediaTypeOf('unknown')).toBe('application/octet-stream');
  });
});
