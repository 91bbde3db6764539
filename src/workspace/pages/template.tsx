/** @module The organisation's own agenda template: one item title per line, sub-items indented or numbered "3.1". */
import { Layout, renderPage } from '../../web/layout.js';
import { organizationWorkspaceUrl, templateUrl } from '../urls.js';
import { Csrf, crumbs, Message, type Notice } from './common.js';

export interface TemplatePageData extends Notice {
  organization: { slug: string; name: string };
  text: string;
  source: 'own' | 'standard' | 'default';
}

const SOURCE = {
  own: 'Organisationens egen skabelon.',
  standard: 'Standardskabelonen for organisationen. Gemmer du, bliver den organisationens egen.',
  default: 'Den generelle standardskabelon. Gemmer du, bliver den organisationens egen.',
};

export function renderTemplatePage(data: TemplatePageData): string {
  const org = data.organization;
  return renderPage(
    <Layout title={`Dagsordensskabelon for ${org.name}`} breadcrumbs={crumbs({ text: org.name, href: organizationWorkspaceUrl(org.slug) }, { text: 'Skabelon' })}>
      <h1>Dagsordensskabelon for {org.name}</h1>
      <Message error={data.error} saved={data.saved} />
      <p>{SOURCE[data.source]}</p>
      <form method="post" action={templateUrl(org.slug)}>
        <Csrf />
        <div class="form-group">
          <label class="form-label" for="skabelon">Punkter</label>
          <span class="form-hint" id="skabelon-hint">
            Én punkttitel pr. linje. Et underpunkt rykkes to mellemrum ind eller nummereres »3.1«. {'{forrige møde}'} bliver datoen for
            organisationens seneste møde; en linje med kun {'{varslede punkter}'} er stedet for de punkter, der blev varslet på sidste møde.
          </span>
          <textarea class="form-input" id="skabelon" name="skabelon" rows={16} aria-describedby="skabelon-hint">{data.text}</textarea>
        </div>
        <button class="button button-primary" type="submit">Gem skabelon</button>
      </form>
    </Layout>,
  );
}
