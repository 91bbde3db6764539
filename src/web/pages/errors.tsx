/** @module Error pages in Danish: page not found (404) and an unexpected error (500). */
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
