/** A person's page shows only the spellings of their name that stand in documents the viewer may read. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewer, ANONYMOUS } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

const member = (name: string) => ({ name, party: 'A', municipality: 'Norddal', role: null });
let database: Database;
let organizationId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const meeting = (date: string, name: string, access: 'public' | 'closed') =>
    meetingDocument({ body: 'Stavningsudvalget', date, access, participants: [member(name), member('Ole Eksempelsen')], items: [item('1', 'Orientering', { access })] });
  await storeDocument(database.db, meeting('2025-01-10', 'Karen Birgitte Testesen', 'public'), original('spellings public'));
  await storeDocument(database.db, meeting('2025-02-10', 'Karen Testesen', 'closed'), original('spellings closed'));
  const [org] = await queryRows<{ id: number }>(database.db, sql`select id from organizations where name = 'Stavningsudvalget'`);
  organizationId = org!.id;
});
afterAll(() => database?.close());

describe("a person's name spellings", () => {
  it('leaves a spelling seen only in a closed meeting off the public page, and shows it to a member', async () => {
    const owners = await queryRows<{ person_id: number }>(
      database.db,
      sql`select distinct person_id from person_names where name in ('Karen Birgitte Testesen', 'Karen Testesen')`,
    );
    // The middle name dropped is the same person (identities.ts), so both spellings name one person.
    expect(owners).toHaveLength(1);
    const archive = createDbArchive(database.db);
    const ref = String(owners[0]!.person_id);
    const publicView = (await archive.getPerson(ANONYMOUS, ref))!;
    expect(publicView.attendance).toHaveLength(1);
    expect(publicView.person.nameVariants).toContain('Karen Birgitte Testesen');
    expect(publicView.person.nameVariants).not.toContain('Karen Testesen');
    const memberView = (await archive.getPerson(accountViewer(1, 'member', organizationId), ref))!;
    expect(memberView.attendance).toHaveLength(2);
    expect(memberView.person.nameVariants).toEqual(expect.arrayContaining(['Karen Birgitte Testesen', 'Karen Testesen']));
  });
});
