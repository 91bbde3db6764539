/**
 * @module The search page: the form, then one of four states — no query yet, invalid input,
 * no results, or a counted, paginated list of highlighted hits.
 */
import type { BodySummary, SearchQuery, SearchResult } from '../../archive/types.js';
import { Pagination } from '../components/pagination.js';
import { SearchForm } from '../components/search-form.js';
import { SearchResultsList } from '../components/search-results.js';
import { danishNumber } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { searchQueryParams } from '../search-params.js';
import { searchUrl, feedUrl } from '../urls.js';
import { Subscribe } from '../components/subscribe.js';

export interface SearchPageData {
  query: Partial<SearchQuery>;
  bodies: BodySummary[];
  /** Null when no search was run (empty query or invalid input). */
  result: SearchResult | null;
  /** A message for invalid input, shown instead of results. */
  error?: string;
}

function Tips() {
  return (
    <div class="search-tips">
      <h2 class="h3">Sådan søger du</h2>
      <ul>
        <li><strong>klimastrategi</strong> finder også bøjninger som »klimastrategien« og »klimastrategier«.</li>
        <li><strong>"fælles servicecenter"</strong> i anførselstegn finder ordene lige efter hinanden.</li>
        <li><strong>dk2020 -klimakoordinator</strong> udelader resultater, der nævner ordet efter minus.</li>
        <li><strong>flygtninge or integration</strong> finder resultater med mindst ét af ordene.</li>
      </ul>
    </div>
  );
}

function Alert(props: { variant: 'info' | 'error'; heading: string; text: string }) {
  return (
    <div class={`alert alert-${props.variant}`} role={props.variant === 'error' ? 'alert' : undefined}>
      <div class="alert-body">
        <h2 class="alert-heading h3">{props.heading}</h2>
        <p class="alert-text">{props.text}</p>
      </div>
    </div>
  );
}

function Results(props: { query: Partial<SearchQuery>; result: SearchResult }) {
  const { query, result } = props;
  const totalPages = Math.max(1, Math.ceil(result.total / result.limit));
  const start = (result.page - 1) * result.limit + 1;
  if (result.total === 0) {
    return (
      <>
        <Alert variant="info" heading="Ingen resultater" text={`Søgningen efter »${query.q}« gav ingen resultater. Prøv færre eller andre ord, eller fjern afgrænsningerne.`} />
        <Tips />
      </>
    );
  }
  return (
    <section aria-labelledby="resultater-antal" class="search-results-section">
      <p id="resultater-antal" class="search-count">
        <strong>{result.totalIsEstimate ? 'ca. ' : ''}{danishNumber(result.total)}</strong> {result.total === 1 ? 'resultat' : 'resultater'} for »{query.q}«
        {totalPages > 1 && <> · side {result.page} af {totalPages}</>}
      </p>
      {result.results.length === 0 ? (
        <p>Der er ikke flere resultater. <a href={searchUrl({ ...searchQueryParams(query), page: undefined })}>Gå til første side</a>.</p>
      ) : (
        <SearchResultsList hits={result.results} start={start} />
      )}
      <Pagination
        current={result.page}
        total={totalPages}
        hrefFor={(page) => searchUrl({ ...searchQueryParams(query), page: page > 1 ? page : undefined })}
      />
    </section>
  );
}

/** The search page as an HTML document. */
export function renderSearchPage(data: SearchPageData): string {
  const q = data.query.q ?? '';
  const title = q && data.result ? `Søgning: ${q}` : 'Søg i dagsordener og referater';
  return renderPage(
    <Layout title={title} nav="search" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Søg' }]}
      feeds={q && data.result ? [{ title: `Søgning: ${q}`, href: feedUrl({ q }) }] : []}>
      <h1>Søg i dagsordener og referater</h1>
      <SearchForm query={data.query} bodies={data.bodies} />
      {q && data.result && <Subscribe feed={feedUrl({ q })} alert={{ kind: 'search', target: q }} />}
      <div class="search-outcome mt-7">
        {data.error && <Alert variant="error" heading="Søgningen kunne ikke udføres" text={data.error} />}
        {!data.error && !data.result && <Tips />}
        {!data.error && data.result && <Results query={data.query} result={data.result} />}
      </div>
    </Layout>,
  );
}
