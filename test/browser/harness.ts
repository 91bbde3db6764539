/**
 * @module Browser-test plumbing: Debian's Chromium through playwright-core (never a downloaded
 * browser), the app on a free loopback port, and axe-core injected into pages.
 */
import { expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listen, type RunningServer } from '../../src/web/server.js';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/app.js';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
// Browser tests are skipped without Chromium on a developer's machine, never in CI (as pg-restart).
if (!hasChromium && (process.env.REFERAT_REQUIRE_SHARED || process.env.CI)) {
  throw new Error(`${CHROMIUM_PATH} is missing: browser tests are required in CI (apt-get install -y chromium)`);
}

/** Launch the system Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export type { RunningServer } from '../../src/web/server.js';

/** Serve the app on 127.0.0.1 on a port the OS picks. */
export function startServer(app: Hono<AppEnv>): Promise<RunningServer> {
  return listen(app, { port: 0 });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; html: string }>;
}

/** Run axe-core (all default rules, WCAG and best practice) on the loaded page. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'none') does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
}

/** A readable summary of violations for an assertion message. */
export function describeViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${url}: [${v.impact}] ${v.id} – ${v.help}\n${v.nodes.slice(0, 3).map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`).join('\n')}`)
    .join('\n');
}

/** Fails the test with a readable list when axe-core finds violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, describeViolations(page.url(), violations)).toEqual([]);
}
