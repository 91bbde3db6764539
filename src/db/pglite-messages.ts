/** @module What the main thread and the PGlite worker thread (pglite-thread.ts) say to each other. */

export interface WorkerInit {
  /** A directory (absolute) or `memory://`. */
  dataDir: string;
  /** A dumped data directory to start an in-memory database from. */
  loadDataDir?: ArrayBuffer;
  migrationsFolder: string;
}

/** One request; `tx` runs a statement inside that open transaction. */
export type Request = { id: number } & (
  | { op: 'query'; sql: string; params: unknown[]; rowMode: 'array' | 'object'; rawTypes: number[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen' | 'unlisten'; channel: string }
  | { op: 'checkpoint' | 'dump' | 'close' }
);

export interface ErrorData {
  message: string;
  name: string;
  stack?: string;
  /** The error's primitive fields: PGlite's DatabaseError has `code` (SQLSTATE), `detail`, `constraint`, … */
  fields: Record<string, string | number | boolean>;
}

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorData }
  | { notify: string; payload: string }
  | { ready: true };
