/**
 * @module The search page's form: query, filters (body, year, date range, person,
 * agenda/minutes, section type) and sort order. A plain GET form, so every search is a
 * shareable URL and needs no JavaScript (the date fields are the browser's own).
 */
import type { BodySummary, SearchQuery } from '../../archive/types.js';
import { DocumentKind, SectionType } from '../../model/index.js';
import { SECTION_TYPE_LABELS, kindPluralLabel } from '../format.js';

interface Option {
  value: string;
  text: string;
}

function Select(props: { id: string; name: string; label: string; options: Option[]; selected: string | undefined }) {
  return (
    <div class="form-group search-filter">
      <label class="form-label" for={props.id}>{props.label}</label>
      <select class="form-select" id={props.id} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.selected ?? '')}>{o.text}</option>
        ))}
      </select>
    </div>
  );
}

/** The search form, filled in with the current query (or with what the user typed, when invalid). */
export function SearchForm(props: { query: Partial<SearchQuery>; bodies: BodySummary[] }) {
  const q = props.query;
  return (
    <form action="/search" method="get" role="search" class="search-form" aria-label="Søg i arkivet">
      <div class="form-group">
        <label class="form-label" for="search-q">Søgeord</label>
        <span class="form-hint" id="search-q-hint">
          Ord bøjes automatisk. Brug "anførselstegn" om en frase, eller mellem alternativer og minus eller ikke foran et ord, der ikke må indgå. Et sagsnummer eller en persons navn kan også søges.
        </span>
        <div class="search">
          <input class="form-input" id="search-q" name="q" type="search" value={q.q ?? ''} aria-describedby="search-q-hint" />
          <button class="button button-search" type="submit">Søg</button>
        </div>
      </div>
      <fieldset class="search-filters">
        <legend class="h4">Afgræns og sortér</legend>
        <div class="search-filter-row">
          <Select
            id="search-body"
            name="body"
            label="Organ"
            selected={q.body}
            options={[{ value: '', text: 'Alle organer' }, ...props.bodies.map((b) => ({ value: b.slug, text: b.name }))]}
          />
          <div class="form-group search-filter">
            <label class="form-label" for="search-year">År</label>
            <input class="form-input input-width-xs" id="search-year" name="year" type="number" inputmode="numeric" min="1900" max="2100" value={q.year !== undefined ? String(q.year) : ''} />
          </div>
          <Select
            id="search-kind"
            name="kind"
            label="Dokumenttype"
            selected={q.kind}
            options={[{ value: '', text: 'Dagsordener og referater' }, ...DocumentKind.options.map((k) => ({ value: k, text: kindPluralLabel(k) }))]}
          />
          <Select
            id="search-section"
            name="section"
            label="Afsnit"
            selected={q.sectionType}
            options={[{ value: '', text: 'Alle afsnit' }, ...SectionType.options.map((t) => ({ value: t, text: SECTION_TYPE_LABELS[t] }))]}
          />
          <Select
            id="search-sort"
            name="sort"
            label="Sortering"
            selected={q.sort === 'relevance' ? '' : q.sort}
            options={[
              { value: '', text: 'Bedste match' },
              { value: 'newest', text: 'Nyeste først' },
              { value: 'oldest', text: 'Ældste først' },
            ]}
          />
        </div>
        <div class="search-filter-row">
          <div class="form-group search-filter">
            <label class="form-label" for="search-from">Fra dato</label>
            <input class="form-input input-width-s" id="search-from" name="from" type="date" value={q.from ?? ''} />
          </div>
          <div class="form-group search-filter">
            <label class="form-label" for="search-to">Til dato</label>
            <input class="form-input input-width-s" id="search-to" name="to" type="date" value={q.to ?? ''} />
          </div>
          <div class="form-group search-filter">
            <label class="form-label" for="search-person">Person</label>
            <span class="form-hint" id="search-person-hint">Punkter fra møder, personen deltog i</span>
            <input class="form-input input-width-l" id="search-person" name="person" type="text" autocomplete="off" value={q.person ?? ''} aria-describedby="search-person-hint" />
          </div>
        </div>
        <button class="button button-secondary" type="submit">Opdatér søgning</button>
      </fieldset>
    </form>
  );
}
