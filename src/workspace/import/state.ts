/**
 * @module What a preview carries from request to request, in hidden fields of its plain forms:
 * the upload's SHA-256, file name and organisation, signed for the session (so nobody previews
 * another file by its hash — hashes are public in the models), and the corrections made so far
 * (each checked again on every request, so they need no signature). The bytes wait in `blobs`:
 * content-addressed, so holding them there before saving is safe and any server process of one
 * PostgreSQL finds them; a preview never saved leaves one unreferenced blob.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hmac, sameSecret } from '../../auth/tokens.js';
import type { Db } from '../../db/client.js';
import { blobs } from '../../db/schema.js';
import { sha256Hex } from '../../db/store.js';
import { CorrectionOp } from '../../import/corrections.js';

export interface PreviewState {
  sha256: string;
  fileName: string;
  organizationId: number;
  /** Corrections made in this preview, not yet saved. */
  pending: CorrectionOp[];
}

/** The hidden fields of a state, for every form of the preview. */
export function stateFields(state: PreviewState, sessionToken: string): Record<string, string> {
  return {
    sha: state.sha256,
    navn: state.fileName,
    organisation: String(state.organizationId),
    sig: signature(state, sessionToken),
    rettelser: JSON.stringify(state.pending),
  };
}

const Fields = z.object({
  sha: z.string().regex(/^[0-9a-f]{64}$/),
  navn: z.string().min(1).max(300),
  organisation: z.coerce.number().int().positive(),
  sig: z.string().max(100),
  rettelser: z.string().max(200_000),
});

/** The state a form carried, or null when it is missing, malformed or not signed for this session. */
export function stateFromForm(form: Record<string, unknown>, sessionToken: string): PreviewState | null {
  const fields = Fields.safeParse(form);
  if (!fields.success) return null;
  let pending: unknown;
  try {
    pending = JSON.parse(fields.data.rettelser);
  } catch {
    return null;
  }
  const ops = CorrectionOp.array().max(500).safeParse(pending);
  if (!ops.success) return null;
  const state = { sha256: fields.data.sha, fileName: fields.data.navn, organizationId: fields.data.organisation, pending: ops.data };
  return sameSecret(fields.data.sig, signature(state, sessionToken)) ? state : null;
}

function signature(state: PreviewState, sessionToken: string): string {
  return hmac(sessionToken, `indlaes\n${state.sha256}\n${state.fileName}\n${state.organizationId}`);
}

/** Keeps an upload's bytes until it is saved; returns their hash. */
export async function holdUpload(db: Db, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await db.insert(blobs).values({ sha256, bytes, size: bytes.byteLength }).onConflictDoNothing();
  return sha256;
}

/** The bytes held under a hash, or null. */
export async function heldUpload(db: Db, sha256: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ bytes: blobs.bytes }).from(blobs).where(eq(blobs.sha256, sha256));
  return row ? new Uint8Array(row.bytes) : null;
}
