import { describe, expect, it } from 'vitest';
import { parseAbsence, parseAttendee, parseParticipant } from './participants.js';

describe('participant lines in their real shapes', () => {
  it.each([
    ['Niels Skovbjerg Rasmussen, (F), Ringkøbing-Skjern', 'Niels Skovbjerg Rasmussen', 'F', 'Ringkøbing-Skjern'],
    ['Alexander Myrhøj, (F), Norddjurs Kommune', 'Alexander Myrhøj', 'F', 'Norddjurs'],
    ['Simon Vanggard, (O) Ikast-Brande', 'Simon Vanggard', 'O', 'Ikast-Brande'],
    ['Kasper Juncher Bjerregaard (V), Norddjurs', 'Kasper Juncher Bjerregaard', 'V', 'Norddjurs'],
    ['Nils Borring, Favrskov', 'Nils Borring', null, 'Favrskov'],
    ['Leif Gjørtz Christensen (Ø), Odder', 'Leif Gjørtz Christensen', 'Ø', 'Odder'],
  ])('%s', (line, name, party, municipality) => {
    expect(parseParticipant(line)).toEqual({ name, party, municipality, role: null });
  });
  it('reads a substitute on an afbud line', () => {
    expect(parseAbsence('Per Mathiasen, Skive kommune, i stedet deltog Thomas Lindberg')).toEqual({
      name: 'Per Mathiasen', party: null, municipality: 'Skive', role: null, substitute: 'Thomas Lindberg',
    });
  });
  it('reads others present in their three shapes', () => {
    expect(parseAttendee('Leder af KKR, Henrik Haue Fabiansson', 'Fra KL-sekretariatet')).toMatchObject({ name: 'Henrik Haue Fabiansson', title: 'Leder af KKR' });
    expect(parseAttendee('Chefkonsulent Christian Budde (referent)', null)).toMatchObject({ name: 'Christian Budde', title: 'Chefkonsulent', minuteTaker: true });
    expect(parseAttendee('Christian Brincker Nordbek, chefkonsulent, KKR-sekretariatet', 'Fra KL')).toMatchObject({
      name: 'Christian Brincker Nordbek', title: 'chefkonsulent', organisation: 'KKR-sekretariatet', minuteTaker: false,
    });
    expect(parseAttendee('Kommunaldirektør Jesper Kaas Schmidt, Randers', 'Fra KD-net')).toMatchObject({
      name: 'Jesper Kaas Schmidt', title: 'Kommunaldirektør', organisation: 'Randers',
    });
  });
});

describe('municipality names', () => {
  it('uses one spelling per municipality', async () => {
    const { municipalityName } = await import('./participants.js');
    expect(['Skive kommune', 'Ikast Brande', 'Ringkøbing Skjern Kommune', 'Århus', 'Odder'].map(municipalityName)).toEqual([
      'Skive', 'Ikast-Brande', 'Ringkøbing-Skjern', 'Aarhus', 'Odder',
    ]);
  });
});

describe('the lexicon behind participant lines', () => {
  it('knows the 98 municipalities and 5 regions in any spelling', async () => {
    const { knownMunicipality } = await import('./participants.js');
    expect(['Københavns Kommune', 'Høje Tåstrup', 'Fåborg-Midtfyn', 'Region Midtjylland', 'Vesthimmerland', 'Rønde'].map(knownMunicipality)).toEqual([
      'København', 'Høje-Taastrup', 'Faaborg-Midtfyn', 'Region Midtjylland', 'Vesthimmerlands', null,
    ]);
  });
  it('splits a line naming several people, keeping what qualifies each', async () => {
    const { splitPeople } = await import('./participants.js');
    expect(splitPeople('Anna Holm (A), formand, Bo Berg (V)')).toEqual(['Anna Holm (A), formand', 'Bo Berg (V)']);
    expect(splitPeople('Anna Holm (A) Bo Berg (V)')).toEqual(['Anna Holm (A)', 'Bo Berg (V)']);
    expect(splitPeople('Jens Hansen, Ringkøbing-Skjern Kommune')).toEqual(['Jens Hansen, Ringkøbing-Skjern Kommune']);
    expect(splitPeople('Anna Holm, Bo Berg og Carl Dahl')).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
  });
  it('reads party names and "Løsgænger" as parties', async () => {
    const { parseParticipant } = await import('./participants.js');
    expect(parseParticipant('Anna Holm, Venstre')).toMatchObject({ party: 'V' });
    expect(parseParticipant('Bo Berg (Løsgænger), Aarhus')).toMatchObject({ party: 'Løsgænger', municipality: 'Aarhus' });
  });
});

describe('afbud with the substitute after a dash', () => {
  it('reads "X, F - Y stedfortræder" as X absent, Y attending instead', () => {
    expect(parseAbsence('Villy Hansen, F - Tina Berg stedfortræder')).toMatchObject({ name: 'Villy Hansen', party: 'F', substitute: 'Tina Berg' });
  });
});

describe('a role written before the name', () => {
  it('reads "Formand Marianne Bruhn (A)" as Marianne Bruhn, formand, and leaves names that merely start like a role', () => {
    expect(parseParticipant('Formand Marianne Bruhn (A)')).toMatchObject({ name: 'Marianne Bruhn', party: 'A', role: 'formand' });
    expect(parseParticipant('Borgmester Jesper Clausager (A)')).toMatchObject({ name: 'Jesper Clausager', role: 'borgmester' });
    expect(parseParticipant('Ida Kornblomst (V)')).toMatchObject({ name: 'Ida Kornblomst', role: null });
  });
});
