/** @module Test helpers for the workspace: an app with accounts and the workspace, and signed-in cookies. */
import { createAccounts } from '../auth/index.js';
import { hashPassword } from '../auth/password.js';
import { loginCookie } from '../auth/testing.js';
import { createDbArchive } from '../db/archive.js';
import type { Db } from '../db/client.js';
import { createUser, organizationIdsBySlug, type RoleGrant } from '../db/users.js';
import { createApp } from '../web/app.js';
import { createWorkspace, type WorkspaceOptions } from './index.js';

export const TEST_PASSWORD = 'arbejdsrummets adgangskode';

/** The web app with accounts and the workspace over a test database. */
export function workspaceApp(db: Db, options: WorkspaceOptions = {}) {
  const archive = createDbArchive(db);
  return createApp(archive, { accounts: createAccounts(db), workspace: createWorkspace(db, archive, options) });
}

/** Creates an account with roles in organisations given by slug (which must exist) and signs it in; returns the Cookie header. */
export async function signedInAs(
  app: ReturnType<typeof workspaceApp>,
  db: Db,
  email: string,
  roles: Array<{ slug: string; role: RoleGrant['role'] }>,
  admin = false,
): Promise<string> {
  const ids = await organizationIdsBySlug(db, roles.map((r) => r.slug));
  await createUser(db, { kind: 'cli' }, {
    email,
    displayName: email.split('@')[0]!,
    passwordHash: await hashPassword(TEST_PASSWORD),
    admin,
    roles: roles.map((r) => ({ organizationId: ids.get(r.slug)!, role: r.role })),
  });
  return loginCookie(app, email, TEST_PASSWORD);
}
