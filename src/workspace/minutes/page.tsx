/**
 * @module The minutes editor (one plain form): attendance per member, the others present, each
 * item's recommendation read-only with a decision field and quick-phrase buttons, and publishing.
 * Without JavaScript a quick phrase is a submit button the server applies; with it,
 * /static/minutes.js puts the phrase into the field without a reload.
 */
import { CSRF_FIELD } from '../../auth/csrf.js';
import { effectiveAccess, type AccessLevel, type AgendaItem, type MeetingDocument } from '../../model/index.js';
import { Alert } from '../../web/components/alert.js';
import { Blocks } from '../../web/components/blocks.js';
import { itemHeadingText } from '../../web/components/item.js';
import { danishLongDate } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { meetingUrl } from '../../web/urls.js';
import { DECISION_PHRASES, isGroupItem, phraseText } from '../minutes.js';
import { minutesDraftUrl, organizationWorkspaceUrl, workspaceUrl } from '../urls.js';
import type { EditorState } from './form.js';

export interface EditorMessage {
  variant: 'success' | 'info' | 'warning' | 'error';
  heading: string;
  text: string;
}

export interface MinutesEditorData {
  draftId: number;
  /** The revision the form is for (the draft's, or the refused form's own). */
  revision: number;
  /** The draft's model: items, titles and recommendations come from here. */
  doc: MeetingDocument;
  /** What the fields show. */
  state: EditorState;
  csrf: string;
  organization: { slug: string; name: string } | null;
  /** The public meeting page, once the meeting exists. */
  meetingId: number | null;
  /** The minutes are public already: publishing again needs a "Rettet" note. */
  published: boolean;
  today: string;
  messages: EditorMessage[];
}

const decisionId = (number: string) => `beslutning-${number}`;

const RESTRICTED: Record<Exclude<AccessLevel, 'public'>, string> = { closed: 'Lukket punkt', confidential: 'Fortroligt punkt' };

function MemberRows(props: { state: EditorState }) {
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact attendance-table">
        <caption class="sr-only">Fremmøde for medlemmerne</caption>
        <thead>
          <tr>
            <th scope="col">Medlem</th>
            <th scope="col">Til stede</th>
            <th scope="col">Afbud</th>
            <th scope="col">I stedet deltog</th>
            <th scope="col">Fjern</th>
          </tr>
        </thead>
        <tbody>
          {props.state.members.map((m, i) => {
            const p = `m.${i}`;
            const id = `m-${i}`;
            const details = [m.party, m.municipality, m.role].filter(Boolean).join(', ');
            return (
              <tr>
                <th scope="row">
                  {m.name}
                  {details && <span class="form-hint"> ({details})</span>}
                  <input type="hidden" name={`${p}.name`} value={m.name} />
                  <input type="hidden" name={`${p}.party`} value={m.party ?? ''} />
                  <input type="hidden" name={`${p}.municipality`} value={m.municipality ?? ''} />
                  <input type="hidden" name={`${p}.role`} value={m.role ?? ''} />
                </th>
                <td>
                  <div class="form-group-radio">
                    <input class="form-radio" type="radio" id={`${id}-present`} name={`${p}.status`} value="present" checked={m.status === 'present'} />
                    <label for={`${id}-present`}><span class="sr-only">{m.name}: </span>til stede</label>
                  </div>
                </td>
                <td>
                  <div class="form-group-radio">
                    <input class="form-radio" type="radio" id={`${id}-afbud`} name={`${p}.status`} value="afbud" checked={m.status === 'afbud'} />
                    <label for={`${id}-afbud`}><span class="sr-only">{m.name}: </span>afbud</label>
                  </div>
                </td>
                <td>
                  <label class="sr-only" for={`${id}-substitute`}>{`Stedfortræder for ${m.name}`}</label>
                  <input class="form-input input-width-m" type="text" id={`${id}-substitute`} name={`${p}.substitute`} value={m.substitute ?? ''} maxlength={200} autocomplete="off" />
                </td>
                <CheckboxCell id={`${id}-remove`} name={`${p}.remove`} checked={m.remove} label={`Fjern ${m.name} fra listen`} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A table cell holding one checkbox, its label for screen readers only (the column heading says it). */
function CheckboxCell(props: { id: string; name: string; checked: boolean; label: string }) {
  return (
    <td>
      <div class="form-group-checkbox">
        <input class="form-checkbox" type="checkbox" id={props.id} name={props.name} value="1" checked={props.checked} />
        <label for={props.id}><span class="sr-only">{props.label}</span></label>
      </div>
    </td>
  );
}

/** The others present, with two empty rows for adding. */
function OtherRows(props: { state: EditorState }) {
  const rows = [...props.state.others, ...[0, 1].map(() => ({ name: '', title: null, organisation: null, group: null, minuteTaker: false }))];
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact others-table">
        <caption class="sr-only">Øvrige deltagere</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Titel</th>
            <th scope="col">Organisation</th>
            <th scope="col">Gruppe</th>
            <th scope="col">Referent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a, i) => {
            const p = `o.${i}`;
            const id = `o-${i}`;
            const who = a.name || `ny deltager ${i + 1 - props.state.others.length}`;
            const text = (key: 'name' | 'title' | 'organisation' | 'group', label: string, value: string | null) => (
              <td>
                <label class="sr-only" for={`${id}-${key}`}>{`${label}, ${who}`}</label>
                <input class="form-input" type="text" id={`${id}-${key}`} name={`${p}.${key}`} value={value ?? ''} maxlength={200} autocomplete="off" />
              </td>
            );
            return (
              <tr>
                {text('name', 'Navn', a.name)}
                {text('title', 'Titel', a.title)}
                {text('organisation', 'Organisation', a.organisation)}
                {text('group', 'Gruppe', a.group)}
                <CheckboxCell id={`${id}-minuteTaker`} name={`${p}.minuteTaker`} checked={a.minuteTaker} label={`Referent: ${who}`} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Attendance(props: { state: EditorState }) {
  const { state } = props;
  return (
    <section aria-labelledby="fremmoede">
      <h2 id="fremmoede">Fremmøde</h2>
      <p class="form-hint">Marker afbud, og skriv, hvem der i givet fald deltog i stedet.</p>
      {state.members.length === 0 ? <p>Ingen medlemmer på listen endnu. Tilføj dem herunder.</p> : <MemberRows state={state} />}
      <fieldset class="mt-5">
        <legend class="h4">Tilføj et medlem</legend>
        <div class="form-group">
          <label class="form-label" for="new-name">Navn</label>
          <input class="form-input input-width-l" type="text" id="new-name" name="new.name" value={state.added.name} maxlength={200} autocomplete="off" />
        </div>
        <div class="form-group">
          <label class="form-label" for="new-party">Parti (valgfrit)</label>
          <input class="form-input input-width-xs" type="text" id="new-party" name="new.party" value={state.added.party} maxlength={20} autocomplete="off" />
        </div>
        <div class="form-group">
          <label class="form-label" for="new-municipality">Kommune (valgfrit)</label>
          <input class="form-input input-width-m" type="text" id="new-municipality" name="new.municipality" value={state.added.municipality} maxlength={200} autocomplete="off" />
        </div>
      </fieldset>
      <h3 class="mt-7">Øvrige deltagere</h3>
      <p class="form-hint">Sekretariat, gæster og referent. En række uden navn tæller ikke; slet navnet for at fjerne en deltager.</p>
      <OtherRows state={state} />
      <div class="form-group">
        <label class="form-label" for="attendance-note">Note om fremmødet (valgfri)</label>
        <span class="form-hint" id="attendance-note-hint">Fx »Kommunaldirektørerne i regionen eller deres suppleanter«.</span>
        <textarea class="form-input" id="attendance-note" name="attendanceNote" rows={2} maxlength={2000} aria-describedby="attendance-note-hint">{state.attendanceNote}</textarea>
      </div>
      <button class="button button-primary mt-5" type="submit" name="action" value="save">Gem fremmøde</button>
    </section>
  );
}

function ItemEditor(props: { doc: MeetingDocument; item: AgendaItem; access: AccessLevel; state: EditorState }) {
  const { doc, item, access } = props;
  const anchor = `punkt-${item.number}`;
  // A sub-item of a closed item is closed too (effectiveAccess).
  const restricted = access !== 'public';
  const marker = access !== 'public' && <span class="badge badge-warning ml-3">{RESTRICTED[access]}</span>;
  if (isGroupItem(doc, item)) {
    return (
      <h3 id={anchor} class="mt-7">
        {itemHeadingText(item)}
        {marker}
      </h3>
    );
  }
  const recommendations = item.sections.filter((s) => s.type === 'recommendation');
  const id = decisionId(item.number);
  return (
    <article class="agenda-item mt-7" id={anchor} aria-labelledby={`${anchor}-titel`}>
      <h3 id={`${anchor}-titel`}>
        {itemHeadingText(item)}
        {marker}
      </h3>
      {restricted && <p class="form-hint">Beslutningen vises ikke for offentligheden.</p>}
      {recommendations.map((s) => (
        <div class="item-section" data-section-type="recommendation">
          <h4 class="section-heading">{s.heading ?? 'Indstilling'}</h4>
          <Blocks blocks={s.blocks} headingLevel={5} />
        </div>
      ))}
      <div class="form-group">
        <label class="form-label" for={id}>{`Beslutning, punkt ${item.number}`}</label>
        <textarea class="form-input" id={id} name={`decision.${item.number}`} rows={3} maxlength={20000}>{props.state.decisions[item.number] ?? ''}</textarea>
      </div>
      <div class="quick-phrases" role="group" aria-label={`Standardformuleringer til punkt ${item.number}`}>
        {DECISION_PHRASES.map((phrase, index) => {
          const text = phraseText(phrase, doc.body);
          return (
            <button class="button button-secondary mr-3 mt-3" type="submit" name="phrase" value={`${item.number}|${index}`} data-phrase={text} data-target={id}>
              {text}
            </button>
          );
        })}
      </div>
    </article>
  );
}

function Publish(props: { published: boolean }) {
  return (
    <section aria-labelledby="offentliggoer" class="mt-8">
      <h2 id="offentliggoer">Offentliggør</h2>
      <p>
        {props.published
          ? 'Referatet er offentliggjort. Ændringer bliver først offentlige, når du offentliggør igen: det bliver en ny version med en synlig rettelse.'
          : 'Når referatet offentliggøres, viser mødets side det med status »Referat offentliggjort«, og beslutningerne kan findes i søgningen.'}
      </p>
      {props.published && (
        <div class="form-group">
          <label class="form-label" for="note">Rettet: hvad er ændret?</label>
          <span class="form-hint" id="note-hint">Skal udfyldes. Vises ved den nye version.</span>
          <textarea class="form-input" id="note" name="note" rows={2} maxlength={2000} aria-describedby="note-hint"></textarea>
        </div>
      )}
      <button class="button button-primary" type="submit" name="action" value="publish">Offentliggør referat</button>
    </section>
  );
}

export function renderMinutesEditor(data: MinutesEditorData): string {
  const { doc } = data;
  const title = `Referat: ${doc.body ?? data.organization?.name ?? 'møde'} ${danishLongDate(doc.date)}`;
  const crumbs = [
    { text: 'Forside', href: '/' },
    { text: 'Arbejdsrum', href: workspaceUrl() },
    ...(data.organization ? [{ text: data.organization.name, href: organizationWorkspaceUrl(data.organization.slug) }] : []),
    { text: 'Referat' },
  ];
  const future = doc.date !== null && doc.date > data.today;
  const access = effectiveAccess(doc.items);
  return renderPage(
    <Layout title={title} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      {data.messages.map((m) => (
        <Alert variant={m.variant} heading={m.heading}>
          <p>{m.text}</p>
        </Alert>
      ))}
      {future && (
        <Alert variant="warning" heading="Mødet er ikke afholdt endnu">
          <p>Mødet er den {danishLongDate(doc.date)}. Du kan godt skrive referatet nu, men tjek fremmøde og beslutninger efter mødet.</p>
        </Alert>
      )}
      <p>
        {data.published ? 'Offentliggjort referat' : 'Kladde, ikke offentliggjort'}
        {data.meetingId !== null && (
          <>
            {' · '}
            <a href={meetingUrl(data.meetingId)}>Se mødets offentlige side</a>
          </>
        )}
      </p>
      <form method="post" action={minutesDraftUrl(data.draftId)} class="minutes-editor" data-minutes-editor="">
        <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
        <input type="hidden" name="revision" value={String(data.revision)} />
        <Attendance state={data.state} />
        <section aria-labelledby="punkter" class="mt-8">
          <h2 id="punkter">Beslutninger</h2>
          <p class="form-hint">Indstillingen står over hvert felt. Skriv beslutningen, eller vælg en standardformulering.</p>
          {doc.items.map((item) => <ItemEditor doc={doc} item={item} access={access.get(item.number) ?? item.access} state={data.state} />)}
          <p role="status" aria-live="polite" class="sr-only" id="phrase-status"></p>
          <button class="button button-primary mt-7" type="submit" name="action" value="save">Gem beslutninger</button>
        </section>
        <Publish published={data.published} />
      </form>
      <script src="/static/minutes.js" defer></script>
    </Layout>,
  );
}
