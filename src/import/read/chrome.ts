/**
 * @module Publishing-site chrome told by its words (src/import/lexicon/chrome.json): the fold-out
 * and download controls, skip links and cookie sentences council web pages put around a document.
 */
import { CHROME } from '../lexicon/index.js';

/** One class/id/aria-label word list as a single test; the words are plain text, escaped. */
const NAMES = new RegExp(CHROME.classNames.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu');

/** A text as the chrome list writes it: lower-case, whitespace collapsed, a final "." or ":" dropped. */
function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[.:]$/, '');
}

/**
 * Whether a whole text is chrome. `inControl`: it stands alone in a link, button or summary, or
 * is a whole line, where the one-word controls ("Print", "Del") are meant too.
 */
export function isChromeText(text: string, inControl: boolean): boolean {
  // Chrome phrases are short; a long text is never one (and is not run through the patterns).
  if (text.length > 120) return false;
  const t = normal(text);
  if (t === '') return false;
  const scope = CHROME.texts.get(t);
  if (scope === 'anywhere' || (scope === 'control' && inControl)) return true;
  return CHROME.patterns.some((p) => p.test(t));
}

/** Whether a whole line is a viewer's label over a page-per-line transcript of a PDF ("Transkript"). */
export function isTranscriptLabel(text: string): boolean {
  return text.length <= 40 && CHROME.transcriptLabels.has(normal(text));
}

/** Whether an element's id, class or aria-label names it as chrome (breadcrumbs, cookie banners, skip links). */
export function isChromeName(id: string, className: string, label: string): boolean {
  const names = `${id} ${className} ${label}`;
  return names.trim() !== '' && NAMES.test(names);
}

/** The several-word control labels that may stand before a heading on its line, longest first. */
const PREFIXES = [...CHROME.texts].filter(([t, scope]) => scope === 'anywhere' && t.includes(' ')).map(([t]) => t).sort((a, b) => b.length - a.length);

/**
 * A line with a control's label run into the heading after it, as a page's text copy keeps it
 * ("fold dette punkt ind Beslutning i Socialudvalget den 25-08-2011"): the line without the label.
 * Only a label of several words, followed by a capitalised word, is taken off.
 */
export function withoutChromePrefix(text: string): string {
  const start = text.length - text.trimStart().length;
  const lower = text.slice(start).toLowerCase();
  for (const phrase of PREFIXES) {
    if (!lower.startsWith(`${phrase} `)) continue;
    const rest = text.slice(start + phrase.length).trimStart();
    if (/^\p{Lu}/u.test(rest)) return text.slice(0, start) + rest;
  }
  return text;
}

/**
 * A heading with a fold-out control's label run onto its end, as a page's text copy keeps it
 * ("Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden"):
 * the heading without the label. Only a label of several words is taken off, and only where
 * nothing follows it or what follows ends by naming the heading again, as such a control names
 * its item; otherwise the text is kept.
 */
export function withoutChromeSuffix(text: string): string {
  if (text.length > 400) return text;
  const lower = text.toLowerCase();
  for (const phrase of PREFIXES) {
    const at = lower.indexOf(phrase, 1);
    if (at < 0) continue;
    // The label starts a word: after a space, or run on with its capital ("dagsordenKlik").
    if (text[at - 1] !== ' ' && !/\p{Lu}/u.test(text[at]!)) continue;
    const head = text.slice(0, at).trimEnd();
    const rest = text.slice(at + phrase.length).trim().toLowerCase();
    // The heading without its number ("1. "), as the control names it.
    const named = head.replace(/^\d{1,4}[.)]?\s+/u, '').toLowerCase();
    if (named.length < 3 || !/\p{L}/u.test(named)) continue;
    if (rest === '' || rest.endsWith(named)) return head;
  }
  return text;
}
