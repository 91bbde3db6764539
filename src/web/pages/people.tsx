/**
 * @module The people index: everyone the participant lists name, grouped by body, with a plain
 * GET filter on name and body (works without JavaScript; every filter is a shareable URL).
 */
import type { BodySummary, PeopleFilter, PeopleGroup, PersonListing } from '../../archive/types.js';
import { BodySelect } from '../components/body-select.js';
import { danishDate, danishNumber } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { peopleUrl, personUrl } from '../urls.js';

export interface PeoplePageData {
  filter: PeopleFilter;
  bodies: BodySummary[];
  groups: PeopleGroup[];
}

function dash(value: string | null): string {
  return value && value.trim() ? value : '–';
}

function FilterForm(props: { filter: PeopleFilter; bodies: BodySummary[] }) {
  const { filter, bodies } = props;
  return (
    <form action="/people" method="get" class="people-filter" aria-label="Find personer">
      <div class="search-filter-row">
        <div class="form-group">
          <label class="form-label" for="people-q">Navn</label>
          <input class="form-input" id="people-q" name="q" type="search" value={filter.q ?? ''} />
        </div>
        <BodySelect id="people-body" bodies={bodies} selected={filter.body} />
      </div>
      <button class="button button-primary mt-5" type="submit">Vis personer</button>
    </form>
  );
}

function PeopleTable(props: { caption: string; people: PersonListing[] }) {
  const hasParty = props.people.some((p) => p.party);
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--zebra table--compact people-table">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            {hasParty && <th scope="col">Parti</th>}
            <th scope="col">Kommune</th>
            <th scope="col" class="align-text-right">Møder</th>
            <th scope="col">Seneste møde</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <td><a href={personUrl(p)}>{p.name}</a></td>
              {hasParty && <td>{dash(p.party)}</td>}
              <td>{dash(p.municipality)}</td>
              <td class="align-text-right">{p.meetingCount}</td>
              <td>{danishDate(p.lastDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "12 personer" / "1 person". */
function peopleCount(n: number): string {
  return n === 1 ? '1 person' : `${danishNumber(n)} personer`;
}

/** The people index as an HTML document. */
export function renderPeoplePage(data: PeoplePageData): string {
  const { filter, groups } = data;
  const filtered = Boolean(filter.q || filter.body);
  const total = new Set(groups.flatMap((g) => g.people.map((p) => p.id))).size;
  return renderPage(
    <Layout title={filter.q ? `Personer: ${filter.q}` : 'Personer'} nav="people" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Personer' }]}>
      <h1>Personer</h1>
      <p class="font-lead">
        Politikere, direktører og andre, som dagsordenernes og referaternes deltagerlister nævner: medlemmer til stede,
        afbud, stedfortrædere og øvrige deltagere.
      </p>
      <FilterForm filter={filter} bodies={data.bodies} />
      <div class="mt-7">
        {filtered && (
          <p class="people-count">
            <strong>{peopleCount(total)}</strong>
            {filter.q ? <> matcher »{filter.q}«</> : null}
            {' · '}<a href={peopleUrl()}>Vis alle personer</a>
          </p>
        )}
        {groups.length === 0 && <p>{filtered ? 'Ingen personer matcher afgrænsningen.' : 'Der er endnu ingen deltagerlister i arkivet.'}</p>}
        {groups.map((g, i) => {
          const name = g.body?.name ?? 'Ukendt organ';
          const id = `organ-${i + 1}`;
          return (
            <section aria-labelledby={id} class="mt-7">
              <h2 id={id}>{name} <span class="people-group-count">({peopleCount(g.people.length)})</span></h2>
              <PeopleTable caption={`Personer i ${name}`} people={g.people} />
            </section>
          );
        })}
      </div>
    </Layout>,
  );
}
