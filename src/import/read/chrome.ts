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

/** Whether an element's id, class or aria-label names it as chrome (breadcrumbs, cookie banners, skip links). */
export function isChromeName(id: string, className: string, label: string): boolean {
  const names = `${id} ${className} ${label}`;
  return names.trim() !== '' && NAMES.test(names);
}
