/**
 * @module The search page: the form and its tips, then one of four states — no query yet,
 * invalid input, no results, or a counted, paginated list of highlighted hits, led by the
 * people the query names and the cases its case number names.
 */
import type { BodySummary, PersonRef, SearchQuery, SearchResult } from '../../archive/types.js';
import { Pagination } from '../components/pagination.js';
import { SearchForm } from '../components/search-form.js';
import { SearchResultsList } from '../components/search-results.js';
import { danishDate, danishNumber } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { searchQueryParams } from '../search-params.js';
import { caseUrl, personUrl, searchFeedUrl, searchUrl } from '../urls.js';
import { Subscribe } from '../components/subscribe.js';

export interface SearchPageData {
  query: Partial<SearchQuery>;
  bodies: BodySummary[];
  /** Null when no search was run (empty query or invalid input). */
  result: SearchResult | null;
  /** A message for invalid input, shown instead of results. */
  error?: string;
}

/** What the search box understands, in short; open by default before a search. */
function Tips(props: { open: boolean }) {
  return (
    <details class="details search-tips" open={props.open}>
      <summary class="details-summary">
        <span class="details-summary-text">Søgetips</span>
      </summary>
      <div class="details-text">
        <ul>
          <li><strong>klimastrategi</strong> finder også bøjninger som »klimastrategien« og »klimastrategier«.</li>
          <li><strong>klima</strong> finder også sammensatte ord som »klimastrategi« (efter punkter med selve ordet); <strong>klima*</strong> finder alle ord, der begynder med »klima«.</li>
          <li><strong>"fælles servicecenter"</strong> i anførselstegn finder ordene lige efter hinanden; ord i anførselstegn er altid ord, også »eller« og »ikke«.</li>
          <li><strong>flygtninge eller integration</strong> (eller <strong>or</strong>) finder punkter med mindst ét af ordene.</li>
          <li><strong>dk2020 ikke klimakoordinator</strong> (eller <strong>-klimakoordinator</strong>) udelader punkter, der nævner ordet.</li>
          <li><strong>SAG-2020-01697</strong> finder sagens punkter, skrevet med eller uden bindestreger og store bogstaver.</li>
          <li>Et navn finder personen og de punkter, der nævner navnet. Feltet <strong>Person</strong> viser punkter fra møder, personen deltog i; <strong>Fra dato</strong> og <strong>Til dato</strong> afgrænser mødedatoen.</li>
        </ul>
      </div>
    </details>
  );
}

/** People the query names and cases its case numbers name: links above the items. */
function Matches(props: { people: PersonRef[]; cases: string[] }) {
  if (props.people.length === 0 && props.cases.length === 0) return null;
  return (
    <div class="search-matches">
      {props.cases.length > 0 && (
        <>
          <h2 class="h3">Sager</h2>
          <ul class="nobullet-list">
            {props.cases.map((c) => <li><a href={caseUrl(c)}>Sag {c}</a> – alle punkter på tværs af møder</li>)}
          </ul>
        </>
      )}
      {props.people.length > 0 && (
        <>
          <h2 class="h3">Personer</h2>
          <ul class="nobullet-list">
            {props.people.map((p) => <li><a href={personUrl(p)}>{p.name}</a> – deltagelse i møder og poster</li>)}
          </ul>
        </>
      )}
    </div>
  );
}

/** What was searched, in words: »klima« fra møder med Karen Testesen fra 1. marts 2024. */
function searchedFor(query: Partial<SearchQuery>, result: SearchResult): string {
  const parts = [
    query.q ? `»${query.q}«` : 'alle punkter',
    ...(result.personFilter && result.personFilter.length > 0 ? [`fra møder med ${result.personFilter.map((p) => p.name).join(' eller ')}`] : []),
    ...(query.from ? [`fra ${danishDate(query.from)}`] : []),
    ...(query.to ? [`til ${danishDate(query.to)}`] : []),
  ];
  return parts.join(' ');
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
  const matches = <Matches people={result.people ?? []} cases={result.cases ?? []} />;
  if (query.person && result.personFilter?.length === 0) {
    return <Alert variant="info" heading="Ukendt person" text={`Ingen person i arkivet hedder »${query.person}«. Tjek stavningen, eller find personen under Personer.`} />;
  }
  if (result.total === 0) {
    return (
      <>
        {matches}
        <Alert variant="info" heading="Ingen resultater" text={`Søgningen efter ${searchedFor(query, result)} gav ingen resultater. Prøv færre eller andre ord, eller fjern afgrænsningerne.`} />
      </>
    );
  }
  return (
    <section aria-labelledby="resultater-antal" class="search-results-section">
      {matches}
      <p id="resultater-antal" class="search-count">
        <strong>{result.totalIsEstimate ? 'ca. ' : ''}{danishNumber(result.total)}</strong> {result.total === 1 ? 'resultat' : 'resultater'} for {searchedFor(query, result)}
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
      feeds={q && data.result ? [{ title: `Søgning: ${q}`, href: searchFeedUrl(searchQueryParams(data.query)) }] : []}>
      <h1>Søg i dagsordener og referater</h1>
      <SearchForm query={data.query} bodies={data.bodies} />
      <Tips open={!data.result} />
      {q && data.result && <Subscribe feed={searchFeedUrl(searchQueryParams(data.query))} alert={{ kind: 'search', target: q }} />}
      <div class="search-outcome mt-7">
        {data.error && <Alert variant="error" heading="Søgningen kunne ikke udføres" text={data.error} />}
        {!data.error && data.result && <Results query={data.query} result={data.result} />}
      </div>
    </Layout>,
  );
}
