import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './archive.js';

describe('contentTypeOf', () => {
  it('serves originals by their format, HTML never as a page, case-system XML as XML', () => {
    expect(contentTypeOf('pdf')).toBe('application/pdf');
    expect(contentTypeOf('html')).toBe('text/plain; charset=utf-8');
    for (const format of ['sbsys', 'sbsys-aarhus', 'acadre', 'acadre-manifest', 'edoc', 'edoc4']) expect(contentTypeOf(format)).toBe('application/xml');
    expect(contentTypeOf('unknown')).toBe('application/octet-stream');
  });
});
