/**
 * @module `referat user add|list`: accounts from the command line, first of all the first admin.
 * The password is prompted for (hidden) on a terminal, or read from stdin's first line when piped
 * or with --password-stdin; never from an argument (it would show in `ps` and shell history).
 *
 * On the embedded database a running `referat serve` holds the lock: this command then refuses,
 * naming that server, rather than going through it — adding users is rare, and the admin pages
 * at /admin/brugere do it while serving. With DATABASE_URL it works beside a server.
 */
import { ArchiveLockedError, describeHolder } from '../db/lock.js';
import { openDatabase } from '../db/client.js';
import { AccountError, createUser, listUsers, organizationIdsBySlug, type RoleGrant } from '../db/users.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { rolesText } from '../web/pages/admin-users.js';

const USAGE = `Usage:
  referat user add EMAIL [--admin] [--member ORG-SLUG]… [--secretary ORG-SLUG]… [--name NAME] [--password-stdin]
  referat user list`;

interface AddArgs {
  email: string;
  admin: boolean;
  member: string[];
  secretary: string[];
  name: string | null;
  passwordStdin: boolean;
}

export function parseUserAddArgs(args: string[]): AddArgs | { error: string } {
  const out: AddArgs = { email: '', admin: false, member: [], secretary: [], name: null, passwordStdin: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--admin') out.admin = true;
      else if (a === '--password-stdin') out.passwordStdin = true;
      else if (a === '--member') out.member.push(value());
      else if (a === '--secretary') out.secretary.push(value());
      else if (a === '--name') out.name = value();
      else if (a === '--password') return { error: 'referat user add: --password is not accepted (it would show in the process list); use --password-stdin or the prompt' };
      else if (a.startsWith('--')) return { error: `referat user add: unknown option ${a}` };
      else if (out.email) return { error: `referat user add: one address at a time (got ${out.email} and ${a})` };
      else out.email = a;
    } catch (error) {
      return { error: `referat user add: ${(error as Error).message}` };
    }
  }
  if (!out.email) return { error: 'referat user add: an e-mail address is needed' };
  return out;
}

/** The first line of stdin. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Prompts on the terminal without echoing. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          return reject(new Error('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) return readStdinLine();
  const first = await promptHidden('Password: ');
  const again = await promptHidden('Password again: ');
  if (first !== again) throw new AccountError('the passwords differ');
  return first;
}

async function openOrRefuse() {
  try {
    return await openDatabase();
  } catch (error) {
    if (!(error instanceof ArchiveLockedError)) throw error;
    const where = error.holder.url ? ` Stop it first, or add the user as an admin at ${error.holder.url}/admin/brugere.` : ` Stop process ${error.holder.pid} first.`;
    console.error(`referat user: the archive in ${error.dataDir} is in use by ${describeHolder(error.holder)}. Nothing was changed.${where}`);
    return null;
  }
}

export async function runUser(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const database = await openOrRefuse();
    if (!database) return 1;
    try {
      for (const u of await listUsers(database.db)) console.log(`${u.email}\t${u.displayName}\t${u.active ? 'active' : 'deactivated'}\t${rolesText(u)}`);
      return 0;
    } finally {
      await database.close();
    }
  }
  if (sub !== 'add') {
    console.error(USAGE);
    return 2;
  }
  const parsed = parseUserAddArgs(rest);
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    return 2;
  }
  let password: string;
  try {
    password = await readPassword(parsed.passwordStdin);
  } catch (error) {
    console.error(`referat user add: ${(error as Error).message}. Nothing was changed.`);
    return 1;
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(`referat user add: ${problem} Nothing was changed.`);
    return 1;
  }
  const database = await openOrRefuse();
  if (!database) return 1;
  try {
    const ids = await organizationIdsBySlug(database.db, [...new Set([...parsed.member, ...parsed.secretary])]);
    const roles: RoleGrant[] = [
      ...parsed.member.map((s) => ({ organizationId: ids.get(s)!, role: 'member' as const })),
      ...parsed.secretary.map((s) => ({ organizationId: ids.get(s)!, role: 'secretary' as const })),
    ];
    const user = await createUser(database.db, { kind: 'cli' }, {
      email: parsed.email,
      displayName: parsed.name ?? '',
      passwordHash: await hashPassword(password),
      admin: parsed.admin,
      roles,
    });
    console.log(`created ${user.email} (${rolesText(user)})`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      console.error(`referat user add: ${error.message} Nothing was changed.`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
