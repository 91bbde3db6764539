/**
 * @module /arbejdsrum/personer: the identity suggestions (db/identities.ts) a secretary decides —
 * two names that may be one person, with the evidence for and against. "Samme person" merges them
 * (kept across re-imports); "Forskellige personer" keeps them apart for good. A secretary sees the
 * pairs where either person sat in an organisation they write for; an admin sees all.
 */
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit.js';
import { mergePeople } from '../../db/identities.js';
import { queryRows } from '../../db/rows.js';
import { Layout, renderPage } from '../../web/layout.js';
import { personUrl } from '../../web/urls.js';
import { signedIn, type WorkspaceDeps } from '../index.js';
import { Csrf, crumbs, Message, type Notice } from '../pages/common.js';
import { canWrite } from '../access.js';

interface Suggestion {
  id: number;
  person_id: number;
  other_person_id: number;
  kept: string;
  kept_slug: string;
  other: string;
  other_slug: string;
  relation: string;
  reasons: string[] | string;
  organizations: number[];
}

const RELATIONS: Record<string, string> = { middle: 'et mellemnavn mangler', typo: 'ét bogstav forskelligt', initial: 'et fornavn som forbogstav', equal: 'samme navn' };

async function suggestions(deps: WorkspaceDeps, id?: number): Promise<Suggestion[]> {
  const rows = await queryRows<Suggestion>(
    deps.db,
    sql`select pm.id, pm.person_id, pm.other_person_id, k.name as kept, k.slug as kept_slug, o.name as other, o.slug as other_slug, pm.relation, pm.reasons,
          coalesce((select array_agg(distinct m.organization_id) from participations pa join meetings m on m.id = pa.meeting_id
                    where pa.person_id in (pm.person_id, pm.other_person_id) and m.organization_id is not null), '{}') as organizations
        from person_merges pm join people k on k.id = pm.person_id join people o on o.id = pm.other_person_id
        where pm.decision is null ${id === undefined ? sql`` : sql`and pm.id = ${id}`}
        order by pm.id limit 200`,
  );
  const user = signedIn().user;
  return rows.filter((r) => r.organizations.some((org) => canWrite(user, org)));
}

function renderSuggestions(list: Suggestion[], notice: Notice): string {
  return renderPage(
    <Layout title="Personer, der måske er den samme" breadcrumbs={crumbs({ text: 'Personer' })}>
      <h1>Personer, der måske er den samme</h1>
      <p class="font-lead">
        Navne, som dokumenterne staver forskelligt, men som måske er samme person. Sikre par er lagt sammen af sig selv; her er resten. Beslutningen
        holder ved genindlæsning.
      </p>
      <Message {...notice} />
      {list.length === 0 ? (
        <p>Der er ingen forslag at tage stilling til.</p>
      ) : (
        <ul class="nobullet-list">
          {list.map((s) => {
            const reasons = typeof s.reasons === 'string' ? (JSON.parse(s.reasons) as string[]) : s.reasons;
            return (
              <li class="mt-5">
                <h2 class="h4">
                  <a href={personUrl({ id: s.person_id, slug: s.kept_slug })}>{s.kept}</a> og <a href={personUrl({ id: s.other_person_id, slug: s.other_slug })}>{s.other}</a>
                </h2>
                <p>
                  Navnene: {RELATIONS[s.relation] ?? s.relation}. {reasons.length > 0 ? `Desuden: ${reasons.join(', ')}.` : 'Intet andet taler for.'}
                </p>
                <form method="post" action={`/arbejdsrum/personer/${s.id}`}>
                  <Csrf />
                  <button class="button button-primary" type="submit" name="beslutning" value="samme">Samme person</button>{' '}
                  <button class="button button-secondary" type="submit" name="beslutning" value="forskellige">Forskellige personer</button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>,
  );
}

export function peopleRoutes(deps: WorkspaceDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => c.html(renderSuggestions(await suggestions(deps), {})));
  app.post('/:id', async (c) => {
    const id = /^[1-9]\d{0,9}$/.test(c.req.param('id')) ? Number(c.req.param('id')) : null;
    const [pair] = id === null ? [] : await suggestions(deps, id);
    if (!pair) return c.html(renderSuggestions(await suggestions(deps), { error: 'Forslaget findes ikke, er allerede afgjort, eller du er ikke sekretær for personernes organisationer.' }), 404);
    const form = await c.req.parseBody();
    const same = form.beslutning === 'samme';
    if (!same && form.beslutning !== 'forskellige') return c.html(renderSuggestions(await suggestions(deps), { error: 'Vælg »Samme person« eller »Forskellige personer«.' }), 400);
    const user = signedIn().user;
    const reasons = typeof pair.reasons === 'string' ? (JSON.parse(pair.reasons) as string[]) : pair.reasons;
    await deps.db.transaction(async (tx) => {
      if (same) await mergePeople(tx, pair.person_id, pair.other_person_id, 'accepted', user.email, pair.relation, reasons);
      else await tx.execute(sql`update person_merges set decision = 'rejected', decided_by = ${user.email}, decided_at = now() where id = ${pair.id}`);
      await writeAudit(tx, { kind: 'user', userId: user.id, email: user.email }, same ? 'person.merge' : 'person.keep-apart', `person:${pair.person_id}+${pair.other_person_id}`, { kept: pair.kept, other: pair.other });
    });
    const saved = same ? `${pair.other} er lagt sammen med ${pair.kept}.` : `${pair.kept} og ${pair.other} holdes adskilt.`;
    return c.html(renderSuggestions(await suggestions(deps), { saved }));
  });
  return app;
}
