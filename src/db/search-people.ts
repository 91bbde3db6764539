/**
 * @module People in search: the person a query names (shown above the items, linking the
 * person's page) and the person filter, which keeps the items of meetings the person attended
 * (present, substitute or guest — not afbud or absent) according to each meeting's current
 * document. Items that mention a person in their text are found by searching the name itself.
 */
import { sql } from 'drizzle-orm';
import type { PersonRef } from '../archive/types.js';
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { personKey, personSlug, slugify } from './names.js';
import { queryRows } from './rows.js';
import { visibleMeetings } from './visibility.js';

/** A query of more words than this is not a name. */
const MAX_NAME_WORDS = 5;
const MAX_PEOPLE = 5;

/** Someone the viewer can see listed at a meeting. */
const listedVisibly = (viewer: Viewer) =>
  sql`exists (select 1 from participations pa join meetings m on m.id = pa.meeting_id where pa.person_id = p.id and ${visibleMeetings(viewer, 'm')})`;

/**
 * People every one of whose words is a whole word of one of their spellings (or of their URL
 * name: "oesterby"), so "østerby" and "h.c. østerby" find H.C. Østerby; none for other queries.
 */
export async function peopleNamed(db: Db, viewer: Viewer, words: readonly string[]): Promise<PersonRef[]> {
  const keys = words.map((w) => personKey(w)).filter((w) => w !== '');
  if (keys.length === 0 || keys.length > MAX_NAME_WORDS || !keys.some((k) => k.length >= 3)) return [];
  // strpos on space-delimited keys: whole words, and no character of the input means anything.
  const conditions = keys.map((key) => {
    const slug = slugify(key);
    return sql`(strpos(' ' || pn.key || ' ', ${` ${key} `}) > 0 or (${slug} <> '' and strpos('-' || p.slug || '-', ${`-${slug}-`}) > 0))`;
  });
  return queryRows<PersonRef>(
    db,
    sql`select p.id, p.slug, p.name from people p
        where exists (select 1 from person_names pn where pn.person_id = p.id and ${sql.join(conditions, sql` and `)})
          and ${listedVisibly(viewer)}
        order by p.name, p.id limit ${MAX_PEOPLE}`,
  );
}

/** The people a person filter names: an id ("12" or "12-h-c-oesterby"), a URL name, or a name as written. */
export async function peopleOfFilter(db: Db, viewer: Viewer, ref: string): Promise<PersonRef[]> {
  const columns = sql`select p.id, p.slug, p.name from people p`;
  const numbered = /^(\d{1,9})(?:-[a-z0-9-]+)?$/.exec(ref);
  const key = personKey(ref);
  const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ref) ? ref : personSlug(ref);
  const condition = numbered
    ? sql`p.id = ${Number(numbered[1])}`
    : sql`(p.slug = ${slug} or exists (select 1 from person_names pn where pn.person_id = p.id and pn.key = ${key}))`;
  if (!numbered && key === '' && slug === '') return [];
  return queryRows<PersonRef>(db, sql`${columns} where ${condition} and ${listedVisibly(viewer)} order by p.id limit ${MAX_PEOPLE}`);
}

/** The meetings (the viewer may see) that any of the people attended. */
export async function attendedMeetings(db: Db, viewer: Viewer, personIds: readonly number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct pa.meeting_id as id from participations pa join meetings m on m.id = pa.meeting_id
        where pa.person_id = any(${`{${personIds.map((id) => Math.trunc(id)).join(',')}}`}::int[])
          and pa.status in ('present', 'substitute', 'guest') and ${visibleMeetings(viewer, 'm')}`,
  );
  return rows.map((r) => r.id);
}
