/** @module Running the web archive as an HTTP server (for `npm start` and the browser tests). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Archive } from '../archive/types.js';
import { createApp, type AppParts } from './app.js';

export interface RunningServer {
  /** e.g. http://localhost:3000 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** 0 lets the operating system pick a free port. */
  port: number;
  hostname?: string;
}

/** Serve a Hono app; resolves once the server is listening. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app: the archive's and the internal one
export function listen(app: Hono<any>, options: ListenOptions): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}

/** Serve the web archive over an `Archive` implementation. */
export function serveArchive(archive: Archive, options: ListenOptions, parts: AppParts = {}): Promise<RunningServer> {
  return listen(createApp(archive, parts), options);
}
