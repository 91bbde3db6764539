/** @module The workspace's own refusals, in Danish. */
import { Alert } from '../../web/components/alert.js';
import { Layout, renderPage } from '../../web/layout.js';

/** Megabytes with one decimal where needed, the Danish way ("2,5 MB"). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}

export function renderUploadTooLargePage(maxBytes: number): string {
  return renderPage(
    <Layout title="Filen er for stor">
      <h1>Filen er for stor</h1>
      <Alert variant="error" heading="Filen blev ikke gemt">
        <p>En fil må højst fylde {megabytes(maxBytes)}. Intet er ændret.</p>
      </Alert>
      <p class="mt-5">
        <a href="/arbejdsrum">Tilbage til arbejdsrummet</a>
      </p>
    </Layout>,
  );
}
