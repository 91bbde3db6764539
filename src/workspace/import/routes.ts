/**
 * @module /arbejdsrum/indlaes (issue 11, "Import into the workspace"): a secretary uploads a file
 * the importer reads, sees what it understood beside the file's own text, corrects it in plain
 * forms, and saves it through storeDocument with the corrections, which are kept for every later
 * import of the meeting's document. The workspace's guard has checked the account, CSRF and body
 * size; each route checks the organisation with canWrite.
 */
import { Hono } from 'hono';
import { CorrectionConflict, storeDocument } from '../../db/store.js';
import { listOrganizations, type User } from '../../db/users.js';
import { findOrganization } from '../../db/organizations.js';
import { applyCorrections, CorrectionOp, describeCorrection, FACT_LABELS } from '../../import/corrections.js';
import { ImportError } from '../../import/index.js';
import { blockText, comparable, type MeetingDocument } from '../../model/index.js';
import { canWrite, secretaryOrganizations } from '../access.js';
import { signedIn, type WorkspaceDeps } from '../index.js';
import { megabytes } from '../pages/errors.js';
import { renderImportRefusedPage, renderPreviewPage, renderSavedPage, renderUploadPage } from './pages.js';
import { buildPreview, type Preview } from './preview.js';
import { heldUpload, holdUpload, stateFields, stateFromForm, type PreviewState } from './state.js';

interface Org {
  id: number;
  slug: string;
  name: string;
}

type Form = Record<string, string | File | (string | File)[]>;

const field = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The organisations the user may import for. */
async function writableOrganizations(deps: WorkspaceDeps, user: User): Promise<Org[]> {
  return user.admin ? listOrganizations(deps.db) : secretaryOrganizations(user);
}

/** A Danish sentence for why the importer refused a file, naming it. */
function importRefusal(error: ImportError): { status: 400 | 415 | 422; message: string } {
  const name = `»${error.fileName}«`;
  if (error.reason === 'the file is empty') return { status: 400, message: `${name} er tom.` };
  // The reader was stopped (parse-pool.ts): the file is damaged or built to be read forever.
  const seconds = /^took longer than ([\d.]+) s to read/.exec(error.reason);
  if (seconds) return { status: 422, message: `${name} kunne ikke læses på ${seconds[1]!.replace('.', ',')} sekunder, og læsningen blev stoppet. Filen er måske beskadiget eller usædvanligt opbygget; prøv at gemme den igen som PDF eller Word.` };
  const megabytes = /^needed more than (\d+) MB of memory/.exec(error.reason);
  if (megabytes) return { status: 422, message: `${name} krævede mere end ${megabytes[1]} MB hukommelse at læse, og læsningen blev stoppet. Filen er måske beskadiget eller usædvanligt opbygget; prøv at gemme den igen som PDF eller Word.` };
  if (error.reason.startsWith('not a document Referat can read')) {
    return { status: 415, message: `${name} er ikke et dokument, Referat kan læse. Brug PDF, Word (DOCX), en gemt webside (HTML), tekst eller XML fra et sagssystem.` };
  }
  if (error.reason.startsWith('no numbered agenda items')) return { status: 400, message: `${name} har ingen nummererede punkter. Er det en dagsorden eller et referat?` };
  return { status: 400, message: `${name} kunne ikke læses (${error.reason}).` };
}

/**
 * The organisation a document may be stored under for this user: the chosen one, when the
 * document names it, names nothing, or names a body the archive does not know (then the body is
 * corrected to the chosen one). A document of another known organisation is refused.
 */
async function organizationCheck(
  deps: WorkspaceDeps,
  user: User,
  chosenId: number,
  doc: MeetingDocument,
  fileName: string,
): Promise<{ organization: Org; bodyFix: CorrectionOp | null } | { refused: string }> {
  const organization = (await writableOrganizations(deps, user)).find((o) => o.id === chosenId);
  if (!organization || !canWrite(user, organization.id)) return { refused: 'Du er ikke sekretær for den valgte organisation.' };
  if (doc.body === null) return { organization, bodyFix: { op: 'setFact', field: 'body', from: null, to: organization.name } };
  const known = await findOrganization(deps.db, doc.body, doc.authority);
  if (known?.id === organization.id) return { organization, bodyFix: null };
  if (known) return { refused: `»${fileName}« er fra ${known.name}, ikke fra ${organization.name}. Du kan kun indlæse dokumenter fra en organisation, du er sekretær for, og skal vælge den.` };
  return { organization, bodyFix: { op: 'setFact', field: 'body', from: doc.body, to: organization.name } };
}

/** A correction from a posted form, or the Danish reason it is not one. */
function correctionFrom(form: Form, doc: MeetingDocument): CorrectionOp[] | string {
  switch (field(form, 'handling')) {
    case 'titel': {
      const to = field(form, 'til');
      if (to === '') return 'Skriv den rigtige titel.';
      if (to === field(form, 'fra')) return 'Titlen er den samme som før.';
      return [{ op: 'setTitle', number: field(form, 'nummer'), from: field(form, 'fra'), to }];
    }
    case 'saml':
      return [{ op: 'mergeIntoPrevious', number: field(form, 'nummer'), title: field(form, 'titel'), into: { number: field(form, 'forrige-nummer'), title: field(form, 'forrige-titel') } }];
    case 'del': {
      const item = doc.items.find((i) => i.number === field(form, 'nummer') && i.title === field(form, 'titel'));
      const [s, b] = field(form, 'ved').split(':').map(Number);
      const block = item?.sections[s!]?.blocks[b!];
      if (!item || !block || (block.kind !== 'heading' && block.kind !== 'paragraph')) return 'Vælg den tekst, det nye punkt begynder med.';
      const newNumber = field(form, 'nyt-nummer').replace(/\.$/, '');
      if (!/^\d+(\.\d+)*$/.test(newNumber)) return 'Skriv det nye punkts nummer, fx 4 eller 3.2.';
      // The block is found again by its text: which of the item's blocks with that text it is.
      const key = comparable(block.text);
      const occurrence = item.sections.flatMap((sec, si) => sec.blocks.map((x, bi) => ({ si, bi, x }))).filter((e) => comparable(blockText(e.x)) === key).findIndex((e) => e.si === s && e.bi === b);
      return [{ op: 'split', number: item.number, title: item.title, block: { text: block.text, occurrence }, newNumber }];
    }
    case 'fakta': {
      const ops: CorrectionOp[] = [];
      for (const name of ['date', 'startTime', 'location'] as const) {
        const value = field(form, name) || null;
        if (value !== (doc[name] ?? null)) ops.push({ op: 'setFact', field: name, from: doc[name], to: value });
      }
      return ops.length > 0 ? ops : 'Mødets oplysninger er de samme som før.';
    }
    case 'deltager': {
      const name = field(form, 'navnet');
      if (name === '') return 'Skriv deltagerens navn.';
      return [{ op: 'addParticipant', participant: { name, party: field(form, 'parti') || null, municipality: field(form, 'kommune') || null, role: null } }];
    }
    case 'fjern':
      return [{ op: 'removeParticipant', name: field(form, 'navnet') }];
    default:
      return 'Ukendt rettelse.';
  }
}

/** Why an op is malformed, in Danish. */
function malformed(op: unknown): string | null {
  const parsed = CorrectionOp.safeParse(op);
  if (parsed.success) return null;
  const o = op as { op?: string; field?: keyof typeof FACT_LABELS };
  if (o.op === 'setFact' && o.field === 'date') return 'Datoen skal være en dato (ÅÅÅÅ-MM-DD).';
  if (o.op === 'setFact' && o.field === 'startTime') return 'Starttidspunktet skal skrives som TT:MM.';
  return 'Rettelsen kunne ikke forstås. Prøv igen.';
}

export function importRoutes(deps: WorkspaceDeps) {
  const app = new Hono();

  const uploadPage = async (user: User, extra: { error?: string; chosen?: number } = {}) =>
    renderUploadPage({ organizations: await writableOrganizations(deps, user), csrf: signedIn().csrf, maxBytes: deps.maxUploadBytes, ...extra });

  const previewPage = (state: PreviewState, preview: Preview, organization: Org, extra: { error?: string; notice?: string } = {}) =>
    renderPreviewPage({
      doc: preview.doc,
      fileName: state.fileName,
      format: preview.imported.format,
      organization,
      kept: preview.kept,
      pending: state.pending,
      pendingStale: preview.pendingStale,
      lines: preview.lines,
      hidden: { ...stateFields(state, signedIn().token), csrf: signedIn().csrf },
      ...extra,
    });

  /** The preview a posted state stands for, with its organisation checked again; or a refusal page. */
  async function loadState(form: Form) {
    const { user, token } = signedIn();
    const state = stateFromForm(form, token);
    if (!state) return { refused: { status: 400 as const, page: renderImportRefusedPage('Forhåndsvisningen kan ikke bruges', 'Forhåndsvisningen er udløbet eller ændret. Indlæs filen igen.') } };
    const bytes = await heldUpload(deps.db, state.sha256);
    if (!bytes) return { refused: { status: 410 as const, page: renderImportRefusedPage('Forhåndsvisningen kan ikke bruges', `»${state.fileName}« findes ikke længere. Indlæs filen igen.`) } };
    let preview: Preview;
    try {
      preview = await buildPreview(deps.db, bytes, state.fileName, state.pending);
    } catch (error) {
      // Read once already, but the reader may still be stopped (its time bound on a busy server).
      if (!(error instanceof ImportError)) throw error;
      const refusal = importRefusal(error);
      return { refused: { status: refusal.status, page: renderImportRefusedPage('Filen kan ikke læses', refusal.message) } };
    }
    const check = await organizationCheck(deps, user, state.organizationId, preview.doc, state.fileName);
    if ('refused' in check) return { refused: { status: 403 as const, page: renderImportRefusedPage('Dokumentet kan ikke gemmes her', check.refused) } };
    return { state, bytes, preview, organization: check.organization };
  }

  app.get('/', async (c) => c.html(await uploadPage(signedIn().user)));

  app.post('/', async (c) => {
    const { user } = signedIn();
    const form = (await c.req.parseBody({ all: true })) as Form;
    const chosen = Number(field(form, 'organisation'));
    const file = form.fil;
    if (!(file instanceof File) || (file.name === '' && file.size === 0)) return c.html(await uploadPage(user, { error: 'Vælg en fil.', chosen }), 400);
    const name = file.name || 'dokument';
    if (file.size > deps.maxUploadBytes) {
      return c.html(await uploadPage(user, { error: `»${name}« fylder ${megabytes(file.size)}; en fil må højst fylde ${megabytes(deps.maxUploadBytes)}.`, chosen }), 413);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let preview: Preview;
    try {
      preview = await buildPreview(deps.db, bytes, name, []);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const refusal = importRefusal(error);
      return c.html(await uploadPage(user, { error: refusal.message, chosen }), refusal.status);
    }
    const check = await organizationCheck(deps, user, chosen, preview.doc, name);
    if ('refused' in check) return c.html(renderImportRefusedPage('Dokumentet kan ikke indlæses her', check.refused), 403);
    const sha256 = await holdUpload(deps.db, bytes);
    const state: PreviewState = { sha256, fileName: name, organizationId: check.organization.id, pending: check.bodyFix ? [check.bodyFix] : [] };
    if (check.bodyFix) preview = await buildPreview(deps.db, bytes, name, state.pending);
    return c.html(previewPage(state, preview, check.organization));
  });

  app.post('/ret', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as Form;
    const loaded = await loadState(form);
    if ('refused' in loaded) return c.html(loaded.refused!.page, loaded.refused!.status);
    const { state, bytes, preview, organization } = loaded;
    if (field(form, 'handling') === 'fortryd') {
      const undone = { ...state, pending: state.pending.slice(0, -1) };
      return c.html(previewPage(undone, await buildPreview(deps.db, bytes, state.fileName, undone.pending), organization, { notice: 'Den seneste rettelse er fortrudt.' }));
    }
    const ops = correctionFrom(form, preview.doc);
    const problem = typeof ops === 'string' ? ops : ops.map(malformed).find((m) => m !== null);
    if (problem) return c.html(previewPage(state, preview, organization, { error: problem }), 400);
    const parsed = (ops as unknown[]).map((op) => CorrectionOp.parse(op));
    const tried = applyCorrections(preview.doc, parsed);
    if (tried.stale.length > 0) return c.html(previewPage(state, preview, organization, { error: tried.stale.map((s) => s.reason).join(' ') }), 409);
    const next = { ...state, pending: [...state.pending, ...parsed] };
    const updated = await buildPreview(deps.db, bytes, state.fileName, next.pending);
    return c.html(previewPage(next, updated, organization, { notice: `Rettet: ${parsed.map(describeCorrection).join('; ')}` }));
  });

  app.post('/gem', async (c) => {
    const { user } = signedIn();
    const form = (await c.req.parseBody({ all: true })) as Form;
    const loaded = await loadState(form);
    if ('refused' in loaded) return c.html(loaded.refused!.page, loaded.refused!.status);
    const { state, bytes, preview, organization } = loaded;
    if ((await findOrganization(deps.db, preview.doc.body ?? '', preview.doc.authority))?.id !== organization.id) {
      return c.html(renderImportRefusedPage('Dokumentet kan ikke gemmes her', `»${state.fileName}« er ikke fra ${organization.name}.`), 403);
    }
    const { imported } = preview;
    try {
      const result = await storeDocument(
        deps.db,
        imported.document,
        { bytes, fileName: state.fileName, format: imported.format, access: imported.fileAccess },
        { createdBy: `workspace (${user.email})`, corrections: state.pending, actor: { kind: 'user', userId: user.id, email: user.email } },
      );
      return c.html(renderSavedPage({ result, fileName: state.fileName, kind: preview.doc.kind }));
    } catch (error) {
      if (!(error instanceof CorrectionConflict)) throw error;
      return c.html(previewPage(state, preview, organization, { error: error.stale.map((s) => s.reason).join(' ') }), 409);
    }
  });

  return app;
}
