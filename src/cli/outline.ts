/**
 * @module A readable outline of a parsed document, for `referat parse` without --json.
 */
import { blockText, type Block, type MeetingDocument } from '../model/index.js';

const short = (text: string, n = 70) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function blockLine(block: Block): string {
  switch (block.kind) {
    case 'list':
      return `list (${block.items.length}): ${short(block.items[0]!.text, 50)}`;
    case 'table':
      return `table ${block.rows.length}×${Math.max(...block.rows.map((r) => r.length))}: ${short(block.rows[0]!.join(' | '), 50)}`;
    case 'attachment':
      return `bilag ${block.marker} ${short(block.title)}`;
    default:
      return `${block.kind}: ${short(blockText(block))}`;
  }
}

/** Renders the document as an indented outline. */
export function outline(doc: MeetingDocument): string {
  const out: string[] = [];
  const when = [doc.date ?? 'no date', doc.startTime, doc.endTime && `–${doc.endTime}`].filter(Boolean).join(' ');
  out.push(`${doc.kind === 'minutes' ? 'Minutes' : 'Agenda'}: ${doc.body ?? '(no body)'} — ${when}${doc.location ? ` — ${doc.location}` : ''}`);
  if (doc.title) out.push(`  title: ${doc.title}`);
  if (doc.attendanceNote) out.push(`  attendance: ${short(doc.attendanceNote)}`);
  if (doc.participants.length) out.push(`  participants (${doc.participants.length}): ${doc.participants.map((p) => p.name).join('; ')}`);
  for (const a of doc.absent) out.push(`  afbud: ${a.name}${a.party ? ` (${a.party})` : ''}${a.municipality ? `, ${a.municipality}` : ''}${a.substitute ? ` → ${a.substitute}` : ''}`);
  for (const o of doc.others) out.push(`  also present: ${o.name}${o.title ? `, ${o.title}` : ''}${o.organisation ? `, ${o.organisation}` : ''}${o.minuteTaker ? ' (referent)' : ''} [${o.group ?? ''}]`);
  for (const b of doc.frontMatter) out.push(`  front ${blockLine(b)}`);
  if (doc.toc.length) out.push(`  contents: ${doc.toc.length} entries`);
  for (const item of doc.items) {
    const meta = [item.caseNumber, item.caseOfficers.join('/'), item.presenters.length ? `v. ${item.presenters.join(' og ')}` : ''];
    out.push(`${item.number}. ${item.title}${item.access !== 'public' ? ` (${item.access === 'closed' ? 'lukket punkt' : 'fortroligt punkt'})` : ''}${meta.some(Boolean) ? `  [${meta.filter(Boolean).join(' ')}]` : ''}`);
    for (const s of item.sections) {
      out.push(`    § ${s.heading ?? '(no heading)'} <${s.type}>`);
      for (const b of s.blocks) out.push(`      ${blockLine(b)}`);
    }
    for (const l of item.links) out.push(`    link: ${l.text ?? ''} ${l.url ?? '(no address)'}`);
  }
  for (const w of doc.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}
