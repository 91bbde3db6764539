/**
 * @module Signing in and out (src/auth): the log-in form, the lock after repeated failures, the
 * log-out button page, the signed-out page, and the 403 page of refused forms and admin pages.
 * Plain forms: they work without JavaScript.
 */
import { CSRF_FIELD } from '../../auth/csrf.js';
import { Alert } from '../components/alert.js';
import { Layout, renderPage } from '../layout.js';

export interface LoginPageData {
  csrf: string;
  email?: string;
  /** Where to go after signing in (a path on this site). */
  next?: string;
  error?: string;
  /** Locked after repeated failures: when the lock ends. */
  locked?: { minutes: number; until: string };
}

export function renderLoginPage(data: LoginPageData): string {
  return renderPage(
    <Layout title="Log ind" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Log ind' }]}>
      <h1>Log ind</h1>
      <p class="font-lead">For medlemmer og sekretariater. Alle andre kan læse arkivet uden at logge ind.</p>
      {data.locked && (
        <Alert variant="error" heading="Log-ind er midlertidigt spærret">
          <p>
            Der har været for mange mislykkede forsøg på at logge ind. Prøv igen om {data.locked.minutes} {data.locked.minutes === 1 ? 'minut' : 'minutter'} (kl.{' '}
            {data.locked.until}).
          </p>
        </Alert>
      )}
      {data.error && (
        <Alert variant="error" heading="Du er ikke logget ind">
          <p>{data.error}</p>
        </Alert>
      )}
      <form method="post" action="/log-ind" class="mt-5">
        <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
        {data.next && <input type="hidden" name="next" value={data.next} />}
        <div class="form-group">
          <label class="form-label" for="login-email">E-mailadresse</label>
          <input class="form-input input-width-l" type="email" id="login-email" name="email" autocomplete="username" required maxlength={254} value={data.email ?? ''} />
        </div>
        <div class="form-group">
          <label class="form-label" for="login-password">Adgangskode</label>
          <input class="form-input input-width-l" type="password" id="login-password" name="password" autocomplete="current-password" required maxlength={1000} />
        </div>
        <button class="button button-primary" type="submit">Log ind</button>
      </form>
    </Layout>,
  );
}

/** The page behind the header's "Log ud": a button, since signing out changes something. */
export function renderLogoutPage(data: { csrf: string; name: string }): string {
  return renderPage(
    <Layout title="Log ud" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Log ud' }]}>
      <h1>Log ud</h1>
      <p>Du er logget ind som {data.name}.</p>
      <form method="post" action="/log-ud" class="mt-5">
        <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
        <button class="button button-primary" type="submit">Log ud</button>
      </form>
    </Layout>,
  );
}

export function renderLoggedOutPage(): string {
  return renderPage(
    <Layout title="Du er logget ud" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Log ud' }]}>
      <h1>Du er logget ud</h1>
      <Alert variant="success" heading="Du er logget ud">
        <p>Du ser nu arkivet som offentligheden ser det.</p>
      </Alert>
      <p class="mt-5">
        <a href="/">Gå til forsiden</a> · <a href="/log-ind">Log ind igen</a>
      </p>
    </Layout>,
  );
}

/** 403: a form without a valid token, or a page the account may not see. */
export function renderForbiddenPage(message: string, signIn = false): string {
  return renderPage(
    <Layout title="Ingen adgang">
      <h1>Ingen adgang</h1>
      <Alert variant="error" heading="Ingen adgang">
        <p>{message}</p>
      </Alert>
      <p class="mt-5">
        {signIn ? <a href="/log-ind">Log ind</a> : <a href="/">Gå til forsiden</a>}
      </p>
    </Layout>,
  );
}
