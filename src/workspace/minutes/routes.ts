/**
 * @module The minutes routes of the workspace: start a meeting's minutes from its published
 * agenda (startMinutesUrl), and the editor (minutesDraftUrl) whose one form saves attendance and
 * decisions, applies a quick phrase, or publishes. Every route checks that the account writes for
 * the meeting's organisation; every save goes through saveDraft with the form's revision.
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../../db/audit.js';
import { createDraft, draftForMeeting, DraftConflict, getDraft, publishDraft, saveDraft, type Draft } from '../../db/drafts.js';
import { copenhagenToday, type Viewer } from '../../model/index.js';
import { renderForbiddenPage } from '../../web/pages/login.js';
import { renderNotFoundPage } from '../../web/pages/errors.js';
import { canWrite } from '../access.js';
import { signedIn, type WorkspaceDeps } from '../index.js';
import { MinutesInputError, startMinutes } from '../minutes.js';
import { minutesDraftUrl } from '../urls.js';
import { applyEditorForm, readEditorForm, stateOf, type EditorState } from './form.js';
import { renderMinutesEditor, type EditorMessage } from './page.js';
import { renderStartMinutesPage } from './start-page.js';
import { latestMinutesBefore, meetingForMinutes, organizationOf } from './store.js';

type Env = { Variables: { viewer: Viewer } };

const FORBIDDEN = 'Du skriver ikke for denne organisation.';
const NO_AGENDA = 'Mødet har ingen offentliggjort dagsorden. Offentliggør dagsordenen først.';

const idOf = (segment: string | undefined) => (segment && /^[1-9]\d{0,9}$/.test(segment) && Number(segment) <= 2_147_483_647 ? Number(segment) : null);

const actor = (): Actor => {
  const { user } = signedIn();
  return { kind: 'user', userId: user.id, email: user.email };
};

export function createMinutesRoutes(deps: WorkspaceDeps): Hono<Env> {
  const { db } = deps;
  const app = new Hono<Env>();
  const notFound = (c: Context) => c.html(renderNotFoundPage(), 404);
  const forbidden = (c: Context) => c.html(renderForbiddenPage(FORBIDDEN), 403);

  /** The meeting the start route names, if the account writes for its organisation. */
  async function meetingOf(c: Context) {
    const id = idOf(c.req.param('id'));
    const meeting = id === null ? null : await meetingForMinutes(db, id);
    if (!meeting || meeting.organizationId === null) return { response: notFound(c) } as const;
    if (!canWrite(signedIn().user, meeting.organizationId)) return { response: forbidden(c) } as const;
    return { meeting } as const;
  }

  app.get('/moeder/:id/referat', async (c) => {
    const found = await meetingOf(c);
    if ('response' in found) return found.response;
    const { meeting } = found;
    const draft = await draftForMeeting(db, meeting.id, 'minutes');
    if (draft) return c.redirect(minutesDraftUrl(draft.id), 303);
    const refusal = meeting.agenda || meeting.minutes ? null : NO_AGENDA;
    return c.html(renderStartMinutesPage({ meetingId: meeting.id, organizationName: meeting.organizationName, date: meeting.date, csrf: signedIn().csrf, refusal }));
  });

  app.post('/moeder/:id/referat', async (c) => {
    const found = await meetingOf(c);
    if ('response' in found) return found.response;
    const { meeting } = found;
    const existing = await draftForMeeting(db, meeting.id, 'minutes');
    if (existing) return c.redirect(minutesDraftUrl(existing.id), 303);
    // Minutes already public (imported, or a draft since deleted) are corrected, not rewritten from the agenda.
    const model = meeting.minutes ?? (meeting.agenda && startMinutes(meeting.agenda, await latestMinutesBefore(db, meeting.organizationId!, meeting.date)));
    if (!model) {
      return c.html(renderStartMinutesPage({ meetingId: meeting.id, organizationName: meeting.organizationName, date: meeting.date, csrf: signedIn().csrf, refusal: NO_AGENDA }), 409);
    }
    try {
      const draft = await createDraft(db, actor(), { organizationId: meeting.organizationId!, kind: 'minutes', meetingId: meeting.id, model });
      return c.redirect(minutesDraftUrl(draft.id), 303);
    } catch (err) {
      // Two starts at once: the one live minutes draft per meeting (a unique index) is the other's.
      const raced = await draftForMeeting(db, meeting.id, 'minutes');
      if (raced) return c.redirect(minutesDraftUrl(raced.id), 303);
      throw err;
    }
  });

  /** The minutes draft the editor route names, if the account writes for its organisation. */
  async function draftOf(c: Context) {
    const id = idOf(c.req.param('id'));
    const draft = id === null ? null : await getDraft(db, id);
    if (!draft || draft.kind !== 'minutes') return { response: notFound(c) } as const;
    if (!canWrite(signedIn().user, draft.organizationId)) return { response: forbidden(c) } as const;
    return { draft } as const;
  }

  /** The editor page for a draft, showing `state` (the draft's own, or a refused form's). */
  async function editor(c: Context, draft: Draft, options: { state?: EditorState; revision?: number; messages?: EditorMessage[]; status?: 200 | 400 | 409 } = {}) {
    const meeting = draft.meetingId === null ? null : await meetingForMinutes(db, draft.meetingId);
    const html = renderMinutesEditor({
      draftId: draft.id,
      revision: options.revision ?? draft.revision,
      doc: draft.model,
      state: options.state ?? stateOf(draft.model),
      csrf: signedIn().csrf,
      organization: await organizationOf(db, draft.organizationId),
      meetingId: draft.meetingId,
      published: draft.publishedVersionId !== null || (meeting?.minutes ?? null) !== null,
      today: copenhagenToday(deps.now()),
      messages: options.messages ?? [],
    });
    return c.html(html, options.status ?? 200);
  }

  app.get('/referater/:id', async (c) => {
    const found = await draftOf(c);
    if ('response' in found) return found.response;
    const messages: EditorMessage[] = [];
    const version = c.req.query('offentliggjort');
    if (c.req.query('gemt') !== undefined) messages.push({ variant: 'success', heading: 'Gemt', text: 'Fremmøde og beslutninger er gemt i kladden.' });
    if (version && /^\d{1,6}$/.test(version)) {
      messages.push({ variant: 'success', heading: 'Referatet er offentliggjort', text: `Version ${version} af referatet står nu på mødets offentlige side.` });
    }
    if (c.req.query('uaendret') !== undefined) messages.push({ variant: 'info', heading: 'Intet nyt at offentliggøre', text: 'Referatet er det samme som den offentliggjorte version.' });
    return editor(c, found.draft, { messages });
  });

  app.post('/referater/:id', async (c) => {
    const found = await draftOf(c);
    if ('response' in found) return found.response;
    const { draft } = found;
    const submitted = readEditorForm(await c.req.parseBody({ all: true }));
    const refuse = (text: string, status: 400 | 409 = 400) =>
      editor(c, draft, { state: submitted.state, revision: submitted.revision ?? draft.revision, status, messages: [{ variant: 'error', heading: 'Ikke gemt', text }] });
    if (submitted.revision === null) return refuse('Formularen mangler kladdens version. Åbn kladden igen.');
    let model;
    try {
      model = applyEditorForm(draft.model, submitted);
    } catch (err) {
      if (err instanceof MinutesInputError) return refuse(err.message);
      throw err;
    }
    const published = draft.publishedVersionId !== null || (draft.meetingId !== null && (await meetingForMinutes(db, draft.meetingId))?.minutes != null);
    if (submitted.action === 'publish' && published && !submitted.note) {
      return refuse('Referatet er offentliggjort før. Skriv under »Rettet«, hvad der er ændret, og offentliggør igen.');
    }
    try {
      const saved = await saveDraft(db, actor(), draft.id, submitted.revision, model, 'minutes.save');
      if (submitted.action === 'publish') {
        const result = await publishDraft(db, actor(), draft.id, saved.revision, published ? submitted.note : null);
        // After the commit, whoever follows publications (the e-mail alerts) is told.
        if (result.status !== 'unchanged') deps.published();
        return c.redirect(`${minutesDraftUrl(draft.id)}?${result.status === 'unchanged' ? 'uaendret' : `offentliggjort=${result.version}`}`, 303);
      }
      const anchor = submitted.phrase ? `#punkt-${submitted.phrase.item}` : '';
      return c.redirect(`${minutesDraftUrl(draft.id)}?gemt${anchor}`, 303);
    } catch (err) {
      if (!(err instanceof DraftConflict)) throw err;
      // Someone saved since this form was opened: show their draft, not this form over it.
      const current = (await getDraft(db, draft.id)) ?? draft;
      return editor(c, current, { status: 409, messages: [{ variant: 'error', heading: 'Ikke gemt', text: err.message }] });
    }
  });

  return app;
}
