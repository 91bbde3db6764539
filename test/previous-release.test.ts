/**
 * An archive written by the previous release (af18f58, test/fixtures/previous-release) opens
 * with today's code — which applies any newer migrations — and shows the same meetings, items,
 * people and cases, with closed items and closed bilag still kept from the public.
 * Runs on PGlite, or on PostgreSQL when DATABASE_URL is set.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Archive } from '../src/archive/types.js';
import { createDbArchive } from '../src/db/archive.js';
import { ANONYMOUS } from '../src/model/index.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import {
  openPreviousReleaseArchive,
  PREVIOUS_RELEASE_LAST_MIGRATION,
  previousReleaseExpected,
  type PreviousReleaseArchive,
  type PreviousReleaseExpected,
} from './previous-release.js';

let fixture: PreviousReleaseArchive;
let database: Database;
let archive: Archive;
let expected: PreviousReleaseExpected;
/** People merged into another by today's code (db/identities.ts): merged id → kept id. */
let merged: Map<number, number>;

beforeAll(async () => {
  expected = await previousReleaseExpected();
  fixture = await openPreviousReleaseArchive();
  database = await openDatabase(fixture.openOptions);
  archive = createDbArchive(database.db);
  const merges = await queryRows<{ person_id: number; other_person_id: number }>(
    database.db,
    sql`select person_id, other_person_id from person_merges where decision in ('automatic', 'accepted')`,
  );
  merged = new Map(merges.map((m) => [m.other_person_id, m.person_id]));
});

afterAll(async () => {
  await database?.close();
  await fixture?.dispose();
});

const byNumber = <T extends { number: string }>(items: T[]) => items.map((i) => i.number);

describe(`an archive written by release af18f58, opened by today's code`, () => {
  it('is the fixture: data loaded, old migrations recorded as the release did, newer ones on top', async () => {
    expect(expected.meetings.length).toBe(expected.counts.meetings);
    expect(expected.meetings.length).toBeGreaterThan(10);
    const recorded = await queryRows<{ hash: string; created_at: string }>(
      database.db,
      sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`,
    );
    expect(recorded.slice(0, expected.migrations.length).map((r) => ({ hash: r.hash, createdAt: r.created_at }))).toEqual(
      expected.migrations,
    );
    // drizzle applies a migration only when its `when` is later than the last one recorded:
    // a newer migration stamped earlier would be skipped on every upgraded archive.
    const journal = JSON.parse(await readFile(new URL('../src/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
      entries: Array<{ idx: number; when: number }>;
    };
    const last = Number(expected.migrations.at(-1)!.createdAt);
    for (const entry of journal.entries.filter((e) => e.idx > PREVIOUS_RELEASE_LAST_MIGRATION)) {
      expect(entry.when, `migration ${entry.idx}`).toBeGreaterThan(last);
    }
    expect(recorded.length).toBe(journal.entries.length);
  });

  it('lists the same bodies with the same number of meetings', async () => {
    // Today's projection adds planned meetings from the documents' calendars (db/planned.ts): counted apart.
    const bodies = await archive.listBodies(ANONYMOUS);
    const got = await Promise.all(
      bodies.map(async (b) => {
        const page = await archive.getBody(ANONYMOUS, b.slug);
        return { slug: b.slug, name: b.name, meetingCount: page!.meetings.filter((m) => m.kinds.length > 0).length };
      }),
    );
    expect(got.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(
      [...expected.bodies].sort((a, b) => a.slug.localeCompare(b.slug)),
    );
  });

  it("finds every meeting on its body's page", async () => {
    for (const body of expected.bodies) {
      const page = await archive.getBody(ANONYMOUS, body.slug);
      expect(page, body.slug).not.toBeNull();
      const ids = page!.meetings.filter((m) => m.kinds.length > 0).map((m) => m.id).sort((a, b) => a - b);
      const want = expected.meetings.filter((m) => m.body === body.slug).map((m) => m.id);
      expect(ids, body.slug).toEqual(want);
    }
  });

  it('shows every meeting with its date, documents, public items and people; closed items and bilag stay closed', async () => {
    let publicItems = 0;
    for (const want of expected.meetings) {
      const view = await archive.getMeeting(ANONYMOUS, want.id);
      expect(view, `meeting ${want.id}`).not.toBeNull();
      const { meeting, document } = view!;
      const label = `meeting ${want.id} (${want.body} ${want.date})`;
      expect(meeting.body?.slug ?? null, label).toBe(want.body);
      expect(meeting.date, label).toBe(want.date);
      expect([...meeting.kinds].sort(), label).toEqual(want.kinds);
      expect(document.kind, label).toBe(want.currentKind);
      expect(meeting.itemCount, label).toBe(want.items.length);
      expect(
        document.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber, attachments: i.attachments.length })),
        label,
      ).toEqual(want.items);
      for (const closed of want.closedItemNumbers) expect(byNumber(document.items), label).not.toContain(closed);
      expect(document.items.flatMap((i) => i.attachments).filter((a) => a.access !== 'public'), label).toEqual([]);
      // Today's code merges spelling variants of one person (db/identities.ts): an id merged away reads as the kept one.
      const wantPeople = [...new Set(want.people.map((id) => merged.get(id) ?? id))].sort((a, b) => a - b);
      expect([...new Set(view!.people.map((p) => p.person.id))].sort((a, b) => a - b), label).toEqual(wantPeople);
      publicItems += document.items.length;
    }
    expect(publicItems).toBe(expected.counts.publicItems);
    // The fixture does hold closed content, so the checks above are not vacuous.
    expect(expected.meetings.flatMap((m) => m.closedItemNumbers).length).toBeGreaterThan(0);
    expect(expected.meetings.reduce((n, m) => n + m.closedAttachments, 0)).toBeGreaterThan(0);
  });

  it('lists the same people under the same names', async () => {
    const groups = await archive.listPeople(ANONYMOUS, {});
    const listed = new Map<number, { name: string; slug: string }>();
    for (const group of groups) for (const p of group.people) listed.set(p.id, { name: p.name, slug: p.slug });
    // Spelling variants merged by today's code (db/identities.ts) are listed once, under the kept person.
    const want = expected.people.filter((p) => p.listed && !merged.has(p.id));
    expect(want.length).toBeGreaterThan(0);
    expect([...listed.keys()].sort((a, b) => a - b)).toEqual(want.map((p) => p.id));
    for (const p of want) expect(listed.get(p.id), `person ${p.id}`).toEqual({ name: p.name, slug: p.slug });
    // Everyone a meeting page names is a known person.
    const known = new Set(expected.people.map((p) => p.id));
    for (const m of expected.meetings) for (const id of m.people) expect(known.has(id), `person ${id}`).toBe(true);
  });

  it('follows every case with public items; cases known only from closed items have no page', async () => {
    expect(expected.cases.length).toBe(expected.counts.cases);
    for (const c of expected.cases) {
      const view = await archive.getCase(ANONYMOUS, c.caseNumber);
      if (c.publicItems === 0) {
        expect(view, c.caseNumber).toBeNull();
        continue;
      }
      expect(view?.items.length, c.caseNumber).toBe(c.publicItems);
      const where = expected.meetings.filter((m) => m.items.some((i) => i.caseNumber === c.caseNumber)).map((m) => m.id);
      expect([...new Set(view!.items.map((i) => i.meeting.id))].sort((a, b) => a - b), c.caseNumber).toEqual(where);
    }
  });

  it('keeps every item, closed ones closed, every original as a first version, and people in their organisations', async () => {
    const [row] = ((await database.db.execute(sql`
      select (select count(*)::int from agenda_items where deleted_at is null) as items,
             (select count(*)::int from agenda_items where deleted_at is null and access <> 'public') as closed_items,
             (select count(*)::int from attachments where access <> 'public') as closed_attachments,
             (select count(*)::int from document_versions where version = 1) as versions,
             (select count(*)::int from files where access <> 'public') as closed_files,
             (select count(distinct person_id)::int from memberships where deleted_at is null) as members`)) as unknown as {
      rows: Array<Record<string, number>>;
    }).rows;
    expect(row).toMatchObject({
      items: expected.counts.items,
      closed_items: expected.counts.closedItems,
      closed_attachments: expected.counts.closedAttachments,
      versions: expected.counts.documents,
      closed_files: expected.counts.documentsWithClosedContent,
    });
    expect(row!.members).toBeGreaterThan(50);
  });
});
