/**
 * @module The allocation part of the workspace (issue 13), at /arbejdsrum/fordelinger: population
 * figures (FOLK1A upload, one transaction; a figure corrected by form) and allocations created on
 * an item of a meeting the secretary writes for. The workspace's guard and CSRF check come first.
 */
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { AllocationInputError } from '../../allocation/index.js';
import { parseFolk1a, PopulationCsvError } from '../../allocation/folk1a.js';
import { ALL_MUNICIPALITIES, findMunicipality } from '../../allocation/municipalities.js';
import type { Actor } from '../../db/audit.js';
import { allocationHistory, liveItem, saveAllocation } from '../../db/allocations.js';
import { populationOf, populationPeriods, setPopulationFigure, storePopulation } from '../../db/population.js';
import { queryRows } from '../../db/rows.js';
import type { Viewer } from '../../model/index.js';
import { danishDate } from '../../web/format.js';
import { renderForbiddenPage } from '../../web/pages/login.js';
import { canWrite } from '../access.js';
import { signedIn, type WorkspaceDeps } from '../index.js';
import { inputsFromForm, parseWhole, type FormFields } from './form.js';
import { renderAllocationItem, renderAllocationMeeting, renderAllocationsHome, renderPopulationPeriod } from './pages.js';
import { allocationItemUrl, populationPeriodUrl } from './urls.js';

type Env = { Variables: { viewer: Viewer } };

const actor = (): Actor => ({ kind: 'user', userId: signedIn().user.id, email: signedIn().user.email });
const PERIOD = /^\d{4}(K[1-4])?$/u;
const messageOf = (e: unknown) => (e instanceof AllocationInputError || e instanceof PopulationCsvError || e instanceof Error ? e.message : String(e));

export function createAllocationWorkspace(deps: WorkspaceDeps): Hono<Env> {
  const { db } = deps;
  const app = new Hono<Env>();
  const form = async (c: { req: { parseBody: (o: { all: true }) => Promise<Record<string, unknown>> } }) => (await c.req.parseBody({ all: true })) as Record<string, string | string[] | File>;

  const home = async (extra: { error?: string; saved?: string } = {}) => {
    const user = signedIn().user;
    const meetings = await queryRows<{ id: number; date: string | null; body: string }>(
      db,
      sql`select m.id, m.date::text as date, o.name as body from meetings m join organizations o on o.id = m.organization_id
           where m.deleted_at is null ${user.admin ? sql`` : sql`and m.organization_id = any(${sql.raw(`'{${user.roles.filter((r) => r.role === 'secretary').map((r) => r.organizationId).join(',')}}'::int[]`)})`}
           order by m.date desc nulls last, m.id desc limit 40`,
    );
    return renderAllocationsHome({ csrf: signedIn().csrf, periods: await populationPeriods(db), meetings, ...extra });
  };

  app.get('/', async (c) => c.html(await home()));

  app.post('/folketal', async (c) => {
    const body = await form(c);
    const file = body.fil;
    const source = typeof body.kilde === 'string' ? body.kilde.trim() : '';
    if (!(file instanceof File) || file.size === 0) return c.html(await home({ error: 'Vælg en CSV-fil.' }), 400);
    try {
      const parsed = parseFolk1a(new Uint8Array(await file.arrayBuffer()), file.name);
      const summary = await storePopulation(db, actor(), parsed.figures, `${source || 'Danmarks Statistik, FOLK1A'} (${file.name})`);
      return c.html(await home({ saved: `${file.name}: ${summary.added} nye, ${summary.changed} ændrede og ${summary.unchanged} uændrede folketal; ${parsed.skipped} rækker sprunget over (hele landet, regioner, opdelinger).` }));
    } catch (e) {
      return c.html(await home({ error: messageOf(e) }), 400);
    }
  });

  const periodPage = async (period: string, extra: { error?: string; saved?: string } = {}) =>
    renderPopulationPeriod({ csrf: signedIn().csrf, period, figures: await populationOf(db, period), municipalities: ALL_MUNICIPALITIES.map((m) => m.name), ...extra });

  app.get('/folketal/:period', async (c) => {
    const period = c.req.param('period');
    if (!PERIOD.test(period)) return c.notFound();
    return c.html(await periodPage(period));
  });

  app.post('/folketal/:period', async (c) => {
    const period = c.req.param('period');
    if (!PERIOD.test(period)) return c.notFound();
    const body = await form(c);
    const m = findMunicipality(String(body.kommune ?? ''));
    try {
      if (!m) throw new Error('Vælg en kommune.');
      const count = parseWhole(String(body.antal ?? ''), 'Indbyggertallet');
      await setPopulationFigure(db, actor(), { code: m.code, municipality: m.name, period, count }, String(body.kilde ?? ''));
      return c.redirect(populationPeriodUrl(period), 303);
    } catch (e) {
      return c.html(await periodPage(period, { error: messageOf(e) }), 400);
    }
  });

  app.get('/moeder/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const meeting = Number.isSafeInteger(id) ? await meetingOf(id) : null;
    if (!meeting) return c.notFound();
    if (!canWrite(signedIn().user, meeting.organization_id)) return c.html(renderForbiddenPage('Du skriver ikke for denne organisation.'), 403);
    const items = await queryRows<{ number: string; title: string; allocations: number }>(
      db,
      sql`select i.number, i.title, (select count(distinct a.slot)::int from allocations a where a.agenda_item_id = i.id) as allocations
            from agenda_items i where i.meeting_id = ${id} and i.deleted_at is null order by i.position`,
    );
    return c.html(renderAllocationMeeting({ meetingId: id, title: meeting.title, items }));
  });

  const meetingOf = async (id: number) =>
    (
      await queryRows<{ organization_id: number; title: string }>(
        db,
        sql`select m.organization_id, o.name || ', ' || coalesce(m.date::text, 'udateret') as title from meetings m join organizations o on o.id = m.organization_id where m.id = ${id} and m.deleted_at is null`,
      )
    ).map((r) => ({ ...r, title: r.title.replace(/\d{4}-\d{2}-\d{2}$/u, (d) => danishDate(d)) }))[0] ?? null;

  /** The item and its page's data, or a response refusing it. */
  const itemPage = async (id: number, number: string, formFields: FormFields, periodWanted: string | undefined, extra: { error?: string; saved?: string } = {}) => {
    const item = await liveItem(db, id, number);
    const meeting = item && (await meetingOf(id));
    if (!item || !meeting) return null;
    const periods = (await populationPeriods(db)).map((p) => p.period);
    const period = periodWanted && periods.includes(periodWanted) ? periodWanted : (periods[0] ?? null);
    const population = period ? await populationOf(db, period) : [];
    return {
      item,
      meeting,
      period,
      population,
      html: () =>
        allocationHistory(db, item.id).then((history) =>
          renderAllocationItem({ csrf: signedIn().csrf, meetingId: id, meetingTitle: meeting.title, number, title: item.title, history, periods, period, population, form: formFields, ...extra }),
        ),
    };
  };

  app.get('/moeder/:id/punkter/:number', async (c) => {
    const id = Number(c.req.param('id'));
    const page = Number.isSafeInteger(id) ? await itemPage(id, c.req.param('number'), {}, c.req.query('periode')) : null;
    if (!page) return c.notFound();
    if (!canWrite(signedIn().user, page.meeting.organization_id)) return c.html(renderForbiddenPage('Du skriver ikke for denne organisation.'), 403);
    return c.html(await page.html());
  });

  app.post('/moeder/:id/punkter/:number', async (c) => {
    const id = Number(c.req.param('id'));
    const number = c.req.param('number');
    const body = await form(c);
    const fields: FormFields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string' || Array.isArray(v)).map(([k, v]) => [k, v as string | string[]]));
    const page = Number.isSafeInteger(id) ? await itemPage(id, number, fields, typeof body.periode === 'string' ? body.periode : undefined) : null;
    if (!page) return c.notFound();
    if (!canWrite(signedIn().user, page.meeting.organization_id)) return c.html(renderForbiddenPage('Du skriver ikke for denne organisation.'), 403);
    try {
      if (!page.period) throw new AllocationInputError('Indlæs først folketal.');
      const inputs = inputsFromForm(fields, page.population);
      await saveAllocation(db, actor(), page.item.id, null, { title: typeof fields.title === 'string' ? fields.title : '', inputs, populationPeriod: page.period });
      return c.redirect(allocationItemUrl(id, number), 303);
    } catch (e) {
      const failed = await itemPage(id, number, fields, page.period ?? undefined, { error: messageOf(e) });
      return c.html(await failed!.html(), 400);
    }
  });

  return app;
}
