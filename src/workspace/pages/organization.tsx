/** @module An organisation in the workspace: its drafts, its meetings with their state, and what to do next with each. */
import { STATUS_LABELS, type MeetingStatus } from '../../model/index.js';
import { danishDate, danishDateTime } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { meetingUrl } from '../../web/urls.js';
import { agendaDraftUrl, minutesDraftUrl, newMeetingUrl, startMinutesUrl, templateUrl } from '../urls.js';
import { Csrf, crumbs } from './common.js';

export interface OrganizationPageData {
  organization: { slug: string; name: string };
  drafts: Array<{ id: number; kind: 'agenda' | 'minutes'; date: string | null; published: boolean; updatedAt: string; updatedBy: string }>;
  meetings: Array<{ id: number; date: string | null; status: MeetingStatus; hasAgenda: boolean; agendaDraftId: number | null; minutesDraftId: number | null }>;
}

const draftUrl = (d: { id: number; kind: 'agenda' | 'minutes' }) => (d.kind === 'agenda' ? agendaDraftUrl(d.id) : minutesDraftUrl(d.id));

export function renderOrganizationPage(data: OrganizationPageData): string {
  const { organization: org } = data;
  return renderPage(
    <Layout title={`${org.name} i arbejdsrummet`} breadcrumbs={crumbs({ text: org.name })}>
      <h1>{org.name}</h1>
      <p>
        <a class="button button-primary" href={newMeetingUrl(org.slug)}>Nyt møde</a>{' '}
        <a class="button button-secondary" href={templateUrl(org.slug)}>Dagsordensskabelon</a>
      </p>
      <h2>Kladder</h2>
      {data.drafts.length === 0 ? (
        <p>Ingen kladder.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr><th scope="col">Kladde</th><th scope="col">Møde</th><th scope="col">Senest redigeret</th><th scope="col">Af</th></tr>
          </thead>
          <tbody>
            {data.drafts.map((d) => (
              <tr>
                <td><a href={draftUrl(d)}>{d.kind === 'agenda' ? 'Dagsorden' : 'Referat'}</a>{d.published ? ' (offentliggjort)' : ''}</td>
                <td>{danishDate(d.date)}</td>
                <td>{danishDateTime(d.updatedAt)}</td>
                <td>{d.updatedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Møder</h2>
      {data.meetings.length === 0 ? (
        <p>Organisationen har ingen møder i arkivet endnu.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr><th scope="col">Dato</th><th scope="col">Status</th><th scope="col">Handlinger</th></tr>
          </thead>
          <tbody>
            {data.meetings.map((m) => (
              <tr>
                <td><a href={meetingUrl(m.id)}>{danishDate(m.date)}</a></td>
                <td>{STATUS_LABELS[m.status]}</td>
                <td>
                  <ul class="nobullet-list workspace-actions">
                    {m.agendaDraftId !== null && <li><a href={agendaDraftUrl(m.agendaDraftId)}>Rediger dagsorden</a></li>}
                    <li><a href={meetingUrl(m.id)}>Offentlig side</a></li>
                    {m.minutesDraftId !== null ? (
                      <li><a href={minutesDraftUrl(m.minutesDraftId)}>Fortsæt referatet</a></li>
                    ) : (
                      m.hasAgenda && (
                        <li>
                          <form method="post" action={startMinutesUrl(m.id)}>
                            <Csrf />
                            <button class="button button-tertiary" type="submit">Skriv referat</button>
                          </form>
                        </li>
                      )
                    )}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>,
  );
}
