import { describe, expect, it } from 'vitest';
import { sectionTypeOf } from './section.js';

describe('sectionTypeOf: a committee and a date head its decision', () => {
  it('reads "<udvalg> den <dato>", "<udvalg>, <dato> pkt. N" and "Behandling i <udvalg> …, pkt. N" as decisions', () => {
    expect(sectionTypeOf('Børne- og Skoleudvalget den 6. november 2018:')).toBe('decision');
    expect(sectionTypeOf('Klima- og Miljøudvalget, 05-12-2017 pkt. 188')).toBe('decision');
    expect(sectionTypeOf('Behandling i Udvalget for sundhed for alle onsdag den 28. august 2019, pkt. 1')).toBe('decision');
    expect(sectionTypeOf('Regionsrådet den 22. december 2020')).toBe('decision');
  });

  it('leaves events and sentences that end in a date alone', () => {
    expect(sectionTypeOf('Møde i Kontaktudvalget den 17. juni 2020')).toBeNull();
    expect(sectionTypeOf('Klimatopmøde den 19. august 2021')).toBeNull();
    expect(sectionTypeOf('Sundhedskoordinationsudvalget godkendte aftalen om IV-behandling i nærområdet den 19. marts 2020')).toBeNull();
    expect(sectionTypeOf('Foreløbig er der følgende punkter til mødet i KKR Midtjylland den 6. september 2023')).toBeNull();
  });
});
