/**
 * @module The municipalities an allocation can name: the lexicon's 98 (src/import/lexicon), each
 * with Danmarks Statistik's three-digit code, as FOLK1A exports write them ("751 Aarhus"). A
 * name is matched however the export spells it (case, hyphens, spaces, å/aa, "Kommune"). Pure.
 */
import lexicon from '../import/lexicon/municipalities.json' with { type: 'json' };

/** Danmarks Statistik's municipality codes (kommunekoder), by official name. */
const CODES: Record<string, string> = {
  København: '101', Frederiksberg: '147', Ballerup: '151', Brøndby: '153', Dragør: '155', Gentofte: '157', Gladsaxe: '159',
  Glostrup: '161', Herlev: '163', Albertslund: '165', Hvidovre: '167', 'Høje-Taastrup': '169', 'Lyngby-Taarbæk': '173',
  Rødovre: '175', Ishøj: '183', Tårnby: '185', Vallensbæk: '187', Furesø: '190', Allerød: '201', Fredensborg: '210',
  Helsingør: '217', Hillerød: '219', Hørsholm: '223', Rudersdal: '230', Egedal: '240', Frederikssund: '250', Greve: '253',
  Køge: '259', Halsnæs: '260', Roskilde: '265', Solrød: '269', Gribskov: '270', Odsherred: '306', Holbæk: '316', Faxe: '320',
  Kalundborg: '326', Ringsted: '329', Slagelse: '330', Stevns: '336', Sorø: '340', Lejre: '350', Lolland: '360',
  Næstved: '370', Guldborgsund: '376', Vordingborg: '390', Bornholm: '400', Middelfart: '410', Assens: '420',
  'Faaborg-Midtfyn': '430', Kerteminde: '440', Nyborg: '450', Odense: '461', Svendborg: '479', Nordfyns: '480',
  Langeland: '482', Ærø: '492', Haderslev: '510', Billund: '530', Sønderborg: '540', Tønder: '550', Esbjerg: '561',
  Fanø: '563', Varde: '573', Vejen: '575', Aabenraa: '580', Fredericia: '607', Horsens: '615', Kolding: '621', Vejle: '630',
  Herning: '657', Holstebro: '661', Lemvig: '665', Struer: '671', Syddjurs: '706', Norddjurs: '707', Favrskov: '710',
  Odder: '727', Randers: '730', Silkeborg: '740', Samsø: '741', Skanderborg: '746', Aarhus: '751', 'Ikast-Brande': '756',
  'Ringkøbing-Skjern': '760', Hedensted: '766', Morsø: '773', Skive: '779', Thisted: '787', Viborg: '791',
  Brønderslev: '810', Frederikshavn: '813', Vesthimmerlands: '820', Læsø: '825', Rebild: '840', Mariagerfjord: '846',
  Jammerbugt: '849', Aalborg: '851', Hjørring: '860',
};

export interface Municipality {
  code: string;
  name: string;
  /** The region's short name ("Midtjylland"). */
  region: string;
}

/** Every municipality, in Danish alphabetical order. */
export const ALL_MUNICIPALITIES: readonly Municipality[] = lexicon.entries
  .map((e) => ({ code: CODES[e.name] ?? '', name: e.name, region: e.region }))
  .sort((a, b) => a.name.localeCompare(b.name, 'da'));

/** The municipalities of a region ("Midtjylland" or "Region Midtjylland"). */
export function municipalitiesOf(region: string): Municipality[] {
  const short = region.replace(/^Region\s+/i, '');
  return ALL_MUNICIPALITIES.filter((m) => m.region === short);
}

/** Comparison form: lower case, å as aa, without spaces, hyphens, dots and a trailing "kommune". */
const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+(kommune|regionskommune)$/u, '')
    .replace(/å/g, 'aa')
    .replace(/[\s\-.]/g, '');

const byKey = new Map<string, Municipality>();
for (const e of lexicon.entries) {
  const m = ALL_MUNICIPALITIES.find((x) => x.name === e.name)!;
  for (const s of [e.name, ...('spellings' in e ? (e.spellings as string[]) : [])]) byKey.set(key(s), m);
}
const byCode = new Map(ALL_MUNICIPALITIES.map((m) => [m.code, m]));

/** The municipality a code ("751"), a name ("Århus", "Aarhus Kommune") or both ("751 Aarhus") names, else null. */
export function findMunicipality(text: string): Municipality | null {
  const t = text.trim();
  const both = /^(\d{3})\s+(.+)$/u.exec(t);
  if (both) {
    const m = byCode.get(both[1]!);
    return m && m === byKey.get(key(both[2]!)) ? m : null;
  }
  if (/^\d{3}$/.test(t)) return byCode.get(t) ?? null;
  return byKey.get(key(t)) ?? null;
}
