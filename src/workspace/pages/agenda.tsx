/**
 * @module The agenda builder: the meeting's facts, its items (add, move, indent, delete — numbers
 * follow), and publishing. Plain forms and buttons; the builder's script (BUILDER_SCRIPT) only
 * spares page reloads.
 */
import { ACCESS_LABELS, type MeetingDocument } from '../../model/index.js';
import { danishDate, danishDateTime } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { meetingUrl } from '../../web/urls.js';
import { depthOf } from '../item-ops.js';
import { agendaFactsUrl, agendaItemMoveUrl, agendaItemsUrl, agendaItemUrl, BUILDER_SCRIPT, BUILDER_STYLES, organizationWorkspaceUrl, publishAgendaUrl } from '../urls.js';
import { Csrf, crumbs, Message, Revision, type Notice } from './common.js';
import { FactsFields } from './new-meeting.js';

export interface AgendaPageData extends Notice {
  draft: { id: number; revision: number; model: MeetingDocument; updatedAt: string; updatedBy: string };
  organization: { slug: string; name: string };
  /** The meeting and version once published. */
  published: { meetingId: number; version: number } | null;
  /** What the publish form had when it was refused. */
  note?: string;
}

/** Each move button: its value, visible word, and what it does to item n (read out after the word). */
const MOVES: Array<[string, string, (n: string) => string]> = [
  ['up', 'Op', (n) => `flyt punkt ${n} op`],
  ['down', 'Ned', (n) => `flyt punkt ${n} ned`],
  ['indent', 'Ind', (n) => `gør punkt ${n} til underpunkt af punktet over`],
  ['outdent', 'Ud', (n) => `ryk punkt ${n} et niveau ud`],
  ['delete', 'Slet', (n) => `slet punkt ${n} med underpunkter`],
];

export function renderAgendaPage(data: AgendaPageData): string {
  const { draft, organization: org, published } = data;
  const doc = draft.model;
  const title = `Dagsorden: ${org.name}, ${danishDate(doc.date)}`;
  return renderPage(
    <Layout title={title} breadcrumbs={crumbs({ text: org.name, href: organizationWorkspaceUrl(org.slug) }, { text: `Dagsorden ${danishDate(doc.date)}` })}>
      <h1>{title}</h1>
      <p>
        {published ? (
          <>
            Offentliggjort som version {published.version}. <a href={meetingUrl(published.meetingId)}>Se den offentlige side</a>.
          </>
        ) : (
          <>Kladde — ikke offentliggjort.</>
        )}{' '}
        Senest gemt {danishDateTime(draft.updatedAt)} af {draft.updatedBy}.
      </p>
      <Message error={data.error} saved={data.saved} />

      <h2 id="punkter-overskrift" tabindex={-1}>Punkter</h2>
      <div id="punkter">
        {doc.items.length === 0 ? (
          <p>Dagsordenen har ingen punkter.</p>
        ) : (
          <ol class="nobullet-list builder-items">
            {doc.items.map((item, index) => (
              <li class={`builder-item builder-depth-${Math.min(depthOf(item.number), 3)}`}>
                <span class="builder-number">{item.number}</span>{' '}
                <a href={agendaItemUrl(draft.id, index)}>{item.title || '(uden titel)'}</a>
                {item.access !== 'public' && <span class="badge ml-3">{ACCESS_LABELS[item.access]}</span>}
                <form method="post" action={agendaItemMoveUrl(draft.id, index)} class="builder-moves" data-builder-move="">
                  <Csrf />
                  <Revision revision={draft.revision} />
                  {MOVES.map(([value, text, what]) => (
                    <button class="button button-tertiary button-small" type="submit" name="action" value={value}>
                      {text}
                      <span class="sr-only">, {what(item.number)}</span>
                    </button>
                  ))}
                </form>
              </li>
            ))}
          </ol>
        )}
      </div>

      <h2>Tilføj punkt</h2>
      <form method="post" action={agendaItemsUrl(draft.id)}>
        <Csrf />
        <Revision revision={draft.revision} />
        <div class="form-group">
          <label class="form-label" for="nyt-punkt">Punktets titel</label>
          <input class="form-input" type="text" id="nyt-punkt" name="titel" required />
        </div>
        <div class="form-group">
          <label class="form-label" for="placering">Placering</label>
          <select class="form-select" id="placering" name="under">
            <option value="">Som hovedpunkt sidst på dagsordenen</option>
            {doc.items.map((item, index) => (
              <option value={String(index)}>Som underpunkt til {item.number} {item.title}</option>
            ))}
          </select>
        </div>
        <button class="button button-secondary" type="submit">Tilføj punkt</button>
      </form>

      <h2>Mødet</h2>
      <form method="post" action={agendaFactsUrl(draft.id)}>
        <Csrf />
        <Revision revision={draft.revision} />
        <FactsFields
          values={{ date: doc.date ?? '', startTime: doc.startTime ?? '', endTime: doc.endTime ?? '', location: doc.location ?? '', online: doc.online, title: doc.title ?? '' }}
        />
        <button class="button button-secondary mt-5" type="submit">Gem mødets oplysninger</button>
      </form>
      {doc.participants.length > 0 && (
        <>
          <h3>Forventede deltagere</h3>
          <p class="form-hint">Medlemmerne fra seneste referat ({doc.participants.length}); fremmøde og afbud skrives i referatet.</p>
          <ul class="builder-participants">
            {doc.participants.map((p) => (
              <li>{[p.name, p.party && `(${p.party})`, p.municipality].filter(Boolean).join(' ')}</li>
            ))}
          </ul>
        </>
      )}

      <h2>Offentliggør</h2>
      <form method="post" action={publishAgendaUrl(draft.id)}>
        <Csrf />
        <Revision revision={draft.revision} />
        {published ? (
          <div class="form-group">
            <label class="form-label" for="rettet">Hvad er rettet?</label>
            <span class="form-hint" id="rettet-hint">Dagsordenen er offentliggjort. En ny version vises med »Rettet« og denne tekst.</span>
            <textarea class="form-input" id="rettet" name="rettet" rows={3} required aria-describedby="rettet-hint">{data.note ?? ''}</textarea>
          </div>
        ) : (
          <p>Dagsordenen bliver offentlig med det samme: på mødesiden, i søgningen, i OParl og i feeds. Lukkede punkter vises som »Lukket punkt«.</p>
        )}
        <button class="button button-primary" type="submit">{published ? 'Offentliggør rettet dagsorden' : 'Offentliggør dagsorden'}</button>
      </form>
      <link rel="stylesheet" href={BUILDER_STYLES} />
      <script src={BUILDER_SCRIPT} defer></script>
    </Layout>,
  );
}
