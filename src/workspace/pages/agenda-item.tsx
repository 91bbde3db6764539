/**
 * @module One agenda item in the builder: title, case number, case officers, presenter, access
 * level, sections as markup (src/workspace/markup.ts), and bilag uploads with their own access.
 * One multipart form; removing a section or a bilag is a checkbox applied on save, so the
 * form's first button is always "Gem punktet".
 */
import type { AccessLevel } from '../../model/index.js';
import { Layout, renderPage } from '../../web/layout.js';
import sectionChoices from '../lexicon/sections.json' with { type: 'json' };
import { agendaDraftUrl, agendaItemUrl, BUILDER_SCRIPT, BUILDER_STYLES, markupPreviewUrl, organizationWorkspaceUrl } from '../urls.js';
import { AccessSelect, BILAG_ACCESS, Csrf, crumbs, ITEM_ACCESS, Message, Revision, type Notice } from './common.js';

export interface ItemFormValues {
  title: string;
  caseNumber: string;
  caseOfficers: string;
  presenters: string;
  access: AccessLevel;
  sections: Array<{ heading: string; text: string }>;
  attachments: Array<{ title: string; fileName: string | null; access: AccessLevel; stored: boolean }>;
}

export interface ItemPageData extends Notice {
  draft: { id: number; revision: number; date: string | null };
  organization: { slug: string; name: string };
  index: number;
  number: string;
  values: ItemFormValues;
  maxUploadMb: string;
}

/** The markup's help text (what markup.ts reads). */
function MarkupHelp() {
  return (
    <details class="details">
      <summary class="details-summary">Sådan skriver du tekst, lister, tabeller, links og bilag</summary>
      <div class="details-text">
        <ul>
          <li>Tom linje mellem afsnit.</li>
          <li><code>## Overskrift</code> — en mellemoverskrift.</li>
          <li><code>- punkt</code> — en liste; to mellemrum foran for et underpunkt: <code>{'  - underpunkt'}</code>.</li>
          <li><code>| celle | celle |</code> — en tabel, én række pr. linje.</li>
          <li><code>[tekst](https://adresse)</code> — et link; en adresse alene bliver også et link.</li>
          <li><code>./. Bilagets titel</code> — en bilagslinje.</li>
          <li><code>\</code> først på linjen — linjen er almindelig tekst.</li>
        </ul>
      </div>
    </details>
  );
}

export function renderItemPage(data: ItemPageData): string {
  const { draft, organization: org, values: v } = data;
  const action = agendaItemUrl(draft.id, data.index);
  const heading = `Punkt ${data.number}${v.title ? `: ${v.title}` : ''}`;
  return renderPage(
    <Layout
      title={heading}
      breadcrumbs={crumbs({ text: org.name, href: organizationWorkspaceUrl(org.slug) }, { text: 'Dagsorden', href: agendaDraftUrl(draft.id) }, { text: `Punkt ${data.number}` })}
    >
      <h1>{heading}</h1>
      <Message error={data.error} saved={data.saved} />
      <form method="post" action={action} enctype="multipart/form-data" data-preview-url={markupPreviewUrl()}>
        <Csrf />
        <Revision revision={draft.revision} />
        <div class="form-group">
          <label class="form-label" for="titel">Punktets titel</label>
          <input class="form-input" type="text" id="titel" name="titel" value={v.title} required />
        </div>
        <div class="form-group">
          <label class="form-label" for="sagsnummer">Sagsnummer</label>
          <input class="form-input input-width-m" type="text" id="sagsnummer" name="sagsnummer" value={v.caseNumber} />
        </div>
        <div class="form-group">
          <label class="form-label" for="sagsbehandlere">Sagsbehandlere</label>
          <span class="form-hint" id="sagsbehandlere-hint">Initialer, adskilt af komma (»chbo, jhp«).</span>
          <input class="form-input input-width-m" type="text" id="sagsbehandlere" name="sagsbehandlere" value={v.caseOfficers} aria-describedby="sagsbehandlere-hint" />
        </div>
        <div class="form-group">
          <label class="form-label" for="fremlaegger">Fremlægges af</label>
          <span class="form-hint" id="fremlaegger-hint">Flere navne adskilles af komma.</span>
          <input class="form-input" type="text" id="fremlaegger" name="fremlaegger" value={v.presenters} aria-describedby="fremlaegger-hint" />
        </div>
        <AccessSelect id="adgang" name="adgang" label="Adgang" value={v.access} options={ITEM_ACCESS} />

        <h2>Afsnit</h2>
        <MarkupHelp />
        <datalist id="afsnitsoverskrifter">
          {sectionChoices.entries.map((e) => (
            <option value={e.heading} />
          ))}
        </datalist>
        <input type="hidden" name="afsnit" value={String(v.sections.length)} />
        {v.sections.map((s, k) => (
          <fieldset class="builder-section mt-5">
            <legend class="h4">Afsnit {k + 1}{s.heading ? `: ${s.heading}` : ''}</legend>
            <div class="form-group">
              <label class="form-label" for={`afsnit-${k}-overskrift`}>Overskrift</label>
              <input class="form-input input-width-m" type="text" id={`afsnit-${k}-overskrift`} name={`afsnit-${k}-overskrift`} value={s.heading} list="afsnitsoverskrifter" />
            </div>
            <div class="form-group">
              <label class="form-label" for={`afsnit-${k}-tekst`}>Tekst</label>
              <textarea class="form-input markup-input" id={`afsnit-${k}-tekst`} name={`afsnit-${k}-tekst`} rows={8}>{s.text}</textarea>
            </div>
            <div class="form-group-checkbox">
              <input class="form-checkbox" type="checkbox" id={`afsnit-${k}-fjern`} name={`afsnit-${k}-fjern`} value="1" />
              <label for={`afsnit-${k}-fjern`}>Fjern afsnittet, når punktet gemmes</label>
            </div>
          </fieldset>
        ))}
        <p class="form-hint">Et afsnit uden tekst gemmes ikke.</p>

        <h2>Bilag</h2>
        {v.attachments.length === 0 ? (
          <p>Punktet har ingen bilag.</p>
        ) : (
          v.attachments.map((a, k) => (
            <fieldset class="builder-bilag mt-3">
              <legend class="h5">{a.title}{a.fileName ? ` (${a.fileName})` : a.stored ? '' : ' (kun bilagslinje, ingen fil)'}</legend>
              <AccessSelect id={`bilag-${k}-adgang`} name={`bilag-${k}-adgang`} label="Adgang til bilaget" value={a.access} options={BILAG_ACCESS} />
              <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id={`bilag-${k}-fjern`} name={`bilag-${k}-fjern`} value="1" />
                <label for={`bilag-${k}-fjern`}>Fjern bilaget, når punktet gemmes</label>
              </div>
            </fieldset>
          ))
        )}
        <fieldset class="mt-5">
          <legend class="h4">Nyt bilag</legend>
          <div class="form-group">
            <label class="form-label" for="bilag-fil">Fil (PDF eller Word)</label>
            <span class="form-hint" id="bilag-fil-hint">Højst {data.maxUploadMb}.</span>
            <input class="form-input" type="file" id="bilag-fil" name="bilag-fil" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="bilag-fil-hint" />
          </div>
          <div class="form-group">
            <label class="form-label" for="bilag-titel">Bilagets titel</label>
            <span class="form-hint" id="bilag-titel-hint">Tom: filens navn.</span>
            <input class="form-input" type="text" id="bilag-titel" name="bilag-titel" aria-describedby="bilag-titel-hint" />
          </div>
          <AccessSelect id="bilag-adgang" name="bilag-adgang" label="Adgang til det nye bilag" value="public" options={BILAG_ACCESS} />
        </fieldset>

        <p class="mt-5">
          <button class="button button-primary" type="submit" name="action" value="save">Gem punktet</button>{' '}
          <button class="button button-secondary" type="submit" name="action" value="add-section">Gem og tilføj afsnit</button>
        </p>
      </form>
      <p>
        <a href={agendaDraftUrl(draft.id)}>Tilbage til dagsordenen</a>
      </p>
      <link rel="stylesheet" href={BUILDER_STYLES} />
      <script src={BUILDER_SCRIPT} defer></script>
    </Layout>,
  );
}
