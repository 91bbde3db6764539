/**
 * @module Markup for fuzzing: web pages and case-system XML cut at their tags and mutated (tags
 * dropped, repeated, moved, left open; deep nesting; ragged tables; entities, a billion-laughs
 * DTD among them; huge attributes; CDATA holding broken HTML), and well-formed random trees
 * built from the element names the real formats use.
 */
import { anyString, MAX_CHARS, mutateLines, type Recipe } from './mutate.js';
import type { Rng } from './rng.js';

const HTML_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'br', 'hr', 'details', 'summary', 'button', 'section', 'article', 'main', 'nav', 'header', 'footer', 'font', 'sup', 'sub', 'pre', 'blockquote', 'dl', 'dt', 'dd', 'caption', 'img', 'script', 'style', 'noscript', 'iframe', 'svg', 'math', 'template', 'textarea', 'title'];

const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&aelig;', '&oslash;', '&aring;', '&#0;', '&#12;', '&#xC;', '&#x0;', '&#xD800;', '&#xDFFF;', '&#x110000;', '&#99999999999;', '&#x;', '&#;', '&', '&lol9;', '&unknown;', '&#x1F600;', '&#65', '&amp', '&ndash;'];

/** A DTD that would expand to gigabytes if entities were expanded: it must be refused or left alone. */
export function billionLaughs(rng: Rng): string {
  const levels = rng.int(3, 12);
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= levels; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  if (rng.chance(0.3)) dtd += '<!ENTITY ext SYSTEM "file:///etc/passwd">';
  return `<!DOCTYPE root [${dtd}]>`;
}

/** Markup cut into tags and the text between them. */
export function tokens(markup: string): string[] {
  return markup.match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g) ?? [];
}

function attribute(rng: Rng): string {
  const name = rng.pick(['href', 'class', 'id', 'colspan', 'rowspan', 'style', 'xmlns', 'xmlns:x', 'encoding', 'ID', 'type', 'lang']);
  const value = rng.chance(0.05) ? 'x'.repeat(rng.size(1_000_000)) : rng.pick(['1', '0', '-1', '99999', '1e309', 'javascript:alert(1)', '"', "'", '&amp;', '', anyString(rng, 20)]);
  return ` ${name}="${value.replace(/"/g, '&quot;')}"`;
}

/** Structure-aware mutations of markup at its tags, then as lines. */
export function mutateMarkup(rng: Rng, markup: string, names: readonly string[], recipe: Recipe): string {
  let toks = tokens(markup);
  const times = rng.int(1, 6);
  for (let t = 0; t < times; t++) {
    const before = toks.slice();
    const i = toks.length === 0 ? 0 : rng.int(0, toks.length - 1);
    const tok = toks[i] ?? '';
    const op = rng.int(0, 13);
    recipe.push(`markup-op ${op} at ${i}`);
    const name = rng.pick(names);
    switch (op) {
      case 0: toks.splice(i, rng.int(1, 10)); break;
      case 1: toks.splice(i, 0, ...Array<string>(rng.int(1, rng.chance(0.1) ? 3000 : 5)).fill(tok)); break;
      case 2: { const j = rng.int(0, Math.max(0, toks.length - 1)); [toks[i], toks[j]] = [toks[j] ?? '', tok]; break; }
      case 3: {
        // Deep nesting, past the readers' limit or just under it.
        const depth = rng.pick([50, 399, 401, rng.size(5000)]);
        toks.splice(i, 0, `<${name}>`.repeat(depth), rng.pick(['x', '', tok]), rng.chance(0.7) ? `</${name}>`.repeat(depth) : '');
        break;
      }
      case 4: {
        // A ragged table.
        const rows = Array.from({ length: rng.int(0, 30) }, () => `<tr>${Array.from({ length: rng.int(0, 20) }, () => `<td${rng.chance(0.2) ? attribute(rng) : ''}>${rng.chance(0.5) ? tok.replace(/<[^>]*>/g, '') : ''}${rng.chance(0.3) ? '</td>' : ''}`).join('')}${rng.chance(0.5) ? '</tr>' : ''}`);
        toks.splice(i, 0, `<table>${rows.join('')}${rng.chance(0.5) ? '</table>' : ''}`);
        break;
      }
      case 5: toks.splice(i, 0, rng.pick(ENTITIES).repeat(rng.int(1, rng.chance(0.1) ? 10_000 : 5))); break;
      case 6: toks[i] = tok.replace(/^<([\w:.-]+)/, (_, n) => `<${n}${Array.from({ length: rng.int(1, rng.chance(0.1) ? 500 : 3) }, () => attribute(rng)).join('')}`); break;
      case 7: toks.splice(i, 0, `<![CDATA[${rng.pick(['<p>', '<table><tr><td>', '</div>', ']]>', '<h2>1. Punkt</h2>', '<![CDATA[', anyString(rng, 50)])}${rng.chance(0.8) ? ']]>' : ''}`); break;
      case 8: toks.splice(i, 0, rng.pick(['<!--', '<!-- x -->', '<script>', '<style>', '<?xml version="1.0"?>', '<!DOCTYPE html>', '</', '<', '>', '<![CDATA[', '<?php', '<a href=', '<x:y:z>', '<:>', '<1>'])); break;
      case 9: toks[i] = tok.replace(/<\/?[\w:.-]+/, (m) => m.replace(/[\w:.-]+$/, rng.pick(names))); break;
      case 10: toks.splice(i, 0, billionLaughs(rng)); break;
      case 11: toks.splice(i, 0, `<${name}>${anyString(rng, 200)}</${name}>`); break;
      case 12: toks = mutateLines(rng, toks, [toks], recipe); break;
      default: toks.splice(i, 0, `<${name}${attribute(rng)}/>`);
    }
    // An op that grows the input past the cap is undone.
    if (toks.reduce((n, x) => n + x.length, 0) > MAX_CHARS) {
      toks = before;
      recipe.push('undone: too large');
    }
  }
  return toks.join('');
}

/** A well-formed random tree of the given element names, with text, attributes and entities. */
export function randomTree(rng: Rng, names: readonly string[], depth: number, budget: { nodes: number }): string {
  const name = rng.pick(names);
  if (depth <= 0 || budget.nodes <= 0) return `<${name}>${escapeText(rng)}</${name}>`;
  budget.nodes--;
  const children = Array.from({ length: rng.int(0, 6) }, () => (rng.chance(0.35) ? escapeText(rng) : randomTree(rng, names, depth - 1, budget)));
  const attrs = rng.chance(0.2) ? attribute(rng) : '';
  return `<${name}${attrs}>${children.join('')}</${name}>`;
}

function escapeText(rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0: return rng.pick(ENTITIES);
    case 1: return `<![CDATA[<p>${rng.int(0, 20)}. Punkt</p>${anyString(rng, 30).replace(/]]>/g, '')}]]>`;
    case 2: return rng.pick(['true', 'false', '0', '1', '-1', '2020-13-45T25:61:00', '31-02-2020 10:00:00', '2021-06-17T17:00:00', '', ' ', 'Åben', 'Lukket', 'Fortrolig']);
    default: return anyString(rng, 30).replace(/[<&]/g, ' ');
  }
}

/** HTML element names, for random pages. */
export const htmlTags = HTML_TAGS;

/** Every element name the XML seeds use (with and without namespace prefixes). */
export function elementNames(xml: readonly string[]): string[] {
  const names = new Set<string>();
  for (const x of xml) for (const m of x.matchAll(/<([A-Za-z_][\w:.-]*)/g)) names.add(m[1]!);
  return [...names].sort();
}
