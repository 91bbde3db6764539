/**
 * The "no word lost or duplicated" check: the letters and digits of a document's body (from the
 * first item heading on) must equal, in order, those of the model's items rendered in order.
 */
import { blockText, type MeetingDocument } from '../src/model/index.js';

/** Letters and digits only, lower-cased: markup, punctuation, hyphens and spacing drop out. */
export const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The body of the source: from the line holding the first item heading, after the contents. */
export function sourceBody(source: string, doc: MeetingDocument): string {
  const raw = source.replace(/\r\n?/g, '\n').split('\n');
  const first = doc.items[0]!;
  const key = letters(`${first.number}${first.title}`).slice(0, 25);
  const isContentsLine = (l: string) => /\t\s*\d+\s*(<\/b>)?\s*$|\.{3,}|^Punkt\tIndhold/.test(l) || /^\d+\t/.test(l);
  let start = raw.findIndex((line, i) => letters(line).startsWith(key) && !isContentsLine(line) && !raw.slice(i + 1, i + 4).some(isContentsLine));
  if (start < 0) start = 0;
  // In PDF-extracted text a URL-only line printed tight against the next line is a link annotation.
  const body = raw.slice(start).filter((line, i, all) => !(/^(https?:\/\/)\S+$/.test(line) && all[i + 1] !== '' && i + 1 < all.length));
  return body.join('\n').replace(/<\/?(b|i|em|strong|sub|sup)>/gi, ' ');
}

/** The model's items rendered in document order: number, title, presenters, case line, sections. */
export function modelBody(doc: MeetingDocument): string {
  return doc.items
    .map((item) => {
      const sections = item.sections.map((s) => [s.heading ?? '', ...s.blocks.map(blockText)].join('\n'));
      // A case slot read where it stands ("Sagsnr.: ¦ 12/27845") is in the text already; only a
      // case line taken out of the text is rendered in the head.
      const inText = item.caseNumber !== null && letters(sections.join('\n')).includes(letters(item.caseNumber));
      const head = [item.number, item.title, item.presenters.length ? `v ${item.presenters.join(' og ')}` : '', inText ? '' : (item.caseNumber ?? ''), inText ? '' : item.caseOfficers.join('/')];
      return [...head, ...sections].join('\n');
    })
    .join('\n');
}

/** Where two letter sequences part, shown with context; "identical" when they do not. */
export function firstDifference(source: string, model: string): string {
  let i = 0;
  while (i < source.length && source[i] === model[i]) i++;
  if (i === source.length && i === model.length) return 'identical';
  return `differs at ${i}: source …${source.slice(Math.max(0, i - 50), i + 50)}… model …${model.slice(Math.max(0, i - 50), i + 50)}…`;
}
