/**
 * @module The tilgængelighedserklæring (accessibility statement), in the structure of
 * Digitaliseringsstyrelsen's WAS-Tool statement (after EU implementing decision 2018/1523):
 * compliance status, content that is not accessible, how the statement was made, feedback and
 * contact, enforcement. It states only what the test suite checks (axe-core on every page type,
 * keyboard use, pages without JavaScript, a phone-sized window). The authority that runs the archive
 * supplies its contact details (REFERAT_CONTACT_EMAIL, REFERAT_CONTACT_PHONE) and, once it has
 * published the statement in WAS-Tool, its address there (REFERAT_WAS_URL; /was leads to it).
 */
import { danishDate } from '../format.js';
import { Layout, renderPage } from '../layout.js';

/** When this statement was last reviewed against what the tests check. */
export const STATEMENT_DATE = '2026-12-01';

export interface AccessibilityContact {
  email?: string;
  phone?: string;
  /** The statement published in Digitaliseringsstyrelsen's WAS-Tool (was.digst.dk/…). */
  wasUrl?: string;
}

/** Contact details from the environment, as the authority running the archive sets them. */
export function contactFromEnv(env: NodeJS.ProcessEnv = process.env): AccessibilityContact {
  const contact: AccessibilityContact = {};
  if (env.REFERAT_CONTACT_EMAIL) contact.email = env.REFERAT_CONTACT_EMAIL;
  if (env.REFERAT_CONTACT_PHONE) contact.phone = env.REFERAT_CONTACT_PHONE;
  if (env.REFERAT_WAS_URL && /^https:\/\//.test(env.REFERAT_WAS_URL)) contact.wasUrl = env.REFERAT_WAS_URL;
  return contact;
}

const DIGST_COMPLAINT = 'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';

function Contact(props: { contact: AccessibilityContact }) {
  const { email, phone } = props.contact;
  if (!email && !phone) {
    return (
      <p>
        Den myndighed, der driver dette arkiv, har endnu ikke angivet sine kontaktoplysninger her. Indtil da kan du
        skrive til det organ, hvis dokumenter du læser; organets navn står øverst på hver mødeside.
      </p>
    );
  }
  return (
    <ul>
      {email && <li>E-mail: <a href={`mailto:${email}`}>{email}</a></li>}
      {phone && <li>Telefon: <a href={`tel:${phone.replace(/\s+/g, '')}`}>{phone}</a></li>}
    </ul>
  );
}

/** The accessibility statement as an HTML document. */
export function renderAccessibilityPage(data: { origin: string; contact: AccessibilityContact }): string {
  const site = data.origin;
  return renderPage(
    <Layout title="Tilgængelighedserklæring" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Tilgængelighedserklæring' }]}>
      <h1>Tilgængelighedserklæring</h1>
      <p class="font-lead">
        Vi ønsker, at alle kan bruge arkivet på <span class="site-address">{site}</span>, jf. lov om tilgængelighed af
        offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).
      </p>
      {data.contact.wasUrl && (
        <p>Erklæringen er også offentliggjort i Digitaliseringsstyrelsens WAS-Tool: <a href={data.contact.wasUrl}>{data.contact.wasUrl}</a>.</p>
      )}

      <h2 id="overholdelsesstatus">Overholdelsesstatus</h2>
      <p>
        Webstedet overholder <strong>delvist</strong> den harmoniserede standard EN 301 549 (WCAG 2.1 niveau AA), på
        grund af det indhold, der er nævnt nedenfor.
      </p>

      <h2 id="ikke-tilgaengeligt">Indhold, der ikke er tilgængeligt</h2>
      <h3>Manglende overholdelse af lovgivningen</h3>
      <ul>
        <li>
          <strong>Originalfiler.</strong> De dagsordener og referater, der kan hentes som originalfil (PDF og Word), er
          organernes egne filer. De kan mangle overskriftsstruktur, tags, læserækkefølge og alternativ tekst. Hele
          teksten fra de offentlige dele findes også som almindelig webside i arkivet.
        </li>
        <li>
          <strong>Tabeller fra dokumenterne.</strong> Tabeller, der er læst ud af PDF- og tekstfiler, har ingen
          kolonneoverskrifter i kilden; arkivet gør første celle i hver række til rækkeoverskrift, men kan ikke altid
          genskabe tabellens overskrifter.
        </li>
        <li>
          <strong>Dokumenternes struktur.</strong> Punkter, afsnit og deltagerlister er fundet af programmet ud fra
          dokumenternes layout. Et afsnit kan i sjældne tilfælde have fået en forkert overskrift eller stå under et
          forkert punkt.
        </li>
      </ul>
      <h3>Uforholdsmæssig stor byrde</h3>
      <p>Vi påberåber os ikke uforholdsmæssig stor byrde for noget indhold.</p>
      <h3>Indhold, der ikke er omfattet af lovgivningen</h3>
      <p>
        Filer i kontorformater (PDF og Word), der er offentliggjort før den 23. september 2018, er ikke omfattet af
        loven. Bilag vises kun med deres titel.
      </p>

      <h2 id="udarbejdelse">Udarbejdelse af denne tilgængelighedserklæring</h2>
      <p>Erklæringen blev udarbejdet den {danishDate(STATEMENT_DATE)} og er senest gennemgået samme dag.</p>
      <p>Vi har selv evalueret webstedet med denne metode, som køres ved hver ændring af programmet:</p>
      <ul>
        <li>
          Automatisk test med axe-core (regler for WCAG 2.0 og 2.1 niveau A og AA samt bedste praksis) af hver
          sidetype i Chromium: forside, møder som liste og kalender, mødesider, punkter, versioner, sager, personer,
          søgning, fejlsider, om arkivet og denne erklæring.
        </li>
        <li>
          Test med tastatur: "Gå til sidens indhold" er det første, tabulatortasten når, og fører til sidens indhold;
          menuen, filtrene og kalenderens dage nås og bruges med tastaturet, og fokus er synligt.
        </li>
        <li>Test uden JavaScript: søgning, filtre, sideskift og kalender virker som almindelige links og formularer.</li>
        <li>Test i et vindue på størrelse med en mobiltelefon: brede tabeller ruller vandret inde i siden.</li>
      </ul>
      <p>
        Der er ikke foretaget en fuld manuel gennemgang af alle kriterier i EN 301 549, og der er ikke testet med
        skærmlæsere. Det er grunden til, at status er angivet som delvis overholdelse.
      </p>

      <h2 id="feedback">Feedback og kontaktoplysninger</h2>
      <p>
        Oplever du indhold, der ikke er tilgængeligt, eller har du brug for et dokument i en anden form, så kontakt os.
        Skriv ikke fortrolige eller følsomme personoplysninger som cpr-nummer eller helbredsoplysninger.
      </p>
      <Contact contact={data.contact} />

      <h2 id="haandhaevelse">Håndhævelsesprocedure</h2>
      <p>
        Kontakt først os. Får du ikke et tilfredsstillende svar, eller har du ikke fået svar inden for 10 arbejdsdage, kan
        du rette henvendelse til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighedsloven:{' '}
        <a href={DIGST_COMPLAINT}>Oplever du ikke-tilgængeligt indhold? (Digitaliseringsstyrelsen)</a>.
      </p>
    </Layout>,
  );
}
