import { describe, expect, it } from 'vitest';
import { danishCompare, personKey, personSlug } from './names.js';

describe('person names', () => {
  it('keys and slugs a name however it is punctuated', () => {
    expect(personKey('H. C.  Østerby')).toBe('h c østerby');
    expect(personKey('H.C. Østerby')).toBe('h c østerby');
    expect(personSlug('H.C. Østerby')).toBe('h-c-oesterby');
    expect(personSlug('Anne-Mette Bang Rasmussen')).toBe('anne-mette-bang-rasmussen');
    expect(personSlug('Åse Ærø Müller')).toBe('aase-aeroe-muller');
    expect(personSlug('王小明')).toBe('');
  });

  it('sorts names in Danish alphabet order: Æ, Ø, Å after Z, accents ignored', () => {
    const names = ['Åse', 'Ørum', 'Ærø', 'Zacharias', 'Émile', 'Anders', 'ebbe'];
    expect([...names].sort(danishCompare)).toEqual(['Anders', 'ebbe', 'Émile', 'Zacharias', 'Ærø', 'Ørum', 'Åse']);
  });
});
