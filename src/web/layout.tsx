/**
 * @module The page frame every page shares: dkfds header, skip link, breadcrumbs, main, footer.
 * `renderPage` adds the doctype, which Hono's `c.html()` does not.
 */
import type { Child } from 'hono/jsx';
import { Breadcrumbs, type Crumb } from './components/breadcrumbs.js';
import { CSRF_FIELD } from '../auth/csrf.js';
import { accountsEnabled, currentAccount } from '../auth/current.js';
import { writesAnywhere } from '../workspace/access.js';

export const SITE_NAME = 'Referat';

export type NavSection = 'home' | 'meetings' | 'search' | 'people' | 'about' | 'none';

export interface LayoutProps {
  /** The page's own title; the site name is appended in `<title>`. */
  title: string;
  breadcrumbs?: Crumb[];
  nav?: NavSection;
  /** Extra description for search engines and link previews. */
  description?: string;
  /** Atom feeds of the page, advertised to feed readers. */
  feeds?: Array<{ title: string; href: string }>;
  children?: Child;
}

function NavLink(props: { href: string; current: boolean; text: string }) {
  return (
    <li class={props.current ? 'active current' : undefined}>
      <a href={props.href} class="nav-link" aria-current={props.current ? 'page' : undefined}>
        <span>{props.text}</span>
      </a>
    </li>
  );
}

/** "Log ind", or the signed-in user's name, "Brugere" for admins, and a "Log ud" button (src/auth). */
function AccountLinks() {
  if (!accountsEnabled()) return null;
  const account = currentAccount();
  if (!account) {
    return (
      <div class="account-links">
        <a href="/log-ind">Log ind</a>
      </div>
    );
  }
  return (
    <div class="account-links">
      <span class="account-name">{account.user.displayName}</span>
      {writesAnywhere(account.user) && <a href="/arbejdsrum">Arbejdsrum</a>}
      {account.user.admin && <a href="/admin/brugere">Brugere</a>}
      <form method="post" action="/log-ud" class="account-logout">
        <input type="hidden" name={CSRF_FIELD} value={account.csrf} />
        <button class="button button-tertiary" type="submit">Log ud</button>
      </form>
    </div>
  );
}

/** The shared page frame. */
export function Layout(props: LayoutProps) {
  const nav = props.nav ?? 'none';
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${SITE_NAME} · mødearkiv`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/static/referat.css" />
        <link rel="stylesheet" href="/static/print.css" media="print" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
      </head>
      <body>
        <a class="skipnav" href="#main-content">Gå til sidens indhold</a>
        <header class="header">
          <div class="solution-info">
            <div class="solution-info-inner container">
              <div class="solution-heading">
                <a href="/">{SITE_NAME} · mødearkiv</a>
              </div>
              <div class="additional-info">
                <p><strong class="authority-name">KKR Midtjylland og KD-Net</strong></p>
                <p>Dagsordener og referater</p>
              </div>
              <AccountLinks />
            </div>
          </div>
          <div class="navigation-menu">
            <div class="navigation-menu-inner container">
              <nav class="nav" aria-label="Hovedmenu">
                <ul class="mainmenu">
                  <NavLink href="/" current={nav === 'home'} text="Forside" />
                  <NavLink href="/meetings" current={nav === 'meetings'} text="Møder" />
                  <NavLink href="/search" current={nav === 'search'} text="Søg i arkivet" />
                  <NavLink href="/people" current={nav === 'people'} text="Personer" />
                  <NavLink href="/om-arkivet" current={nav === 'about'} text="Om arkivet" />
                </ul>
              </nav>
            </div>
          </div>
        </header>
        <div class="container">
          {props.breadcrumbs && props.breadcrumbs.length > 0 && <Breadcrumbs items={props.breadcrumbs} />}
          <main id="main-content" class="page-main">
            {props.children}
          </main>
        </div>
        <footer>
          <div class="footer">
            <div class="container">
              <div class="row">
                <div class="col-12 col-md-8 footer-col">
                  <p>
                    <strong>{SITE_NAME}</strong> er et åbent arkiv over dagsordener og referater fra KKR Midtjylland
                    og kommunaldirektørnetværket i Midtjylland (KD-Net).{' '}
                    {currentAccount()
                      ? 'Du er logget ind og ser også de lukkede punkter og bilag, du har adgang til.'
                      : 'Lukkede punkter og lukkede bilag vises ikke.'}
                  </p>
                </div>
                <div class="col-12 col-md-4 footer-col">
                  <ul class="unstyled-list">
                    <li><a href="/">Forside</a></li>
                    <li><a href="/meetings">Alle møder</a></li>
                    <li><a href="/search">Søg i arkivet</a></li>
                    <li><a href="/people">Personer</a></li>
                    <li><a href="/lovede-punkter">Lovede punkter</a></li>
                    <li><a href="/om-arkivet">Om arkivet og åbne data</a></li>
                    <li><a href="/api">API</a></li>
                    <li><a href="/tilgaengelighed">Tilgængelighedserklæring</a></li>
                  </ul>
                </div>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Serialise a page to an HTML document string with the doctype. Pages are synchronous by design. */
export function renderPage(page: unknown): string {
  const html = String(page);
  // An async component would stringify as "[object Promise]"; fail loudly instead of serving that.
  if (html.startsWith('[object')) throw new Error('renderPage: pages must render synchronously');
  return `<!DOCTYPE html>${html}`;
}
