import { describe, expect, it } from 'vitest';
import { ALL_MUNICIPALITIES, findMunicipality, municipalitiesOf } from './municipalities.js';

describe('municipalities', () => {
  it('gives all 98 a distinct three-digit code, and Region Midtjylland its 19', () => {
    expect(ALL_MUNICIPALITIES).toHaveLength(98);
    expect(new Set(ALL_MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    for (const m of ALL_MUNICIPALITIES) expect(m.code, m.name).toMatch(/^\d{3}$/);
    expect(municipalitiesOf('Region Midtjylland')).toHaveLength(19);
  });
  it('finds a municipality by code, name, spelling or both', () => {
    expect(findMunicipality('751')?.name).toBe('Aarhus');
    expect(findMunicipality('Århus Kommune')?.name).toBe('Aarhus');
    expect(findMunicipality('751 Aarhus')?.name).toBe('Aarhus');
    expect(findMunicipality('ringkobing skjern')).toBeNull();
    expect(findMunicipality('Ringkøbing Skjern')?.code).toBe('760');
    expect(findMunicipality('101 Aarhus')).toBeNull();
    expect(findMunicipality('Region Midtjylland')).toBeNull();
  });
});
