/**
 * @module Population figures from a CSV file in Danmarks Statistik's FOLK1A export layout. Pure:
 * bytes in, figures out, or an error naming the file and line. Understood:
 * - semicolon-separated, cells quoted or not, UTF-8 (with or without BOM) or Latin-1/Windows-1252;
 * - the API's long layout: a header naming OMRÅDE, TID and INDHOLD (other columns such as KØN,
 *   ALDER or CIVILSTAND only where they hold a total: "I alt", "Alder i alt", "TOT", "IALT");
 * - Statistikbanken's table export: title lines, a header row of periods ("2024K1"), rows of area
 *   and counts (other label columns as above, carried down where left empty).
 * Areas are a municipality code, name, or both ("751 Aarhus"); the whole country, regions and
 * landsdele are skipped; anything else is an error, as is a count that is not a whole number.
 */
import { findMunicipality } from './municipalities.js';

export interface PopulationRow {
  code: string;
  municipality: string;
  period: string;
  count: number;
  /** The line of the file it came from (1-based). */
  line: number;
}

export interface ParsedPopulation {
  figures: PopulationRow[];
  /** Rows left out: the country, regions, landsdele, and breakdowns other than totals. */
  skipped: number;
}

/** A bad file or row: the message names the file and the line. */
export class PopulationCsvError extends Error {}

const PERIOD = /^(\d{4})(?:[KQ]([1-4]))?$/u;
const TOTALS = /^(i alt|total|tot|ialt|.+ i alt|all .+|both sexes|age, total)$/iu;
const NOT_MUNICIPALITY = /^(hele landet|all denmark|region |landsdel |province |\d{3,4} region |0\d{2} )/iu;

/** Bytes as text: UTF-8 when they are valid UTF-8 (BOM dropped), else Windows-1252 (a superset of Latin-1's printable range). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** One semicolon-separated line's cells, quotes removed ("" inside quotes is a quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') out.push(cur.trim()), (cur = '');
    else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const normalPeriod = (s: string) => {
  const m = PERIOD.exec(s.trim());
  return m ? `${m[1]}${m[2] ? `K${m[2]}` : ''}` : null;
};

/** The figures in the file; `file` is the name errors give. */
export function parseFolk1a(bytes: Uint8Array, file: string): ParsedPopulation {
  const lines = decodeCsv(bytes).split(/\r\n|\n|\r/u);
  const fail = (line: number, why: string): never => {
    throw new PopulationCsvError(`${file}, linje ${line}: ${why}`);
  };
  const figures: PopulationRow[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  const add = (lineNo: number, area: string, period: string, countText: string) => {
    if (NOT_MUNICIPALITY.test(area)) return void skipped++;
    const m = findMunicipality(area);
    if (!m) return fail(lineNo, `»${area}« er ikke en dansk kommune (skriv kommunekode eller navn, fx »751 Aarhus«).`);
    const digits = countText.replace(/[ .\u00a0]/gu, '');
    if (!/^\d{1,9}$/u.test(digits)) return fail(lineNo, `antallet »${countText}« for ${m.name} er ikke et helt tal.`);
    const k = `${m.code} ${period}`;
    if (seen.has(k)) return fail(lineNo, `${m.name} ${period} står også i linje ${seen.get(k)}.`);
    seen.set(k, lineNo);
    figures.push({ code: m.code, municipality: m.name, period, count: Number(digits), line: lineNo });
  };

  const rows = lines.map((text, i) => ({ line: i + 1, cells: text.trim() === '' ? [] : cells(text) }));
  const headerAt = rows.findIndex((r) => r.cells.some((c) => /^(område|omrade|region|area)$/iu.test(c)) && r.cells.some((c) => /^(tid|time)$/iu.test(c)));
  if (headerAt >= 0) {
    // The long layout: one figure per row.
    const header = rows[headerAt]!.cells.map((c) => c.toLowerCase());
    const area = header.findIndex((c) => /^(område|omrade|region|area)$/u.test(c));
    const time = header.findIndex((c) => /^(tid|time)$/u.test(c));
    const value = header.findIndex((c) => /^(indhold|value|antal)$/u.test(c));
    if (value < 0) fail(rows[headerAt]!.line, 'kolonnen INDHOLD (antallet) mangler i overskriften.');
    const others = header.map((_, i) => i).filter((i) => i !== area && i !== time && i !== value);
    for (const r of rows.slice(headerAt + 1)) {
      if (r.cells.length <= 1) continue;
      if (r.cells.length < header.length) fail(r.line, `der er ${r.cells.length} felter, men overskriften har ${header.length}.`);
      if (others.some((i) => !TOTALS.test(r.cells[i]!))) {
        skipped++;
        continue;
      }
      const period = normalPeriod(r.cells[time]!) ?? fail(r.line, `perioden »${r.cells[time]}« er hverken et år (2024) eller et kvartal (2024K1).`);
      add(r.line, r.cells[area]!, period, r.cells[value]!);
    }
  } else {
    // Statistikbanken's table: the first row with periods is the header.
    const periodsAt = rows.findIndex((r) => r.cells.some((c) => normalPeriod(c) !== null));
    if (periodsAt < 0) throw new PopulationCsvError(`${file}: ingen overskrift med OMRÅDE, TID og INDHOLD og ingen række med perioder (fx 2024K1) — er det en FOLK1A-fil?`);
    const header = rows[periodsAt]!.cells;
    const first = header.findIndex((c) => normalPeriod(c) !== null);
    const periods = header.map((c, i) => (i >= first ? normalPeriod(c) : null));
    const carried: string[] = [];
    for (const r of rows.slice(periodsAt + 1)) {
      if (r.cells.length <= 1) continue; // notes and footers
      const labels = r.cells.slice(0, first);
      labels.forEach((c, i) => {
        if (c !== '') carried[i] = c;
      });
      const areaText = labels[labels.length - 1] || carried[first - 1] || '';
      if (carried.slice(0, first - 1).some((c) => c && !TOTALS.test(c))) {
        skipped++;
        continue;
      }
      if (!areaText) fail(r.line, 'rækken har intet område.');
      periods.forEach((p, i) => {
        if (p && r.cells[i] !== undefined && r.cells[i] !== '') add(r.line, areaText, p, r.cells[i]!);
      });
    }
  }
  if (figures.length === 0) throw new PopulationCsvError(`${file}: filen indeholder ingen kommuners folketal.`);
  return { figures, skipped };
}
