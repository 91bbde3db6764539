/** @module /arbejdsrum: the organisations the signed-in secretary writes for, and what each part of the workspace offers. */
import { Layout, renderPage } from '../../web/layout.js';

export interface WorkspaceHomeData {
  organizations: Array<{ id: number; slug: string; name: string }>;
}

export function renderWorkspaceHome(data: WorkspaceHomeData): string {
  return renderPage(
    <Layout title="Arbejdsrum" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Arbejdsrum' }]}>
      <h1>Arbejdsrum</h1>
      <p class="font-lead">Her skriver sekretariatet dagsordener og referater, retter indlæste dokumenter og offentliggør møder.</p>
      <h2>Organisationer</h2>
      {data.organizations.length === 0 ? (
        <p>Du er ikke sekretær for nogen organisation.</p>
      ) : (
        <ul class="nobullet-list">
          {data.organizations.map((o) => (
            <li>
              <a href={`/arbejdsrum/organisationer/${o.slug}`}>{o.name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}
