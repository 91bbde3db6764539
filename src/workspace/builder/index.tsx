/**
 * @module The agenda builder's routes, mounted in the workspace (which has checked the session,
 * the CSRF token and the body size): an organisation's page, its template, a new meeting, the
 * builder of an agenda draft and its items, publishing. Every route that touches an
 * organisation's drafts checks `canWrite` (403 otherwise); every save names the revision the form
 * was opened on (DraftConflict → 409 with the submitted text kept in the form).
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../../db/audit.js';
import { createDraft, DraftConflict, getDraft, listDrafts, publishDraft, saveDraft, type Draft } from '../../db/drafts.js';
import type { AgendaItem, MeetingDocument, Viewer } from '../../model/index.js';
import { Blocks } from '../../web/components/blocks.js';
import { danishDate } from '../../web/format.js';
import { renderForbiddenPage } from '../../web/pages/login.js';
import { renderNotFoundPage } from '../../web/pages/errors.js';
import { canWrite } from '../access.js';
import { signedIn, type WorkspaceDeps } from '../index.js';
import { addItem, blankItem, deleteItem, indentItem, moveItem, outdentItem } from '../item-ops.js';
import { markupToBlocks } from '../markup.js';
import { renderAgendaPage } from '../pages/agenda.js';
import { renderItemPage } from '../pages/agenda-item.js';
import { megabytes } from '../pages/errors.js';
import { EMPTY_FACTS, renderNewMeetingPage, type FactsValues } from '../pages/new-meeting.js';
import { renderOrganizationPage } from '../pages/organization.js';
import { renderTemplatePage } from '../pages/template.js';
import { prefillAgenda } from '../prefill.js';
import { formatTemplate, parseTemplateText, saveTemplate, templateFor } from '../templates.js';
import { checkBilag, storeBlob } from '../uploads.js';
import { agendaDraftUrl, agendaItemUrl, templateUrl } from '../urls.js';
import { organizationById, organizationBySlug, organizationMeetings, meetingOn, publishedVersion, type Organization } from './data.js';
import { earlierMeetings } from './earlier.js';
import { buildItem, field, itemToValues, readItemForm, type FormBody } from './item-form.js';

type Env = { Variables: { viewer: Viewer } };

const actor = (): Actor => {
  const { user } = signedIn();
  return { kind: 'user', userId: user.id, email: user.email };
};

const SAVED: Record<string, string> = {
  moede: 'Mødets oplysninger er gemt.',
  punkt: 'Punktet er gemt.',
  tilfoejet: 'Punktet er tilføjet.',
  flyttet: 'Dagsordenen er ændret.',
  offentliggjort: 'Dagsordenen er offentliggjort.',
  uaendret: 'Intet er ændret siden sidste offentliggørelse; der er ikke lavet en ny version.',
  skabelon: 'Skabelonen er gemt.',
};

const TIME = /^\d{2}:\d{2}$/;

/** The meeting's facts from a form, or why not (Danish). */
function readFacts(form: FormBody): { ok: true; values: FactsValues } | { ok: false; values: FactsValues; message: string } {
  const values: FactsValues = {
    date: field(form, 'dato').trim(),
    startTime: field(form, 'start').trim(),
    endTime: field(form, 'slut').trim(),
    location: field(form, 'sted').trim(),
    online: field(form, 'online') !== '',
    title: field(form, 'titel').trim(),
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(values.date))) return { ok: false, values, message: 'Skriv mødets dato (åååå-mm-dd).' };
  for (const [t, name] of [[values.startTime, 'Starttidspunktet'], [values.endTime, 'Sluttidspunktet']] as const) {
    if (t !== '' && !TIME.test(t)) return { ok: false, values, message: `${name} skal skrives tt:mm.` };
  }
  if (values.startTime && values.endTime && values.endTime < values.startTime) return { ok: false, values, message: 'Mødet slutter før det begynder.' };
  return { ok: true, values };
}

const orNull = (s: string) => (s === '' ? null : s);

export function builderRoutes(deps: WorkspaceDeps): Hono<Env> {
  const { db } = deps;
  const app = new Hono<Env>();
  const body = async (c: Context<Env>) => (await c.req.parseBody({ all: true })) as FormBody;
  const forbidden = (c: Context<Env>) => c.html(renderForbiddenPage('Du er ikke sekretær for denne organisation.'), 403);
  // The 404 page says enough; `what` documents the cause at the call.
  const notFound = (c: Context<Env>, _what: string) => c.html(renderNotFoundPage(), 404);
  const conflict = (c: Context<Env>, draftId: number, error: unknown) => {
    if (!(error instanceof DraftConflict)) throw error;
    return c.redirect(`${agendaDraftUrl(draftId)}?konflikt=1`, 303);
  };

  /** The organisation of the route, when the user writes for it (else the response to send). */
  async function organizationOf(c: Context<Env>): Promise<Organization | Response> {
    const org = await organizationBySlug(db, c.req.param('slug') ?? '');
    if (!org) return notFound(c, 'Organisationen findes ikke.');
    if (!canWrite(signedIn().user, org.id)) return forbidden(c);
    return org;
  }

  /** The agenda draft of the route with its organisation, when the user writes for it. */
  async function draftOf(c: Context<Env>): Promise<{ draft: Draft; org: Organization } | Response> {
    const id = Number(c.req.param('id'));
    const draft = Number.isInteger(id) ? await getDraft(db, id) : null;
    if (!draft || draft.kind !== 'agenda') return notFound(c, 'Dagsordenen findes ikke i arbejdsrummet.');
    if (!canWrite(signedIn().user, draft.organizationId)) return forbidden(c);
    return { draft, org: (await organizationById(db, draft.organizationId))! };
  }

  /** The draft and the item the path names (`:index`), or the 404 to answer. */
  async function draftItemOf(c: Context<Env>): Promise<{ draft: Draft; org: Organization; index: number; item: AgendaItem } | Response> {
    const found = await draftOf(c);
    if (found instanceof Response) return found;
    const index = Number(c.req.param('index'));
    const item = Number.isInteger(index) ? found.draft.model.items[index] : undefined;
    if (!item) return notFound(c, 'Punktet findes ikke på dagsordenen.');
    return { ...found, index, item };
  }

  async function agendaPage(c: Context<Env>, draft: Draft, org: Organization, notice: { error?: string; saved?: string; note?: string } = {}, status: 200 | 400 | 409 = 200) {
    const published = draft.publishedVersionId !== null ? await publishedVersion(db, draft.publishedVersionId) : null;
    return c.html(renderAgendaPage({ draft, organization: org, published, ...notice }), status);
  }

  // The organisation's page: drafts and meetings.
  app.get('/organisationer/:slug', async (c) => {
    const org = await organizationOf(c);
    if (org instanceof Response) return org;
    const [drafts, meetings] = await Promise.all([listDrafts(db, org.id), organizationMeetings(db, org.id)]);
    return c.html(
      renderOrganizationPage({
        organization: org,
        drafts: drafts.map((d) => ({ id: d.id, kind: d.kind, date: d.model.date, published: d.publishedVersionId !== null, updatedAt: d.updatedAt, updatedBy: d.updatedBy })),
        meetings,
      }),
    );
  });

  // The organisation's template.
  app.get('/organisationer/:slug/skabelon', async (c) => {
    const org = await organizationOf(c);
    if (org instanceof Response) return org;
    const template = await templateFor(db, org);
    return c.html(renderTemplatePage({ organization: org, text: formatTemplate(template.items), source: template.source, saved: c.req.query('gemt') ? SAVED.skabelon : undefined }));
  });
  app.post('/organisationer/:slug/skabelon', async (c) => {
    const org = await organizationOf(c);
    if (org instanceof Response) return org;
    const text = field(await body(c), 'skabelon');
    const parsed = parseTemplateText(text);
    if (!parsed.ok) return c.html(renderTemplatePage({ organization: org, text, source: (await templateFor(db, org)).source, error: parsed.message }), 400);
    await saveTemplate(db, actor(), org.id, parsed.items);
    return c.redirect(`${templateUrl(org.slug)}?gemt=1`, 303);
  });

  // A new meeting: its facts → a pre-filled agenda draft.
  app.get('/organisationer/:slug/nyt-moede', async (c) => {
    const org = await organizationOf(c);
    if (org instanceof Response) return org;
    return c.html(renderNewMeetingPage({ organization: org, values: EMPTY_FACTS }));
  });
  app.post('/organisationer/:slug/nyt-moede', async (c) => {
    const org = await organizationOf(c);
    if (org instanceof Response) return org;
    const facts = readFacts(await body(c));
    if (!facts.ok) return c.html(renderNewMeetingPage({ organization: org, values: facts.values, error: facts.message }), 400);
    const v = facts.values;
    if ((await meetingOn(db, org.id, v.date)) !== null) {
      return c.html(renderNewMeetingPage({ organization: org, values: v, error: `${org.name} har allerede et møde den ${danishDate(v.date)}. Ret det møde fra organisationens side, eller vælg en anden dato.` }), 400);
    }
    const template = await templateFor(db, org);
    const model = prefillAgenda({
      organizationName: org.name,
      template: template.items,
      facts: { date: v.date, startTime: orNull(v.startTime), endTime: orNull(v.endTime), location: orNull(v.location), online: v.online, title: orNull(v.title) },
      ...(await earlierMeetings(db, org.id, v.date)),
    });
    const draft = await createDraft(db, actor(), { organizationId: org.id, kind: 'agenda', model });
    return c.redirect(agendaDraftUrl(draft.id), 303);
  });

  // The builder.
  app.get('/dagsordener/:id', async (c) => {
    const found = await draftOf(c);
    if (found instanceof Response) return found;
    const conflictNotice = c.req.query('konflikt') ? { error: new DraftConflict(found.draft.revision).message.replace('åbn kladden igen', 'her er den nyeste udgave') } : {};
    return agendaPage(c, found.draft, found.org, { saved: SAVED[c.req.query('gemt') ?? ''], ...conflictNotice });
  });

  app.post('/dagsordener/:id/moede', async (c) => {
    const found = await draftOf(c);
    if (found instanceof Response) return found;
    const { draft, org } = found;
    const form = await body(c);
    const facts = readFacts(form);
    if (!facts.ok) return agendaPage(c, draft, org, { error: facts.message }, 400);
    const v = facts.values;
    if (draft.publishedVersionId !== null && v.date !== draft.model.date) {
      return agendaPage(c, draft, org, { error: 'Datoen kan ikke ændres, når dagsordenen er offentliggjort: den offentlige side hører til datoen.' }, 400);
    }
    if (draft.publishedVersionId === null && v.date !== draft.model.date && (await meetingOn(db, org.id, v.date)) !== null) {
      return agendaPage(c, draft, org, { error: `${org.name} har allerede et møde den ${danishDate(v.date)}.` }, 400);
    }
    const model: MeetingDocument = {
      ...draft.model,
      date: v.date,
      startTime: orNull(v.startTime),
      endTime: orNull(v.endTime),
      location: orNull(v.location),
      online: v.online,
      title: v.title || draft.model.title,
    };
    try {
      await saveDraft(db, actor(), draft.id, Number(field(form, 'revision')), model);
    } catch (error) {
      return conflict(c, draft.id, error);
    }
    return c.redirect(`${agendaDraftUrl(draft.id)}?gemt=moede`, 303);
  });

  app.post('/dagsordener/:id/punkter', async (c) => {
    const found = await draftOf(c);
    if (found instanceof Response) return found;
    const { draft, org } = found;
    const form = await body(c);
    const title = field(form, 'titel').trim();
    if (title === '') return agendaPage(c, draft, org, { error: 'Skriv punktets titel.' }, 400);
    const under = field(form, 'under');
    const parent = under === '' ? null : Number(under);
    const added = addItem(draft.model.items, blankItem(title), parent !== null && Number.isInteger(parent) ? parent : null);
    try {
      await saveDraft(db, actor(), draft.id, Number(field(form, 'revision')), { ...draft.model, items: added.items }, 'draft.item.add');
    } catch (error) {
      return conflict(c, draft.id, error);
    }
    return c.redirect(`${agendaItemUrl(draft.id, added.index)}?gemt=tilfoejet`, 303);
  });

  app.post('/dagsordener/:id/punkter/:index/flyt', async (c) => {
    const found = await draftOf(c);
    if (found instanceof Response) return found;
    const { draft } = found;
    const form = await body(c);
    const index = Number(c.req.param('index'));
    if (!Number.isInteger(index) || index < 0 || index >= draft.model.items.length) return notFound(c, 'Punktet findes ikke på dagsordenen.');
    const items = draft.model.items;
    const action = field(form, 'action');
    const next =
      action === 'up' || action === 'down' ? moveItem(items, index, action).items
      : action === 'indent' ? indentItem(items, index)
      : action === 'outdent' ? outdentItem(items, index)
      : action === 'delete' ? deleteItem(items, index)
      : null;
    if (next === null) return c.html(renderForbiddenPage('Ukendt handling.'), 400);
    try {
      await saveDraft(db, actor(), draft.id, Number(field(form, 'revision')), { ...draft.model, items: next }, `draft.item.${action}`);
    } catch (error) {
      return conflict(c, draft.id, error);
    }
    return c.redirect(`${agendaDraftUrl(draft.id)}?gemt=flyttet#punkter-overskrift`, 303);
  });

  const itemPage = (c: Context<Env>, draft: Draft, org: Organization, index: number, values: ReturnType<typeof itemToValues>, notice: { error?: string; saved?: string }, status: 200 | 400 | 409 = 200) =>
    c.html(
      renderItemPage({
        draft: { id: draft.id, revision: draft.revision, date: draft.model.date },
        organization: org,
        index,
        number: draft.model.items[index]!.number,
        values,
        maxUploadMb: megabytes(deps.maxUploadBytes),
        ...notice,
      }),
      status,
    );

  app.get('/dagsordener/:id/punkter/:index', async (c) => {
    const found = await draftItemOf(c);
    if (found instanceof Response) return found;
    const { draft, org, index, item } = found;
    const extra = Math.min(Number(c.req.query('nye') ?? 0) || 0, 10);
    return itemPage(c, draft, org, index, itemToValues(item, extra), { saved: SAVED[c.req.query('gemt') ?? ''] });
  });

  app.post('/dagsordener/:id/punkter/:index', async (c) => {
    const found = await draftItemOf(c);
    if (found instanceof Response) return found;
    const { draft, org, index, item } = found;
    const form = await body(c);
    const read = readItemForm(form, item);
    if (read.values.title === '') return itemPage(c, draft, org, index, read.values, { error: 'Punktet skal have en titel.' }, 400);
    let uploaded: Parameters<typeof buildItem>[2] = null;
    if (read.upload) {
      const bytes = new Uint8Array(await read.upload.file.arrayBuffer());
      const check = checkBilag(bytes, read.upload.file.name, deps.maxUploadBytes);
      if (!check.ok) return itemPage(c, draft, org, index, read.values, { error: `${check.message} Intet er gemt; vælg filen igen.` }, 400);
      const sha256 = await db.transaction((tx) => storeBlob(tx, bytes));
      uploaded = { title: read.upload.title, fileName: read.upload.file.name, sha256, access: read.upload.access };
    }
    const built = buildItem(item, read, uploaded);
    const items = draft.model.items.map((it, k) => (k === index ? built : it));
    try {
      await saveDraft(db, actor(), draft.id, Number(field(form, 'revision')), { ...draft.model, items }, 'draft.item.save');
    } catch (error) {
      if (!(error instanceof DraftConflict)) throw error;
      // Nothing lost: the form comes back with what was written, over the newer draft's revision.
      const now = (await getDraft(db, draft.id))!;
      const message = `${error.message.replace(' åbn kladden igen.', '')} Din tekst står herunder; gem igen for at lægge den over den nyeste udgave.`;
      return now.model.items[index] ? itemPage(c, now, org, index, read.values, { error: message }, 409) : conflict(c, draft.id, error);
    }
    const next = field(form, 'action') === 'add-section' ? `?nye=1#afsnit-${built.sections.length}-overskrift` : '?gemt=punkt';
    return c.redirect(`${agendaItemUrl(draft.id, index)}${next}`, 303);
  });

  // Publishing: the first time at once; afterwards only with a "Rettet" note.
  app.post('/dagsordener/:id/offentliggoer', async (c) => {
    const found = await draftOf(c);
    if (found instanceof Response) return found;
    const { draft, org } = found;
    const form = await body(c);
    const note = field(form, 'rettet').trim();
    if (draft.publishedVersionId !== null && note === '') {
      return agendaPage(c, draft, org, { error: 'Dagsordenen er allerede offentliggjort. Skriv, hvad der er rettet; teksten vises som »Rettet« på mødesiden.' }, 400);
    }
    if (draft.model.items.some((i) => i.title.trim() === '')) return agendaPage(c, draft, org, { error: 'Alle punkter skal have en titel.', note }, 400);
    let status: string;
    try {
      status = (await publishDraft(db, actor(), draft.id, Number(field(form, 'revision')), draft.publishedVersionId === null ? null : note)).status;
    } catch (error) {
      return conflict(c, draft.id, error);
    }
    // After the commit, whoever follows publications (the e-mail alerts) is told.
    if (status !== 'unchanged') deps.published();
    return c.redirect(`${agendaDraftUrl(draft.id)}?gemt=${status === 'unchanged' ? 'uaendret' : 'offentliggjort'}`, 303);
  });

  // The live preview of section markup (the builder's script; without it the saved item shows the result).
  app.post('/forhaandsvisning', async (c) => {
    const { blocks } = markupToBlocks(field(await body(c), 'tekst'));
    return c.html(<Blocks blocks={blocks} headingLevel={3} />);
  });

  return app;
}

