/**
 * @module /arbejdsrum/udledt: records derived from items — appointments, seats tables, planned meetings,
 * promised items — that a secretary confirms, changes (person, role, period, date, seats) or rejects as
 * wrongly read (db/derived.ts). The decision is kept under the item and what it stated, so re-imports
 * apply it again; the item's meeting is projected again at once. A secretary sees and corrects what
 * came from the items of organisations they write for; every decision is audited.
 */
import { Hono } from 'hono';
import { writeAudit } from '../../db/audit.js';
import { CHANGE_VALUES, recordCorrection, type DerivedKind } from '../../db/derived.js';
import { projectMeeting } from '../../db/projection.js';
import { listOrganizations } from '../../db/users.js';
import { MembershipRole, ROLE_LABELS, type Viewer } from '../../model/index.js';
import { correctionText } from '../../web/components/derived.js';
import { danishDate } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { itemUrl } from '../../web/urls.js';
import { canWrite, secretaryOrganizations } from '../access.js';
import { signedIn, type WorkspaceDeps } from '../index.js';
import { Csrf, crumbs, Message, type Notice } from '../pages/common.js';
import { correctedItem, derivedRecords, type DerivedRecord } from './data.js';

type Env = { Variables: { viewer: Viewer } };

const KINDS: Array<{ kind: DerivedKind; heading: string; id: string }> = [
  { kind: 'appointment', heading: 'Udpegninger', id: 'udpegninger' },
  { kind: 'seat', heading: 'Pladser pr. valgperiode', id: 'pladser' },
  { kind: 'planned', heading: 'Planlagte møder fra mødekalendere', id: 'planlagte' },
  { kind: 'promise', heading: 'Lovede punkter', id: 'lovede' },
];
const ACTIONS = { bekraeft: 'confirm', ret: 'change', afvis: 'reject', fortryd: 'undo' } as const;
const FIELD_LABELS: Record<string, string> = { name: 'Navn', role: 'Rolle', startDate: 'Fra (ÅÅÅÅ-MM-DD)', endDate: 'Til (ÅÅÅÅ-MM-DD)', seats: 'Pladser', period: 'Valgperiode', date: 'Dato (ÅÅÅÅ-MM-DD)', forDate: 'Lovet til (ÅÅÅÅ-MM-DD)' };

function Field(props: { id: string; name: string; value: string }) {
  const { id, name, value } = props;
  return (
    <div class="form-group derived-field">
      <label class="form-label" for={id}>{FIELD_LABELS[name] ?? name}</label>
      {name === 'role' ? (
        <select class="form-select" id={id} name={name}>
          {MembershipRole.options.map((r) => <option value={r} selected={r === value}>{ROLE_LABELS[r]}</option>)}
        </select>
      ) : (
        <input class="form-input input-width-m" type="text" id={id} name={name} value={value} />
      )}
    </div>
  );
}

function Hidden(props: { record: DerivedRecord }) {
  return (
    <>
      <Csrf />
      <input type="hidden" name="kind" value={props.record.kind} />
      <input type="hidden" name="item" value={String(props.record.itemId)} />
      <input type="hidden" name="key" value={props.record.key} />
    </>
  );
}

function Record(props: { record: DerivedRecord; n: string }) {
  const { record: r, n } = props;
  return (
    <li class="derived-record mt-5">
      <h3 class="h5" id={`post-${n}`}>{r.description}</h3>
      <p>
        <a href={itemUrl(r.meeting.id, r.number)}>Udledt af punkt {r.number}</a> på {r.meeting.body}s møde {r.meeting.date ? `den ${danishDate(r.meeting.date)}` : '(uden dato)'}
        {' · '}<strong>{correctionText(r.correction)}</strong>
        {r.correction ? ` (${r.correction.decidedBy})` : ''}
      </p>
      {r.correction?.action === 'reject' ? (
        <form method="post" action="/arbejdsrum/udledt" aria-labelledby={`post-${n}`}>
          <Hidden record={r} />
          <button class="button button-secondary" type="submit" name="handling" value="fortryd">Fortryd afvisningen</button>
        </form>
      ) : (
        <form method="post" action="/arbejdsrum/udledt" aria-labelledby={`post-${n}`}>
          <Hidden record={r} />
          <fieldset>
            <legend class="sr-only">Ret {r.description}</legend>
            {Object.entries(r.fields).map(([name, value]) => <Field id={`f-${n}-${name}`} name={name} value={value} />)}
          </fieldset>
          <button class="button button-primary" type="submit" name="handling" value="bekraeft">Bekræft</button>{' '}
          <button class="button button-secondary" type="submit" name="handling" value="ret">Gem rettelse</button>{' '}
          <button class="button button-secondary" type="submit" name="handling" value="afvis">Afvis som forkert læst</button>
          {r.correction ? <>{' '}<button class="button button-tertiary" type="submit" name="handling" value="fortryd">Fortryd</button></> : null}
        </form>
      )}
    </li>
  );
}

function renderDerived(records: Awaited<ReturnType<typeof derivedRecords>>, notice: Notice): string {
  return renderPage(
    <Layout title="Udledte oplysninger" breadcrumbs={crumbs({ text: 'Udledte oplysninger' })}>
      <h1>Udledte oplysninger</h1>
      <p class="font-lead">
        Udpegninger, pladser, planlagte møder og lovede punkter, som arkivet har læst ud af punkterne. Bekræft dem, ret dem, eller afvis dem, hvis
        de er læst forkert. Beslutningen holder, når dokumenterne indlæses igen.
      </p>
      <Message {...notice} />
      {KINDS.map(({ kind, heading, id }) => (
        <section aria-labelledby={id} class="mt-7">
          <h2 id={id}>{heading}</h2>
          {records[kind].length === 0 ? <p>Ingen.</p> : <ul class="nobullet-list">{records[kind].map((r, i) => <Record record={r} n={`${id}-${i}`} />)}</ul>}
        </section>
      ))}
      {records.rejected.length > 0 && (
        <section aria-labelledby="afviste" class="mt-7">
          <h2 id="afviste">Afvist</h2>
          <ul class="nobullet-list">{records.rejected.map((r, i) => <Record record={r} n={`afviste-${i}`} />)}</ul>
        </section>
      )}
    </Layout>,
  );
}

/** The organisations the signed-in user writes for, by id. */
async function writable(deps: WorkspaceDeps): Promise<number[]> {
  const user = signedIn().user;
  return (user.admin ? await listOrganizations(deps.db) : secretaryOrganizations(user)).map((o) => o.id);
}

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

export function derivedRoutes(deps: WorkspaceDeps): Hono<Env> {
  const app = new Hono<Env>();
  const page = async (viewer: Viewer, notice: Notice) => renderDerived(await derivedRecords(deps.db, viewer, await writable(deps)), notice);
  app.get('/', async (c) => c.html(await page(c.var.viewer, {})));
  app.post('/', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const fail = async (error: string, status: 400 | 403 | 404) => c.html(await page(c.var.viewer, { error }), status);
    const kind = one(form.kind) as DerivedKind;
    if (!KINDS.some((k) => k.kind === kind)) return fail('Ukendt slags oplysning.', 400);
    const action = ACTIONS[one(form.handling) as keyof typeof ACTIONS];
    if (!action) return fail('Vælg »Bekræft«, »Gem rettelse«, »Afvis« eller »Fortryd«.', 400);
    const key = one(form.key);
    const itemId = /^[1-9]\d{0,9}$/.test(one(form.item)) ? Number(one(form.item)) : null;
    const item = itemId === null || key === '' || key.length > 400 ? null : await correctedItem(deps.db, itemId);
    const user = signedIn().user;
    if (!item) return fail('Punktet, oplysningen kom fra, findes ikke (længere).', 404);
    if (item.organizationId === null || !canWrite(user, item.organizationId)) return fail('Du er ikke sekretær for den organisation, punktet hører til.', 403);
    let values: Record<string, string | null> = {};
    if (action === 'change') {
      const fields = Object.fromEntries(Object.keys(CHANGE_VALUES[kind].shape).map((k) => [k, one(form[k])]).filter(([, v]) => v !== ''));
      const parsed = CHANGE_VALUES[kind].safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return fail(`${FIELD_LABELS[String(issue.path[0])] ?? String(issue.path[0])}: skriv ${issue.message}.`, 400);
      }
      values = parsed.data as Record<string, string | null>;
    }
    await deps.db.transaction(async (tx) => {
      await recordCorrection(tx, { kind, itemId: itemId!, key, action, values, by: user.email });
      // Promises are derived when read; the others by the projection, at once.
      if (kind !== 'promise') await projectMeeting(tx, item.meetingId);
      await writeAudit(tx, { kind: 'user', userId: user.id, email: user.email }, `derived.${action}`, `item:${itemId}`, { kind, key, values });
    });
    const words = { confirm: 'bekræftet', change: 'rettet', reject: 'afvist', undo: 'sat tilbage til det udledte' }[action];
    return c.html(await page(c.var.viewer, { saved: `Oplysningen fra punkt ${item.number} er ${words}.` }));
  });
  return app;
}
