/**
 * @module The pages of e-mail alerts: after subscribing, confirming (a button: mail scanners open
 * links, only a person presses), unsubscribing or erasing an address, and when a link is dead.
 */
import type { Child } from 'hono/jsx';
import { Alert } from '../components/alert.js';
import { Layout, renderPage } from '../layout.js';

export type SubscriptionPage =
  | { kind: 'sent'; email: string; description: string; hours: number }
  | { kind: 'invalid'; error: string; back: string | null }
  | { kind: 'limited' }
  | { kind: 'mail-failed' }
  | { kind: 'confirm'; token: string; description: string }
  | { kind: 'confirmed'; description: string }
  | { kind: 'unsubscribe'; token: string; description: string | null }
  | { kind: 'unsubscribed'; description: string | null }
  | { kind: 'dead-link' };

/** A one-button form posting the token back. */
function TokenForm(props: { action: string; token: string; label: string }) {
  return (
    <form method="post" action={props.action} class="mt-5">
      <input type="hidden" name="token" value={props.token} />
      <button class="button button-primary" type="submit">{props.label}</button>
    </form>
  );
}

const HOME = (
  <p class="mt-5">
    <a href="/">Gå til forsiden</a>
  </p>
);

/** The title and content of each page. */
function content(page: SubscriptionPage): { title: string; body: Child } {
  switch (page.kind) {
    case 'sent':
      return {
        title: 'Tjek din e-mail',
        body: (
          <>
            <Alert variant="success" heading="Næsten færdig">
              <p>
                Vi har sendt en e-mail til <strong>{page.email}</strong>. Åbn linket i den for at bekræfte, at du vil have besked om {page.description}.
              </p>
            </Alert>
            <p class="mt-5">Linket virker i {page.hours} timer. Kommer der ingen e-mail, så se i mappen med uønsket post.</p>
            {HOME}
          </>
        ),
      };
    case 'invalid':
      return {
        title: 'Tilmeldingen kunne ikke gennemføres',
        body: (
          <>
            <Alert variant="error" heading="Tilmeldingen kunne ikke gennemføres">
              <p>{page.error}</p>
            </Alert>
            <p class="mt-5">{page.back ? <a href={page.back}>Tilbage og prøv igen</a> : <a href="/">Gå til forsiden</a>}</p>
          </>
        ),
      };
    case 'limited':
      return {
        title: 'For mange ubekræftede tilmeldinger',
        body: (
          <>
            <Alert variant="warning" heading="For mange ubekræftede tilmeldinger">
              <p>Der venter allerede bekræftelser i denne adresses indbakke. Bekræft dem først, eller prøv igen, når linkene er udløbet.</p>
            </Alert>
            {HOME}
          </>
        ),
      };
    case 'mail-failed':
      return {
        title: 'E-mailen kunne ikke sendes',
        body: (
          <>
            <Alert variant="error" heading="E-mailen kunne ikke sendes">
              <p>Vi kunne ikke sende bekræftelsen lige nu. Der er ikke gemt noget. Prøv igen om lidt.</p>
            </Alert>
            {HOME}
          </>
        ),
      };
    case 'confirm':
      return {
        title: 'Bekræft dit abonnement',
        body: (
          <>
            <p class="font-lead">Tryk på knappen for at få en e-mail, når der er nyt om {page.description}.</p>
            <TokenForm action="/subscriptions/confirm" token={page.token} label="Bekræft abonnement" />
          </>
        ),
      };
    case 'confirmed':
      return {
        title: 'Dit abonnement er bekræftet',
        body: (
          <>
            <Alert variant="success" heading="Dit abonnement er bekræftet">
              <p>Du får en e-mail, når der kommer nyt om {page.description}. Hver e-mail har et link til at afmelde og slette din adresse.</p>
            </Alert>
            {HOME}
          </>
        ),
      };
    case 'unsubscribe':
      return page.description
        ? {
            title: 'Afmeld e-mails',
            body: (
              <>
                <p class="font-lead">Vil du ikke længere have e-mails om {page.description}?</p>
                <TokenForm action="/subscriptions/unsubscribe" token={page.token} label="Afmeld" />
              </>
            ),
          }
        : {
            title: 'Afmeld alle e-mails og slet din adresse',
            body: (
              <>
                <p class="font-lead">Vi sletter alle dine abonnementer og din e-mailadresse. Du får ikke flere e-mails fra os.</p>
                <TokenForm action="/subscriptions/unsubscribe" token={page.token} label="Afmeld alle og slet mine data" />
              </>
            ),
          };
    case 'unsubscribed':
      return {
        title: 'Du er afmeldt',
        body: (
          <>
            <Alert variant="success" heading="Du er afmeldt">
              <p>{page.description ? `Du får ikke flere e-mails om ${page.description}.` : 'Dine abonnementer og din e-mailadresse er slettet. Du får ikke flere e-mails fra os.'}</p>
            </Alert>
            {HOME}
          </>
        ),
      };
    case 'dead-link':
      return {
        title: 'Linket virker ikke længere',
        body: (
          <>
            <Alert variant="warning" heading="Linket virker ikke længere">
              <p>Linket er udløbet eller allerede brugt. Er du afmeldt, er din adresse slettet; ellers kan du bruge linket i den nyeste e-mail fra os.</p>
            </Alert>
            {HOME}
          </>
        ),
      };
  }
}

/** A page of the alert flow as an HTML document. */
export function renderSubscriptionPage(page: SubscriptionPage): string {
  const { title, body } = content(page);
  return renderPage(
    <Layout title={title} breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'E-mail-abonnement' }]}>
      <h1>{title}</h1>
      {body}
    </Layout>,
  );
}
