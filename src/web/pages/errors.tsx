/** @module Error pages in Danish: bad address (400), page not found (404), an unexpected error (500), database away (503). */
import { SearchBox } from '../components/search-box.js';
import { Layout, renderPage } from '../layout.js';

/** The 404 page, with a way on: the front page and a search box. */
export function renderNotFoundPage(): string {
  return renderPage(
    <Layout title="Siden blev ikke fundet">
      <h1>Siden blev ikke fundet</h1>
      <p class="font-lead">Vi kan ikke finde den side, du leder efter. Den kan være flyttet, eller adressen kan være skrevet forkert.</p>
      <p><a href="/">Gå til forsiden</a> eller søg i dagsordener og referater:</p>
      <SearchBox id="notfound-search" />
    </Layout>,
  );
}

/** The 500 page; it tells nothing about the cause, which goes to the server log instead. */
export function renderErrorPage(): string {
  return renderPage(
    <Layout title="Der opstod en fejl">
      <h1>Der opstod en fejl</h1>
      <p class="font-lead">Siden kunne ikke vises på grund af en fejl hos os. Prøv igen om lidt.</p>
      <p><a href="/">Gå til forsiden</a></p>
    </Layout>,
  );
}

/** The 400 page for an address with control characters (NUL and the like) in its path or query. */
export function renderBadRequestPage(): string {
  return renderPage(
    <Layout title="Ugyldig adresse">
      <h1>Ugyldig adresse</h1>
      <p class="font-lead">Adressen indeholder tegn, som ikke kan bruges (kontroltegn). Kontrollér adressen, eller søg i stedet.</p>
      <p><a href="/">Gå til forsiden</a> eller søg i dagsordener og referater:</p>
      <SearchBox id="badrequest-search" />
    </Layout>,
  );
}

/** The 503 page while the database is away (restarting, unreachable). */
export function renderUnavailablePage(): string {
  return renderPage(
    <Layout title="Arkivet er midlertidigt utilgængeligt">
      <h1>Arkivet er midlertidigt utilgængeligt</h1>
      <p class="font-lead">Arkivet er midlertidigt utilgængeligt, fordi databasen ikke svarer lige nu. Prøv igen om lidt.</p>
      <p><a href="/">Gå til forsiden</a></p>
    </Layout>,
  );
}
