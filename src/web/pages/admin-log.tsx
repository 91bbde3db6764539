/** @module The audit log for admins: who did what, and when (newest first). */
import type { AuditEntry } from '../../db/audit.js';
import { Layout, renderPage } from '../layout.js';

const ACTIONS: Record<string, string> = {
  'user.create': 'oprettede bruger',
  'user.roles': 'ændrede roller',
  'user.deactivate': 'deaktiverede bruger',
  'user.activate': 'aktiverede bruger',
  'session.login': 'loggede ind',
  'session.logout': 'loggede ud',
};

const when = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'medium' });

export function renderAuditPage(entries: AuditEntry[]): string {
  return renderPage(
    <Layout title="Log over ændringer" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Brugere', href: '/admin/brugere' }, { text: 'Log' }]}>
      <h1>Log over ændringer</h1>
      <p>De seneste {entries.length} hændelser, nyeste først.</p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Hvem</th>
            <th scope="col">Hvad</th>
            <th scope="col">Hvad blev ændret</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>
                <time datetime={new Date(e.at).toISOString()}>{when.format(new Date(e.at))}</time>
              </td>
              <td>{e.actor === 'cli' ? 'kommandolinjen' : e.actor}</td>
              <td>{ACTIONS[e.action] ?? e.action}</td>
              <td>
                {e.target}
                {e.detail !== null && e.detail !== undefined && <code class="audit-detail"> {JSON.stringify(e.detail)}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
}
