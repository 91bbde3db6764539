/** @module A new meeting's facts: the agenda draft is made from them and the organisation's template. */
import { Layout, renderPage } from '../../web/layout.js';
import { newMeetingUrl, organizationWorkspaceUrl } from '../urls.js';
import { Csrf, crumbs, Message, type Notice } from './common.js';

export interface FactsValues {
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  online: boolean;
  title: string;
}

export const EMPTY_FACTS: FactsValues = { date: '', startTime: '', endTime: '', location: '', online: false, title: '' };

/** The meeting's facts as form fields (the new-meeting form and the builder's). */
export function FactsFields(props: { values: FactsValues }) {
  const v = props.values;
  return (
    <>
      <div class="form-group">
        <label class="form-label" for="dato">Dato</label>
        <input class="form-input input-width-s" type="date" id="dato" name="dato" value={v.date} required />
      </div>
      <div class="form-group">
        <label class="form-label" for="start">Starttidspunkt</label>
        <input class="form-input input-width-xs" type="time" id="start" name="start" value={v.startTime} />
      </div>
      <div class="form-group">
        <label class="form-label" for="slut">Sluttidspunkt</label>
        <input class="form-input input-width-xs" type="time" id="slut" name="slut" value={v.endTime} />
      </div>
      <div class="form-group">
        <label class="form-label" for="sted">Sted</label>
        <input class="form-input" type="text" id="sted" name="sted" value={v.location} />
      </div>
      <div class="form-group-checkbox">
        <input class="form-checkbox" type="checkbox" id="online" name="online" value="1" checked={v.online} />
        <label for="online">Mødet holdes online</label>
      </div>
      <div class="form-group">
        <label class="form-label" for="titel">Mødets titel</label>
        <span class="form-hint" id="titel-hint">Tom: »Dagsorden for møde i … den …«.</span>
        <input class="form-input" type="text" id="titel" name="titel" value={v.title} aria-describedby="titel-hint" />
      </div>
    </>
  );
}

export function renderNewMeetingPage(data: Notice & { organization: { slug: string; name: string }; values: FactsValues }): string {
  const org = data.organization;
  return renderPage(
    <Layout title={`Nyt møde i ${org.name}`} breadcrumbs={crumbs({ text: org.name, href: organizationWorkspaceUrl(org.slug) }, { text: 'Nyt møde' })}>
      <h1>Nyt møde i {org.name}</h1>
      <Message error={data.error} />
      <p>Dagsordenen laves ud fra organisationens skabelon, med godkendelse af referatet fra det seneste møde og de punkter, der blev varslet dér.</p>
      <form method="post" action={newMeetingUrl(org.slug)}>
        <Csrf />
        <FactsFields values={data.values} />
        <button class="button button-primary mt-5" type="submit">Opret dagsorden</button>
      </form>
    </Layout>,
  );
}
