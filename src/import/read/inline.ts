/**
 * @module Inline Markdown/HTML markup in exported text: bold, italic, links, sub/superscript.
 * Turns one source line into visible text plus its links and whole-line style.
 */
import type { Link } from '../../model/index.js';

export interface InlineText {
  text: string;
  bold: boolean;
  italic: boolean;
  links: Link[];
}

const URL_RE = /^(https?:\/\/|www\.)\S+$/i;
/** Characters that can start inline markup: emphasis, tags, links, escapes, entities. */
const MARKUP = /[*_<[\\&]/;

/** True when the whole (trimmed) string is a web address. */
export function isUrl(text: string): boolean {
  return URL_RE.test(text.trim());
}

/** Strips inline markup from a line, keeping its visible text, links and whole-line bold/italic. */
export function parseInline(source: string): InlineText {
  // Most lines carry no markup at all: skip the markup passes for them.
  if (!MARKUP.test(source)) return { text: collapseSpaces(source), bold: false, italic: false, links: [] };
  const links: Link[] = [];
  let s = source;
  // Links first, so their brackets are not taken for other markup. The link text holds no "[":
  // from each "[" the scan stops at the next one, so a line of a million "[" stays linear.
  s = s.replace(/\[([^\][]*)\]\(([^)\s]*)\)/g, (_m, text: string, url: string) => {
    links.push({ text: unescape(text), url: url === '' || url === '#' ? null : url });
    return text;
  });
  s = s.replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, (_m, url: string) => {
    links.push({ text: url, url });
    return url;
  });
  s = s.replace(/<\/?(sub|sup|u|span|small)>/gi, '');
  // A tag's span stops at the next tag of its kind, not the line's end: linear on "<b><b><b>…".
  const bold = coversWholeLine(s, /\*\*([^*]+?)\*\*|__([^_]+?)__|<b>([^<]*(?:<(?!\/?b>)[^<]*)*)<\/b>|<strong>([^<]*(?:<(?!\/?strong>)[^<]*)*)<\/strong>/gi);
  s = s.replace(/\*\*([^*]+?)\*\*|__([^_]+?)__/g, '$1$2').replace(/<\/?(b|strong)>/gi, '');
  const italic = coversWholeLine(s, /(?<![\w*])\*([^*\s][^*]*?)\*(?!\w)|<i>([^<]*(?:<(?!\/?i>)[^<]*)*)<\/i>|<em>([^<]*(?:<(?!\/?em>)[^<]*)*)<\/em>/gi);
  s = s.replace(/(?<![\w*])\*([^*\s][^*]*?)\*(?!\w)/g, '$1').replace(/<\/?(i|em)>/gi, '');
  s = collapseSpaces(unescape(s));
  return { text: s, bold: bold && s !== '', italic: italic && s !== '', links };
}

/** Whether the spans matched by `pattern` hold every visible character of the line. */
function coversWholeLine(s: string, pattern: RegExp): boolean {
  const rest = s.replace(pattern, '');
  return rest.replace(/[\s*_]/g, '') === '' && rest.length < s.length;
}

/** Whitespace runs as one space, trimmed; the regex only runs when there is something to collapse. */
function collapseSpaces(s: string): string {
  const t = s.trim();
  return t.includes('  ') || OTHER_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

const OTHER_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function unescape(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ');
}
