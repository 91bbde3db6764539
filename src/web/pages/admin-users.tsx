/**
 * @module The admin pages of accounts (src/auth/admin.ts): users with their roles, a new user,
 * one user's roles and whether the account is active. Every form carries the session's CSRF token.
 */
import { CSRF_FIELD } from '../../auth/csrf.js';
import type { User } from '../../db/users.js';
import { Layout, renderPage } from '../layout.js';

export interface Organization {
  id: number;
  slug: string;
  name: string;
}

const ROLE_NAMES = { member: 'medlem', secretary: 'sekretær' } as const;

const CRUMBS = [{ text: 'Forside', href: '/' }, { text: 'Brugere', href: '/admin/brugere' }];

function Message(props: { error?: string; saved?: string }) {
  if (props.error) {
    return (
      <div class="alert alert-error" role="alert">
        <div class="alert-body">
          <p class="alert-heading">Ikke gemt</p>
          <p class="alert-text">{props.error}</p>
        </div>
      </div>
    );
  }
  if (!props.saved) return null;
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-heading">{props.saved}</p>
      </div>
    </div>
  );
}

export function rolesText(user: User): string {
  const parts = [...(user.admin ? ['administrator'] : []), ...user.roles.map((r) => `${ROLE_NAMES[r.role]} af ${r.organizationName}`)];
  return parts.length ? parts.join(', ') : 'ingen roller';
}

/** Admin and, per organisation, member and secretary checkboxes (value "ORG-ID:ROLE"). */
function RoleFields(props: { organizations: Organization[]; user?: User; prefix: string }) {
  const has = (orgId: number, role: string) => props.user?.roles.some((r) => r.organizationId === orgId && r.role === role) ?? false;
  return (
    <>
      <fieldset class="mt-5">
        <legend class="h4">Administrator</legend>
        <div class="form-group-checkbox">
          <input class="form-checkbox" type="checkbox" id={`${props.prefix}-admin`} name="admin" value="1" checked={props.user?.admin ?? false} />
          <label for={`${props.prefix}-admin`}>Administrator (brugere og organisationer)</label>
        </div>
      </fieldset>
      <fieldset class="mt-5">
        <legend class="h4">Roller i organisationer</legend>
        <p class="form-hint">Medlemmer læser organisationens lukkede punkter; sekretærer også de fortrolige.</p>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Medlem</th>
              <th scope="col">Sekretær</th>
            </tr>
          </thead>
          <tbody>
            {props.organizations.map((o) => (
              <tr>
                <th scope="row">{o.name}</th>
                {(['member', 'secretary'] as const).map((role) => (
                  <td>
                    <input
                      class="form-checkbox"
                      type="checkbox"
                      id={`${props.prefix}-${o.id}-${role}`}
                      name="roles"
                      value={`${o.id}:${role}`}
                      checked={has(o.id, role)}
                    />
                    <label for={`${props.prefix}-${o.id}-${role}`} class="sr-only">{`${ROLE_NAMES[role]} af ${o.name}`}</label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    </>
  );
}

export interface UsersPageData {
  users: User[];
  organizations: Organization[];
  csrf: string;
  error?: string;
  saved?: string;
  /** What was typed into the new-user form, kept when it is refused. */
  draft?: { email: string; displayName: string };
}

export function renderUsersPage(data: UsersPageData): string {
  return renderPage(
    <Layout title="Brugere" breadcrumbs={[CRUMBS[0]!, { text: 'Brugere' }]}>
      <h1>Brugere</h1>
      <p>
        <a href="/admin/log">Se loggen over ændringer</a>
      </p>
      <Message error={data.error} saved={data.saved} />
      <table class="table mt-5">
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-mail</th>
            <th scope="col">Roller</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {data.users.map((u) => (
            <tr>
              <td>
                <a href={`/admin/brugere/${u.id}`}>{u.displayName}</a>
              </td>
              <td>{u.email}</td>
              <td>{rolesText(u)}</td>
              <td>{u.active ? 'aktiv' : 'deaktiveret'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="mt-7">Opret bruger</h2>
      <form method="post" action="/admin/brugere">
        <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
        <div class="form-group">
          <label class="form-label" for="new-email">E-mailadresse</label>
          <input class="form-input input-width-l" type="email" id="new-email" name="email" required maxlength={254} autocomplete="off" value={data.draft?.email ?? ''} />
        </div>
        <div class="form-group">
          <label class="form-label" for="new-name">Navn</label>
          <input class="form-input input-width-l" type="text" id="new-name" name="displayName" required maxlength={200} autocomplete="off" value={data.draft?.displayName ?? ''} />
        </div>
        <div class="form-group">
          <label class="form-label" for="new-password">Adgangskode</label>
          <span class="form-hint" id="new-password-hint">Mindst 12 tegn. Giv den til brugeren på en sikker måde.</span>
          <input class="form-input input-width-l" type="password" id="new-password" name="password" required maxlength={1000} autocomplete="new-password" aria-describedby="new-password-hint" />
        </div>
        <RoleFields organizations={data.organizations} prefix="new" />
        <button class="button button-primary mt-5" type="submit">Opret bruger</button>
      </form>
    </Layout>,
  );
}

export interface UserPageData {
  user: User;
  organizations: Organization[];
  csrf: string;
  error?: string;
  saved?: string;
}

export function renderUserPage(data: UserPageData): string {
  const u = data.user;
  return renderPage(
    <Layout title={u.displayName} breadcrumbs={[...CRUMBS, { text: u.displayName }]}>
      <h1>{u.displayName}</h1>
      <p>
        {u.email} · {u.active ? 'aktiv' : 'deaktiveret'} · {rolesText(u)}
      </p>
      <Message error={data.error} saved={data.saved} />
      <h2 class="mt-7">Roller</h2>
      <form method="post" action={`/admin/brugere/${u.id}/roller`}>
        <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
        <RoleFields organizations={data.organizations} user={u} prefix="edit" />
        <button class="button button-primary mt-5" type="submit">Gem roller</button>
      </form>
      <h2 class="mt-7">{u.active ? 'Deaktivér brugeren' : 'Aktivér brugeren'}</h2>
      <p>{u.active ? 'En deaktiveret bruger kan ikke logge ind og bliver logget ud med det samme.' : 'Brugeren kan logge ind igen med sin adgangskode.'}</p>
      <form method="post" action={`/admin/brugere/${u.id}/aktiv`}>
        <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
        <input type="hidden" name="active" value={u.active ? '0' : '1'} />
        <button class={u.active ? 'button button-secondary' : 'button button-primary'} type="submit">
          {u.active ? 'Deaktivér' : 'Aktivér'}
        </button>
      </form>
    </Layout>,
  );
}
