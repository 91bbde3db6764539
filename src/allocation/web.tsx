/**
 * @module Allocations on the public side: what the item and meeting pages show (read with the
 * request's viewer, so a closed item's allocations stay closed) and the CSV download at
 * /meetings/:id/items/:number/fordelinger/:slot.csv. Mounted by createApp as `parts.allocations`.
 */
import { Hono } from 'hono';
import type { Db } from '../db/client.js';
import { visibleAllocations, type AttachedAllocation } from '../db/allocations.js';
import type { Viewer } from '../model/index.js';
import { allocationCsv } from './csv.js';
import { AllocationView } from './view.js';

type Env = { Variables: { viewer: Viewer } };

/** Where an allocation's CSV is downloaded. */
export const allocationCsvUrl = (meetingId: number, number: string, slot: number) => `/meetings/${meetingId}/items/${number}/fordelinger/${slot}.csv`;

export interface AllocationsPart {
  /** The current allocations of the meeting's items the viewer may read, in item order. */
  forMeeting(viewer: Viewer, meetingId: number): Promise<AttachedAllocation[]>;
  /** Those of one item. */
  forItem(viewer: Viewer, meetingId: number, number: string): Promise<AttachedAllocation[]>;
  /** The CSV downloads. */
  routes: Hono<Env>;
}

export function createAllocations(db: Db): AllocationsPart {
  const routes = new Hono<Env>();
  routes.get('/meetings/:id/items/:number/fordelinger/:file', async (c) => {
    const id = Number(c.req.param('id'));
    const number = c.req.param('number');
    const slot = /^(\d{1,4})\.csv$/.exec(c.req.param('file'));
    if (!Number.isSafeInteger(id) || !slot) return c.notFound();
    const found = (await visibleAllocations(db, c.var.viewer, id, number)).find((a) => a.slot === Number(slot[1]));
    if (!found) return c.notFound();
    const name = `fordeling-moede-${id}-punkt-${number}-${found.slot}.csv`;
    return c.body(allocationCsv(found.title, found.result), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });
  return {
    forMeeting: (viewer, meetingId) => visibleAllocations(db, viewer, meetingId),
    forItem: (viewer, meetingId, number) => visibleAllocations(db, viewer, meetingId, number),
    routes,
  };
}

/** The allocations of an item (or a meeting's, each naming its item) as page sections. */
export function Allocations(props: { allocations: AttachedAllocation[]; level: 2 | 3; itemLink?: (a: AttachedAllocation) => string }) {
  if (props.allocations.length === 0) return null;
  const sub = (props.level + 1) as 3 | 4;
  return (
    <section class="allocations mt-7" aria-labelledby="fordelinger">
      {props.level === 2 ? <h2 id="fordelinger">Fordelinger</h2> : <h3 id="fordelinger">Fordelinger</h3>}
      {props.allocations.map((a) => (
        <>
          {props.itemLink && (
            <p class="allocation-item">
              Punkt <a href={props.itemLink(a)}>{a.itemNumber}. {a.itemTitle}</a>
            </p>
          )}
          <AllocationView
            data={{
              title: a.title,
              kind: a.kind,
              populationPeriod: a.populationPeriod,
              result: a.result,
              csvUrl: allocationCsvUrl(a.meetingId, a.itemNumber, a.slot),
              level: sub,
              id: `fordeling-${a.agendaItemId}-${a.slot}`,
            }}
          />
        </>
      ))}
    </section>
  );
}
