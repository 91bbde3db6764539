/** @module /arbejdsrum: the organisations the signed-in secretary writes for, and what each part of the workspace offers. */
import { Layout, renderPage } from '../../web/layout.js';
import { importUrl, organizationWorkspaceUrl } from '../urls.js';

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
              <a href={organizationWorkspaceUrl(o.slug)}>{o.name}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>Andet arbejde</h2>
      <ul class="nobullet-list">
        <li>
          <a href={importUrl()}>Indlæs et dokument</a> — en PDF, et Word-dokument, en webside eller en eksport fra sagssystemet, med forhåndsvisning og
          rettelser, der holder ved genindlæsning.
        </li>
        <li>
          <a href="/arbejdsrum/personer">Personer, der måske er den samme</a> — forslag til at lægge navne sammen, som dokumenterne staver
          forskelligt.
        </li>
        <li>
          <a href="/arbejdsrum/udledt">Udledte oplysninger</a> — udpegninger, pladser, planlagte møder og lovede punkter læst ud af punkterne:
          bekræft, ret eller afvis dem.
        </li>
        <li>
          <a href="/arbejdsrum/fordelinger">Fordelingsnøgler og folketal</a> — fordelinger på et punkt, beregnet ud fra folketal og oplyste
          input.
        </li>
      </ul>
    </Layout>,
  );
}
