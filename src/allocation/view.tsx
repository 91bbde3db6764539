/**
 * @module An allocation on a public page: a table (the text alternative) and a bar chart drawn as
 * server-rendered SVG (hidden from assistive technology, as the table says the same), inside a
 * figure with a caption; the rounding stated and a CSV download. No script, no inline styles.
 */
import { ALLOCATION_KINDS, type AllocationResult } from './index.js';
import { inputColumns } from './csv.js';
import { amount, whole } from './format.js';

export interface AllocationViewData {
  title: string;
  kind: keyof typeof ALLOCATION_KINDS;
  populationPeriod: string | null;
  result: AllocationResult;
  csvUrl: string;
  /** The heading level of the allocation's title (its item's level + 1). */
  level: 2 | 3 | 4;
  /** An id for the heading, unique on the page. */
  id: string;
}

const INPUT_LABELS: Record<string, string> = { indbyggere: 'Indbyggere', aftalt: 'Aftalt', minimum: 'Minimum', historisk: 'Historisk', demografi: 'Demografi' };
const label = (k: string) => INPUT_LABELS[k] ?? k;
/** Per mille of the total with one decimal, "12,3 %". */
const share = (part: number, total: number) => (total === 0 ? '0 %' : `${(Math.round((part * 1000) / total) / 10).toFixed(1).replace('.', ',')} %`);

/** The bars, one per municipality, scaled to the largest share. */
function Chart(props: { result: AllocationResult }) {
  const { rows, unit } = props.result;
  const max = Math.max(1, ...rows.map((r) => r.share));
  const rowHeight = 24;
  const labelWidth = 170;
  const barWidth = 330;
  const height = rows.length * rowHeight + 8;
  return (
    <svg class="allocation-chart" viewBox={`0 0 640 ${height}`} width="100%" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
      {rows.map((r, i) => {
        const y = 4 + i * rowHeight;
        const w = Math.max(r.share > 0 ? 1 : 0, Math.round((r.share / max) * barWidth));
        return (
          <g>
            <text x={labelWidth - 8} y={y + 16} text-anchor="end" font-size="13" fill="#1a1a1a">{r.municipality}</text>
            <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} fill="#0059b3" />
            <text x={labelWidth + w + 6} y={y + 16} font-size="12" fill="#1a1a1a">{amount(r.share, unit)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** One allocation: heading, model, table, chart, rounding and CSV link. */
export function AllocationView(props: { data: AllocationViewData }) {
  const { title, kind, populationPeriod, result, csvUrl, level, id } = props.data;
  const H = `h${level}` as 'h2';
  const columns = inputColumns(result);
  return (
    <section class="allocation" aria-labelledby={id}>
      <H id={id}>{title}</H>
      <p>
        Fordelingsmodel: {ALLOCATION_KINDS[kind]}
        {populationPeriod && <> · folketal {populationPeriod}</>} · i alt {amount(result.total, result.unit)}
      </p>
      <div class="table--responsive-scroll" tabindex={0} role="region" aria-label={`Tabel: ${title}`}>
        <table class="table table--compact allocation-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              {columns.map((k) => (
                <th scope="col" class="text-align-right">{label(k)}</th>
              ))}
              <th scope="col" class="text-align-right">{result.unit === 'øre' ? 'Beløb' : 'Antal'}</th>
              <th scope="col" class="text-align-right">Andel</th>
              <th scope="col">Forklaring</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr>
                <th scope="row">{r.municipality}</th>
                {columns.map((k) => (
                  <td class="text-align-right">{r.inputs[k] === undefined ? '' : whole(r.inputs[k]!)}</td>
                ))}
                <td class="text-align-right">{amount(r.share, result.unit)}</td>
                <td class="text-align-right">{share(r.share, result.total)}</td>
                <td>{r.explanation}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">I alt</th>
              {columns.map(() => (
                <td></td>
              ))}
              <td class="text-align-right">{amount(result.total, result.unit)}</td>
              <td class="text-align-right">100 %</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <figure class="allocation-figure">
        <Chart result={result} />
        <figcaption>Søjlediagram over {result.unit === 'øre' ? 'beløbene' : 'antallene'} i tabellen ovenfor.</figcaption>
      </figure>
      <p class="allocation-rounding">Afrunding: {result.rounding}</p>
      <p class="d-print-none">
        <a href={csvUrl}>Hent fordelingen som CSV</a>
      </p>
    </section>
  );
}
