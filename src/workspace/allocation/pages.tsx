/**
 * @module The allocation workspace's pages: population figures (FOLK1A upload, a period's figures
 * and the form that corrects one), a meeting's items, and an item's allocations with the form
 * that creates one. Plain forms; every page works without JavaScript.
 */
import { ALLOCATION_KINDS } from '../../allocation/index.js';
import { AllocationView } from '../../allocation/view.js';
import type { StoredAllocation } from '../../db/allocations.js';
import type { PopulationFigure } from '../../db/population.js';
import { CSRF_FIELD } from '../../auth/csrf.js';
import { Alert } from '../../web/components/alert.js';
import { danishDate } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { itemUrl } from '../../web/urls.js';
import { allocationCsvUrl } from '../../allocation/web.js';
import { allocationItemUrl, allocationMeetingUrl, allocationsHomeUrl, populationPeriodUrl, populationUploadUrl } from './urls.js';
import type { FormFields } from './form.js';

const CRUMBS = [{ text: 'Forside', href: '/' }, { text: 'Arbejdsrum', href: '/arbejdsrum' }];

function Message(props: { error?: string; saved?: string }) {
  if (props.error) return <Alert variant="error" heading="Intet er gemt"><p>{props.error}</p></Alert>;
  if (props.saved) return <Alert variant="success" heading="Gemt"><p>{props.saved}</p></Alert>;
  return null;
}

export interface AllocationsHomeData {
  csrf: string;
  periods: Array<{ period: string; municipalities: number }>;
  meetings: Array<{ id: number; date: string | null; body: string }>;
  error?: string;
  saved?: string;
}

export function renderAllocationsHome(d: AllocationsHomeData): string {
  return renderPage(
    <Layout title="Fordelinger" breadcrumbs={[...CRUMBS, { text: 'Fordelinger' }]}>
      <h1>Fordelinger</h1>
      <p class="font-lead">Fordelingsnøgler på punkter: udgifter efter indbyggertal, ligelige andele, kvoter efter største brøkdel.</p>
      <Message error={d.error} saved={d.saved} />
      <h2>Folketal</h2>
      {d.periods.length === 0 ? (
        <p>Der er endnu ingen folketal. Indlæs en fil fra Danmarks Statistik (tabel FOLK1A).</p>
      ) : (
        <ul>
          {d.periods.map((p) => (
            <li><a href={populationPeriodUrl(p.period)}>{p.period}</a> ({p.municipalities} kommuner)</li>
          ))}
        </ul>
      )}
      <form method="post" action={populationUploadUrl()} enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={d.csrf} />
        <div class="form-group">
          <label class="form-label" for="folketal-fil">CSV-fil fra Statistikbanken (FOLK1A)</label>
          <span class="form-hint" id="folketal-fil-hint">Semikolonsepareret, med område (kommunekode eller navn), tid (fx 2024K1) og antal.</span>
          <input class="form-file-input" type="file" id="folketal-fil" name="fil" accept=".csv,text/csv" required aria-describedby="folketal-fil-hint" />
        </div>
        <div class="form-group">
          <label class="form-label" for="folketal-kilde">Kilde</label>
          <input class="form-input input-width-l" type="text" id="folketal-kilde" name="kilde" required maxlength={300} value="Danmarks Statistik, FOLK1A" />
        </div>
        <button class="button button-primary" type="submit">Indlæs folketal</button>
      </form>
      <h2 class="mt-7">Møder</h2>
      {d.meetings.length === 0 ? (
        <p>Der er ingen møder i de organisationer, du skriver for.</p>
      ) : (
        <ul>
          {d.meetings.map((m) => (
            <li><a href={allocationMeetingUrl(m.id)}>{m.body}, {danishDate(m.date)}</a></li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}

export function renderPopulationPeriod(d: { csrf: string; period: string; figures: PopulationFigure[]; municipalities: string[]; error?: string; saved?: string }): string {
  return renderPage(
    <Layout title={`Folketal ${d.period}`} breadcrumbs={[...CRUMBS, { text: 'Fordelinger', href: allocationsHomeUrl() }, { text: `Folketal ${d.period}` }]}>
      <h1>Folketal {d.period}</h1>
      <Message error={d.error} saved={d.saved} />
      <div class="table--responsive-scroll" tabindex={0} role="region" aria-label={`Folketal ${d.period}`}>
        <table class="table table--compact">
          <caption>Folketal pr. kommune, {d.period}</caption>
          <thead><tr><th scope="col">Kommune</th><th scope="col">Kode</th><th scope="col" class="text-align-right">Indbyggere</th><th scope="col">Kilde</th><th scope="col">Indtastet</th></tr></thead>
          <tbody>
            {d.figures.map((f) => (
              <tr><th scope="row">{f.municipality}</th><td>{f.code}</td><td class="text-align-right">{f.count.toLocaleString('da-DK')}</td><td>{f.source}</td><td>{f.enteredAt.slice(0, 10)} af {f.enteredBy}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="mt-7">Ret eller tilføj et folketal</h2>
      <form method="post" action={populationPeriodUrl(d.period)}>
        <input type="hidden" name={CSRF_FIELD} value={d.csrf} />
        <div class="form-group">
          <label class="form-label" for="ret-kommune">Kommune</label>
          <select class="form-select" id="ret-kommune" name="kommune" required>
            {d.municipalities.map((m) => <option value={m}>{m}</option>)}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="ret-antal">Indbyggere</label>
          <input class="form-input input-width-s" type="text" inputmode="numeric" id="ret-antal" name="antal" required maxlength={12} />
        </div>
        <div class="form-group">
          <label class="form-label" for="ret-kilde">Kilde</label>
          <input class="form-input input-width-l" type="text" id="ret-kilde" name="kilde" required maxlength={300} />
        </div>
        <button class="button button-primary" type="submit">Gem folketal</button>
      </form>
    </Layout>,
  );
}

export function renderAllocationMeeting(d: { meetingId: number; title: string; items: Array<{ number: string; title: string; allocations: number }> }): string {
  return renderPage(
    <Layout title={`Fordelinger – ${d.title}`} breadcrumbs={[...CRUMBS, { text: 'Fordelinger', href: allocationsHomeUrl() }, { text: d.title }]}>
      <h1>Fordelinger: {d.title}</h1>
      <ul>
        {d.items.map((i) => (
          <li>
            <a href={allocationItemUrl(d.meetingId, i.number)}>{i.number}. {i.title}</a>
            {i.allocations > 0 && <> ({i.allocations} {i.allocations === 1 ? 'fordeling' : 'fordelinger'})</>}
          </li>
        ))}
      </ul>
    </Layout>,
  );
}

export interface AllocationItemData {
  csrf: string;
  meetingId: number;
  meetingTitle: string;
  number: string;
  title: string;
  history: StoredAllocation[];
  periods: string[];
  period: string | null;
  population: PopulationFigure[];
  form: FormFields;
  error?: string;
  saved?: string;
}

const field = (f: FormFields, name: string, fallback = '') => {
  const v = f[name];
  return (Array.isArray(v) ? v[0] : v) ?? fallback;
};

function Input(props: { form: FormFields; name: string; label: string; hint?: string; fallback?: string; width?: string }) {
  const id = `f-${props.name}`;
  return (
    <div class="form-group">
      <label class="form-label" for={id}>{props.label}</label>
      {props.hint && <span class="form-hint" id={`${id}-hint`}>{props.hint}</span>}
      <input class={`form-input ${props.width ?? 'input-width-m'}`} type="text" id={id} name={props.name} value={field(props.form, props.name, props.fallback)} aria-describedby={props.hint ? `${id}-hint` : undefined} />
    </div>
  );
}

function Area(props: { form: FormFields; name: string; label: string; hint: string }) {
  const id = `f-${props.name}`;
  return (
    <div class="form-group">
      <label class="form-label" for={id}>{props.label}</label>
      <span class="form-hint" id={`${id}-hint`}>{props.hint}</span>
      <textarea class="form-input input-width-l" id={id} name={props.name} rows={3} aria-describedby={`${id}-hint`}>{field(props.form, props.name)}</textarea>
    </div>
  );
}

export function renderAllocationItem(d: AllocationItemData): string {
  const url = allocationItemUrl(d.meetingId, d.number);
  const current = latestBySlot(d.history);
  const chosen = new Set(Array.isArray(d.form.kommune) ? d.form.kommune : d.form.kommune ? [d.form.kommune] : d.population.map((p) => p.municipality));
  const kind = field(d.form, 'kind', 'mix');
  return renderPage(
    <Layout title={`Fordelinger – punkt ${d.number}`} breadcrumbs={[...CRUMBS, { text: 'Fordelinger', href: allocationsHomeUrl() }, { text: d.meetingTitle, href: allocationMeetingUrl(d.meetingId) }, { text: `Punkt ${d.number}` }]}>
      <h1>Fordelinger på punkt {d.number}. {d.title}</h1>
      <p><a href={itemUrl(d.meetingId, d.number)}>Se punktet i arkivet</a></p>
      <Message error={d.error} saved={d.saved} />
      {current.map((a) => (
        <>
          <AllocationView data={{ title: a.title, kind: a.kind, populationPeriod: a.populationPeriod, result: a.result, csvUrl: allocationCsvUrl(d.meetingId, d.number, a.slot), level: 2, id: `fordeling-${a.slot}` }} />
          <p>Version {a.version}, gemt {a.createdAt.slice(0, 16).replace('T', ' ')} af {a.createdBy}.</p>
        </>
      ))}
      <h2 class="mt-7">Ny fordeling</h2>
      {d.periods.length === 0 ? (
        <p>Indlæs først folketal på <a href={allocationsHomeUrl()}>Fordelinger</a>.</p>
      ) : (
        <>
          <form method="get" action={url} class="mb-5">
            <div class="form-group">
              <label class="form-label" for="f-periode">Folketal fra perioden</label>
              <select class="form-select" id="f-periode" name="periode">
                {d.periods.map((p) => <option value={p} selected={p === d.period}>{p}</option>)}
              </select>
            </div>
            <button class="button button-secondary" type="submit">Vis periodens kommuner</button>
          </form>
          <form method="post" action={url}>
            <input type="hidden" name={CSRF_FIELD} value={d.csrf} />
            <input type="hidden" name="periode" value={d.period ?? ''} />
            <Input form={d.form} name="title" label="Titel" width="input-width-xl" />
            <fieldset>
              <legend class="form-label">Fordelingsmodel</legend>
              {Object.entries(ALLOCATION_KINDS).map(([k, name]) => (
                <div class="form-group-radio">
                  <input type="radio" class="form-radio" id={`f-kind-${k}`} name="kind" value={k} checked={k === kind} />
                  <label for={`f-kind-${k}`}>{name}</label>
                </div>
              ))}
            </fieldset>
            <fieldset class="mt-5">
              <legend class="form-label">Kommuner (folketal {d.period})</legend>
              {d.population.map((p, i) => (
                <div class="form-group-checkbox">
                  <input type="checkbox" class="form-checkbox" id={`f-kommune-${i}`} name="kommune" value={p.municipality} checked={chosen.has(p.municipality)} />
                  <label for={`f-kommune-${i}`}>{p.municipality} ({p.count.toLocaleString('da-DK')})</label>
                </div>
              ))}
            </fieldset>
            <Input form={d.form} name="total" label="Samlet beløb (kr.) eller antal" hint="Kroner for beløb (fx 2.400.000), helt tal for kvoter." />
            <Input form={d.form} name="equalShare" label="Ligelig andel (%)" fallback="25" width="input-width-xs" />
            <Input form={d.form} name="populationShare" label="Andel efter indbyggertal (%)" fallback="75" width="input-width-xs" />
            <Input form={d.form} name="years" label="Antal år (lige store årlige beløb)" fallback="1" width="input-width-xs" />
            <Input form={d.form} name="rate" label="Beløb pr. indbygger (kr.)" hint="Kun for modellen beløb pr. indbygger, fx 122." width="input-width-s" />
            <Area form={d.form} name="fixed" label="Aftalte antal (kvoter)" hint="Én kommune pr. linje, fx »Odder: 25«. Resten fordeles blandt de øvrige." />
            <Area form={d.form} name="minimums" label="Minimum (kvoter)" hint="Én kommune pr. linje, fx »Samsø: 2«." />
            <Area form={d.form} name="historical" label="Historisk fordeling" hint="Én kommune pr. linje med dens tal i den tidligere fordeling; kommuner uden linje tæller 0." />
            <Input form={d.form} name="historicalWeight" label="Vægt på den historiske fordeling (%)" fallback="50" width="input-width-xs" />
            <Input form={d.form} name="demographyWeight" label="Vægt på indbyggertal (%)" fallback="50" width="input-width-xs" />
            <fieldset>
              <legend class="form-label">Enhed (historisk fordeling)</legend>
              <div class="form-group-radio"><input type="radio" class="form-radio" id="f-unit-ore" name="unit" value="øre" checked={field(d.form, 'unit', 'øre') === 'øre'} /><label for="f-unit-ore">Beløb (kr.)</label></div>
              <div class="form-group-radio"><input type="radio" class="form-radio" id="f-unit-antal" name="unit" value="antal" checked={field(d.form, 'unit') === 'antal'} /><label for="f-unit-antal">Antal</label></div>
            </fieldset>
            <button class="button button-primary mt-5" type="submit">Beregn og gem fordelingen</button>
          </form>
        </>
      )}
    </Layout>,
  );
}

/** The newest version of each slot that is not withdrawn. */
export function latestBySlot(history: StoredAllocation[]): StoredAllocation[] {
  const bySlot = new Map<number, StoredAllocation>();
  for (const a of history) if ((bySlot.get(a.slot)?.version ?? 0) < a.version) bySlot.set(a.slot, a);
  return [...bySlot.values()].filter((a) => !a.withdrawn).sort((a, b) => a.slot - b.slot);
}
