/**
 * @module Search hits: the title leads into the full document at the item (context matters when
 * reading minutes); a second link leads to the item's own page (the archive's `url`).
 */
import { raw } from 'hono/html';
import type { SearchHit } from '../../archive/types.js';
import { danishDate, kindLabel } from '../format.js';
import { itemAnchorUrl } from '../urls.js';

/**
 * The archive promises snippets that are escaped text with <mark> around matches. We still let
 * nothing but bare <mark> and </mark> through, so a storage bug can never become markup on a page.
 */
export function safeSnippet(snippet: string): string {
  return snippet.replace(/<(?!\/?mark>)/gi, '&lt;');
}

/** One hit; `level` is the heading level of its title. */
export function SearchHitView(props: { hit: SearchHit; level: 2 | 3 }) {
  const { hit } = props;
  const Title = props.level === 2 ? 'h2' : 'h3';
  return (
    <li class="search-hit">
      <Title class="h3 search-hit-title">
        <a href={itemAnchorUrl(hit.meetingId, hit.itemNumber)}>
          <span class="search-hit-number">{hit.itemNumber}.</span> {hit.title}
        </a>
      </Title>
      <p class="search-hit-meta">
        <span class={hit.kind === 'minutes' ? 'badge badge-success kind-badge' : 'badge badge-info kind-badge'}>{kindLabel(hit.kind)}</span>
        {' '}{hit.body ?? 'Ukendt organ'} · {danishDate(hit.meetingDate)} ·{' '}
        <a href={hit.url} class="search-hit-item-link">punkt {hit.itemNumber} for sig<span class="sr-only">: {hit.title}</span></a>
      </p>
      {hit.snippet && <p class="search-hit-snippet">{raw(safeSnippet(hit.snippet))}</p>}
    </li>
  );
}

/** The list of hits, numbered from `start` (so page 2 continues at 21). */
export function SearchResultsList(props: { hits: SearchHit[]; start: number }) {
  return (
    <ol class="search-results nobullet-list" start={props.start}>
      {props.hits.map((hit) => <SearchHitView hit={hit} level={2} />)}
    </ol>
  );
}
