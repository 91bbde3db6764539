/** @module dkfds pagination as plain links, so paging works without JavaScript. */
import { Icon } from './icon.js';

/** The page numbers to show: first, last, and a window around the current page; null marks a gap. */
export function pageWindow(current: number, total: number): Array<number | null> {
  if (total <= 7) return Array.from({ length: total }, (_, i) => i + 1);
  const pages = new Set([1, total, current - 1, current, current + 1]);
  if (current <= 4) [2, 3, 4, 5].forEach((p) => pages.add(p));
  if (current >= total - 3) [total - 4, total - 3, total - 2, total - 1].forEach((p) => pages.add(p));
  const sorted = [...pages].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** Pagination links; `hrefFor` builds the URL of a page; `label` names what is paged. Renders nothing for a single page. */
export function Pagination(props: { current: number; total: number; hrefFor: (page: number) => string; label?: string }) {
  const { current, total, hrefFor } = props;
  if (total <= 1) return null;
  return (
    <nav class="pagination" aria-label={props.label ?? 'Sider med søgeresultater'}>
      {current > 1 && (
        <a href={hrefFor(current - 1)} class="button button-arrow button-previous" rel="prev">
          <Icon name="chevron-left" />
          <span class="pagination-nav-link">Forrige<span class="sr-only"> side</span></span>
        </a>
      )}
      <span class="pagination-mobile">Side {current} af {total}</span>
      <ul class="pagination__items">
        {pageWindow(current, total).map((p) =>
          p === null ? (
            <li class="pagination-item pagination-overflow"><span aria-hidden="true">…</span></li>
          ) : (
            <li class="pagination-item pagination-number">
              {p === current ? (
                <a href={hrefFor(p)} class="button current-page" aria-current="page">
                  <span class="sr-only">Side </span>{p}
                </a>
              ) : (
                <a href={hrefFor(p)} class="button button-secondary">
                  <span class="sr-only">Side </span>{p}
                </a>
              )}
            </li>
          ),
        )}
      </ul>
      {current < total && (
        <a href={hrefFor(current + 1)} class="button button-arrow button-next" rel="next">
          <span class="pagination-nav-link">Næste<span class="sr-only"> side</span></span>
          <Icon name="chevron-right" />
        </a>
      )}
    </nav>
  );
}
