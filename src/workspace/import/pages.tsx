/**
 * @module The pages of /arbejdsrum/indlaes: the upload form, the preview (what the importer
 * understood, editable in plain forms, beside the document's own text), the saved result, and
 * refusals. No script: every correction is a form posted with the preview's hidden state.
 */
import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../../auth/csrf.js';
import type { StoreResult } from '../../db/store.js';
import { describeCorrection, type CorrectionOp, type StaleCorrection } from '../../import/corrections.js';
import type { Line } from '../../import/line.js';
import type { AgendaItem, MeetingDocument } from '../../model/index.js';
import { Alert } from '../../web/components/alert.js';
import { danishDate, formatLabel, kindLabel, timeRange } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { meetingUrl, versionUrl } from '../../web/urls.js';
import { megabytes } from '../pages/errors.js';

export const IMPORT_PATH = '/arbejdsrum/indlaes';
const CRUMBS = [
  { text: 'Forside', href: '/' },
  { text: 'Arbejdsrum', href: '/arbejdsrum' },
];

export interface Organization {
  id: number;
  name: string;
}

function Csrf(props: { csrf: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.csrf} />;
}

export function renderUploadPage(data: { organizations: Organization[]; csrf: string; maxBytes: number; error?: string; chosen?: number }): string {
  return renderPage(
    <Layout title="Indlæs et dokument" breadcrumbs={[...CRUMBS, { text: 'Indlæs et dokument' }]}>
      <h1>Indlæs et dokument</h1>
      <p class="font-lead">
        Indlæs en dagsorden eller et referat, se hvad Referat har forstået, ret det, der er læst forkert, og gem det som en ny version.
        Rettelserne huskes: indlæser du filen igen, er de stadig rettet.
      </p>
      {data.error && (
        <Alert variant="error" heading="Filen blev ikke indlæst">
          <p>{data.error}</p>
        </Alert>
      )}
      <form method="post" action={IMPORT_PATH} enctype="multipart/form-data" class="mt-5">
        <Csrf csrf={data.csrf} />
        <div class="form-group">
          <label class="form-label" for="organisation">Organisation</label>
          <span class="form-hint" id="organisation-hint">Dokumentet skal være fra en organisation, du er sekretær for.</span>
          <select class="form-select" id="organisation" name="organisation" aria-describedby="organisation-hint" required>
            {data.organizations.map((o) => (
              <option value={String(o.id)} selected={o.id === data.chosen}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="fil">Fil</label>
          <span class="form-hint" id="fil-hint">
            PDF, Word (DOCX), en gemt webside (HTML), tekst eller XML fra et sagssystem; højst {megabytes(data.maxBytes)}.
          </span>
          <input class="form-file-input" type="file" id="fil" name="fil" aria-describedby="fil-hint" required />
        </div>
        <button class="button button-primary" type="submit">Vis forhåndsvisning</button>
      </form>
    </Layout>,
  );
}

/** A refusal page (wrong organisation, a file that cannot be read, an expired preview). */
export function renderImportRefusedPage(heading: string, message: string): string {
  return renderPage(
    <Layout title={heading} breadcrumbs={[...CRUMBS, { text: 'Indlæs et dokument', href: IMPORT_PATH }, { text: heading }]}>
      <h1>{heading}</h1>
      <Alert variant="error" heading="Intet er gemt">
        <p>{message}</p>
      </Alert>
      <p class="mt-5">
        <a href={IMPORT_PATH}>Indlæs et andet dokument</a>
      </p>
    </Layout>,
  );
}

export interface PreviewPageData {
  doc: MeetingDocument;
  fileName: string;
  format: string;
  organization: Organization;
  kept: { applied: CorrectionOp[]; stale: StaleCorrection[] };
  pending: CorrectionOp[];
  pendingStale: StaleCorrection[];
  lines: Line[] | null;
  /** The hidden fields every form carries (state and CSRF). */
  hidden: Record<string, string>;
  error?: string;
  notice?: string;
}

/** A form posting one correction (or the save) with the preview's state. */
function StateForm(props: { hidden: Record<string, string>; action: string; handling?: string; children?: Child; class?: string }) {
  return (
    <form method="post" action={`${IMPORT_PATH}/${props.action}`} class={props.class}>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.handling && <input type="hidden" name="handling" value={props.handling} />}
      {props.children}
    </form>
  );
}

function Fact(props: { label: string; value: string | null }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.value ?? <em>ikke læst</em>}</td>
    </tr>
  );
}

export function renderPreviewPage(data: PreviewPageData): string {
  const { doc, hidden } = data;
  const save = (
    <StateForm hidden={hidden} action="gem" class="mt-5 mb-5">
      <button class="button button-primary" type="submit">Gem som ny version</button>
    </StateForm>
  );
  return renderPage(
    <Layout title={`Forhåndsvisning af ${data.fileName}`} breadcrumbs={[...CRUMBS, { text: 'Indlæs et dokument', href: IMPORT_PATH }, { text: 'Forhåndsvisning' }]}>
      <h1>Forhåndsvisning af {data.fileName}</h1>
      <p class="font-lead">
        {kindLabel(doc.kind)} for {data.organization.name}, læst som {formatLabel(data.format)}. Ret det, der er læst forkert, og gem.
      </p>
      {data.error && (
        <Alert variant="error" heading="Rettelsen blev ikke lavet">
          <p>{data.error}</p>
        </Alert>
      )}
      {data.notice && (
        <Alert variant="success" heading={data.notice} />
      )}
      {data.kept.applied.length > 0 && (
        <Alert variant="info" heading={`${data.kept.applied.length === 1 ? 'Én rettelse' : `${data.kept.applied.length} rettelser`} fra tidligere er allerede lavet`}>
          <ul>
            {data.kept.applied.map((op) => (
              <li>{describeCorrection(op)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {data.kept.stale.length > 0 && (
        <Alert variant="warning" heading="Tidligere rettelser, der ikke passer på dette dokument">
          <ul>
            {data.kept.stale.map((s) => (
              <li>
                {describeCorrection(s.op)}: {s.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <h2>Rettelser i denne forhåndsvisning</h2>
      {data.pending.length === 0 ? (
        <p>Ingen endnu.</p>
      ) : (
        <>
          <ol>
            {data.pending.map((op) => (
              <li>{describeCorrection(op)}</li>
            ))}
          </ol>
          <StateForm hidden={hidden} action="ret" handling="fortryd">
            <button class="button button-secondary" type="submit">Fortryd seneste rettelse</button>
          </StateForm>
        </>
      )}
      {data.pendingStale.length > 0 && (
        <Alert variant="warning" heading="Rettelser, der ikke passer længere">
          <ul>
            {data.pendingStale.map((s) => (
              <li>
                {describeCorrection(s.op)}: {s.reason} Fortryd dem, før du gemmer.
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {save}
      <div class="row">
        <div class="col-12 col-lg-7">
          <Understood data={data} />
        </div>
        <div class="col-12 col-lg-5">
          <h2>Dokumentets egen tekst</h2>
          <OwnText lines={data.lines} />
        </div>
      </div>
      {save}
    </Layout>,
  );
}

/** What the importer understood, with a form beside each thing a secretary may correct. */
function Understood(props: { data: PreviewPageData }) {
  const { doc, hidden } = props.data;
  return (
    <>
      <h2>Det har Referat forstået</h2>
      <h3>Mødet</h3>
      <table class="table table--compact">
        <tbody>
          <Fact label="Organisation" value={doc.body} />
          <Fact label="Dato" value={doc.date ? danishDate(doc.date) : null} />
          <Fact label="Tid" value={timeRange(doc.startTime, doc.endTime)} />
          <Fact label="Sted" value={doc.location ?? (doc.online ? 'online' : null)} />
        </tbody>
      </table>
      <details class="mt-3">
        <summary>Ret mødets oplysninger</summary>
        <StateForm hidden={hidden} action="ret" handling="fakta">
          <div class="form-group">
            <label class="form-label" for="fakta-dato">Dato</label>
            <input class="form-input input-width-s" type="date" id="fakta-dato" name="date" value={doc.date ?? ''} />
          </div>
          <div class="form-group">
            <label class="form-label" for="fakta-start">Starttidspunkt</label>
            <input class="form-input input-width-xs" type="time" id="fakta-start" name="startTime" value={doc.startTime ?? ''} />
          </div>
          <div class="form-group">
            <label class="form-label" for="fakta-sted">Sted</label>
            <input class="form-input input-width-l" type="text" id="fakta-sted" name="location" maxlength={500} value={doc.location ?? ''} />
          </div>
          <button class="button button-secondary" type="submit">Ret mødets oplysninger</button>
        </StateForm>
      </details>

      <h3>Deltagere</h3>
      {doc.attendanceNote && <p>{doc.attendanceNote}</p>}
      {doc.participants.length === 0 ? (
        <p>Ingen deltagere læst.</p>
      ) : (
        <ul class="nobullet-list">
          {doc.participants.map((p, i) => (
            <li>
              <StateForm hidden={hidden} action="ret" handling="fjern">
                <input type="hidden" name="navnet" value={p.name} />
                {[p.name, p.party && `(${p.party})`, p.municipality && `, ${p.municipality}`, p.role && ` – ${p.role}`].filter(Boolean).join(' ')}{' '}
                <button class="button button-tertiary" type="submit" id={`fjern-${i}`}>
                  Fjern<span class="sr-only"> {p.name} fra deltagerne</span>
                </button>
              </StateForm>
            </li>
          ))}
        </ul>
      )}
      <details class="mt-3">
        <summary>Tilføj en deltager, Referat ikke fandt</summary>
        <StateForm hidden={hidden} action="ret" handling="deltager">
          <div class="form-group">
            <label class="form-label" for="deltager-navn">Navn</label>
            <input class="form-input input-width-l" type="text" id="deltager-navn" name="navnet" maxlength={200} required />
          </div>
          <div class="form-group">
            <label class="form-label" for="deltager-parti">Parti (bogstav)</label>
            <input class="form-input input-width-xs" type="text" id="deltager-parti" name="parti" maxlength={20} />
          </div>
          <div class="form-group">
            <label class="form-label" for="deltager-kommune">Kommune</label>
            <input class="form-input input-width-m" type="text" id="deltager-kommune" name="kommune" maxlength={200} />
          </div>
          <button class="button button-secondary" type="submit">Tilføj deltager</button>
        </StateForm>
      </details>
      {doc.absent.length > 0 && (
        <>
          <h3>Afbud</h3>
          <ul>
            {doc.absent.map((a) => (
              <li>{a.substitute ? `${a.name} (i stedet: ${a.substitute})` : a.name}</li>
            ))}
          </ul>
        </>
      )}
      {doc.warnings.length > 0 && (
        <>
          <h3>Advarsler fra indlæsningen</h3>
          <ul>
            {doc.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      )}
      <h3>Punkter ({doc.items.length})</h3>
      {doc.items.map((item, i) => (
        <ItemPreview item={item} previous={doc.items[i - 1]} hasChildren={doc.items.some((x) => x.number.startsWith(`${item.number}.`))} hidden={hidden} index={i} />
      ))}
    </>
  );
}

function ItemPreview(props: { item: AgendaItem; previous: AgendaItem | undefined; hasChildren: boolean; hidden: Record<string, string>; index: number }) {
  const { item, hidden, index } = props;
  const id = `punkt-${index}`;
  return (
    <section class="mt-6" aria-labelledby={`${id}-titel`}>
      <h4 id={`${id}-titel`}>
        {item.number}. {item.title}
      </h4>
      <ul class="nobullet-list">
        {item.caseNumber && <li>Sagsnr.: {item.caseNumber}</li>}
        {item.presenters.length > 0 && <li>v. {item.presenters.join(' og ')}</li>}
        {item.access !== 'public' && <li>{item.access === 'closed' ? 'Lukket punkt' : 'Fortroligt punkt'}</li>}
        {item.sections.length > 0 && (
          <li>
            Afsnit: {item.sections.map((s) => s.heading ?? '(uden overskrift)').join(' · ')}
          </li>
        )}
        {item.attachments.length > 0 && <li>Bilag: {item.attachments.map((a) => a.title).join(' · ')}</li>}
      </ul>
      {item.decision && (
        <div class="mt-3">
          <p><strong>Beslutning</strong></p>
          <p>{item.decision}</p>
        </div>
      )}
      <StateForm hidden={hidden} action="ret" handling="titel" class="mt-3">
        <input type="hidden" name="nummer" value={item.number} />
        <input type="hidden" name="fra" value={item.title} />
        <div class="form-group">
          <label class="form-label" for={`${id}-ny`}>Titel på punkt {item.number}</label>
          <input class="form-input input-width-xl" type="text" id={`${id}-ny`} name="til" value={item.title} maxlength={1000} required />
        </div>
        <button class="button button-secondary" type="submit">Ret titlen på punkt {item.number}</button>
      </StateForm>
      <SplitForm item={item} hidden={hidden} id={id} />
      {props.previous && !props.hasChildren && (
        <StateForm hidden={hidden} action="ret" handling="saml" class="mt-3">
          <input type="hidden" name="nummer" value={item.number} />
          <input type="hidden" name="titel" value={item.title} />
          <input type="hidden" name="forrige-nummer" value={props.previous.number} />
          <input type="hidden" name="forrige-titel" value={props.previous.title} />
          <button class="button button-tertiary" type="submit">
            Punkt {item.number} er ikke et punkt: læg det sammen med punkt {props.previous.number}
          </button>
        </StateForm>
      )}
    </section>
  );
}

/** Lines of an item's text that could open an item the importer missed: headings and short paragraphs. */
export function splitCandidates(item: AgendaItem): Array<{ value: string; text: string }> {
  return item.sections.flatMap((s, si) =>
    s.blocks.flatMap((b, bi) => ((b.kind === 'heading' || b.kind === 'paragraph') && b.text.length <= 200 ? [{ value: `${si}:${bi}`, text: b.text }] : [])),
  );
}

/** "A new item begins at …": the block and the new item's number. */
function SplitForm(props: { item: AgendaItem; hidden: Record<string, string>; id: string }) {
  const candidates = splitCandidates(props.item);
  if (candidates.length === 0) return null;
  const { item, id } = props;
  return (
    <details class="mt-3">
      <summary>Et nyt punkt begynder inde i punkt {item.number}</summary>
      <StateForm hidden={props.hidden} action="ret" handling="del">
        <input type="hidden" name="nummer" value={item.number} />
        <input type="hidden" name="titel" value={item.title} />
        <div class="form-group">
          <label class="form-label" for={`${id}-ved`}>Det nye punkts overskrift</label>
          <select class="form-select" id={`${id}-ved`} name="ved">
            {candidates.map((c) => (
              <option value={c.value}>{c.text.length > 90 ? `${c.text.slice(0, 90)}…` : c.text}</option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for={`${id}-nyt-nummer`}>Det nye punkts nummer</label>
          <input class="form-input input-width-xs" type="text" id={`${id}-nyt-nummer`} name="nyt-nummer" inputmode="decimal" maxlength={20} required />
        </div>
        <button class="button button-secondary" type="submit">Del punkt {item.number}</button>
      </StateForm>
    </details>
  );
}

/** The reader's lines, headings and table rows marked as the file marked them. */
function OwnText(props: { lines: Line[] | null }) {
  if (props.lines === null) return <p>Filen er XML fra et sagssystem: den har ingen løbende tekst ud over punkterne til venstre.</p>;
  return (
    <div class="preview-text">
      {props.lines
        .filter((l) => !l.annotation && l.text.trim() !== '')
        .map((l) =>
          l.heading > 0 || l.bold ? (
            <p class={l.breakBefore ? 'mt-4 mb-0' : 'mt-0 mb-0'}>
              <strong>{l.text}</strong>
            </p>
          ) : (
            <p class={l.breakBefore ? 'mt-4 mb-0' : 'mt-0 mb-0'}>{l.list ? `${l.list.marker} ${l.text}` : l.text}</p>
          ),
        )}
    </div>
  );
}

export function renderSavedPage(data: { result: StoreResult; fileName: string; kind: MeetingDocument['kind'] }): string {
  const { result } = data;
  const heading = result.status === 'unchanged' ? 'Intet nyt at gemme' : `Gemt som version ${result.version}`;
  const text =
    result.status === 'unchanged'
      ? `${data.fileName} er allerede gemt, læst og rettet på samme måde (version ${result.version}).`
      : result.status === 'kept'
        ? `${data.fileName} er gemt som version ${result.version}, men er ikke gjort til den gældende, fordi den indeholder mindre end den gældende version.`
        : `${data.fileName} er gemt som version ${result.version}${result.corrections.applied > 0 ? ` med ${result.corrections.applied === 1 ? 'én rettelse' : `${result.corrections.applied} rettelser`}` : ''}.`;
  return renderPage(
    <Layout title={heading} breadcrumbs={[...CRUMBS, { text: 'Indlæs et dokument', href: IMPORT_PATH }, { text: heading }]}>
      <h1>{heading}</h1>
      <Alert variant="success" heading={heading}>
        <p>{text}</p>
      </Alert>
      <ul class="mt-5">
        <li>
          <a href={meetingUrl(result.meetingId)}>Se mødets side</a>
        </li>
        <li>
          <a href={versionUrl(result.meetingId, data.kind, result.version)}>Se version {result.version}</a>
        </li>
        <li>
          <a href={IMPORT_PATH}>Indlæs et dokument mere</a>
        </li>
      </ul>
    </Layout>,
  );
}
