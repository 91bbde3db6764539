/**
 * @module The PDF benchmark (`npm run bench -- --part pdf`): a synthetic 20-item minutes of
 * realistic size (src/pdf/sample.ts: sections of several paragraphs, lists, tables, bilag, a
 * closed item) rendered to PDF over and over, public and members' copy, after a warm-up
 * (fonts parsed, code compiled): p50/p95 milliseconds of wall-clock and of this process's CPU
 * time (on a shared machine the wall clock mostly measures waiting for a core), pages and size.
 */
import { renderMeetingPdf } from '../src/pdf/render.js';
import { sampleMeeting } from '../src/pdf/sample.js';
import { percentile } from './context.js';

const ITEMS = 20;
const WARM_UP = 3;
export const PDF_RENDERS = 30;


/** Pages of a PDF, counted from its page objects (no parser needed for our own output). */
function pageCount(bytes: Uint8Array): number {
  return Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

/** Renders the 20-item meeting `renders` times per audience and prints the figures. */
export async function pdfBench(renders = PDF_RENDERS): Promise<void> {
  const doc = sampleMeeting(ITEMS);
  for (const audience of ['public', 'members'] as const) {
    const options = { audience, organization: 'KKR Midtjylland' };
    for (let i = 0; i < WARM_UP; i++) await renderMeetingPdf(doc, options);
    const times: number[] = [];
    const cpu: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < renders; i++) {
      const start = performance.now();
      const used = process.cpuUsage();
      bytes = await renderMeetingPdf(doc, options);
      const spent = process.cpuUsage(used);
      times.push(performance.now() - start);
      cpu.push((spent.user + spent.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const ms = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
    console.log(
      `PDF: ${ITEMS}-item minutes, ${audience === 'public' ? 'public copy' : "members' copy"}, ${renders} renders: ` +
        `${ms(times)} (CPU ${ms(cpu)}); ${pageCount(bytes)} pages, ${Math.round(bytes.byteLength / 1024)} KB`,
    );
  }
}
