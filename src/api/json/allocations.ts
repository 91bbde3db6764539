/**
 * @module /api/meetings/{id}/items/{number}/allocations: an item's current allocations (issue 13),
 * each with its model, stored inputs, result and CSV link; read with the request's viewer, so a
 * closed item's allocations are never public. Registered only when the app has allocations.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AllocationsPart } from '../../allocation/web.js';
import { allocationCsvUrl } from '../../allocation/web.js';
import type { Viewer } from '../../model/index.js';
import { ItemParams } from './params.js';
import { ApiError } from './schemas.js';

type Env = { Variables: { viewer: Viewer } };

const Row = z.object({
  municipality: z.string().openapi({ example: 'Aarhus' }),
  inputs: z.record(z.string(), z.number()).openapi({ description: 'The figures the share was computed from (indbyggere, aftalt, …).' }),
  share: z.number().int().openapi({ description: 'Øre, or whole units for quotas.' }),
  explanation: z.string(),
});

export const ApiAllocation = z
  .object({
    title: z.string(),
    slot: z.number().int().openapi({ description: "Which of the item's allocations." }),
    version: z.number().int(),
    kind: z.enum(['per-capita', 'mix', 'quota', 'historical']),
    populationPeriod: z.union([z.string(), z.null()]).openapi({ example: '2024K1' }),
    inputs: z.record(z.string(), z.unknown()).openapi({ description: "The model's stored inputs; computing them again gives the result." }),
    unit: z.enum(['øre', 'antal']),
    total: z.number().int(),
    rounding: z.string(),
    rows: z.array(Row),
    createdAt: z.string(),
    csv: z.string().openapi({ example: '/meetings/12/items/5/fordelinger/1.csv' }),
  })
  .openapi('Allocation');

export const ApiAllocations = z.object({ item: z.string().openapi({ example: '/meetings/12/items/5' }), results: z.array(ApiAllocation) }).openapi('Allocations');

const example: z.infer<typeof ApiAllocations> = {
  item: '/meetings/12/items/5',
  results: [
    {
      title: 'Finansiering af GovTech Midtjylland',
      slot: 1,
      version: 1,
      kind: 'mix',
      populationPeriod: '2024K1',
      inputs: { kind: 'mix', total: 20_000_000, equalShare: 2500, populationShare: 7500, population: [{ municipality: 'Norddal', count: 30_000 }, { municipality: 'Sønderby', count: 10_000 }] },
      unit: 'øre',
      total: 20_000_000,
      rounding: 'Hver andel er regnet som en eksakt brøk og afrundet til hele øre efter største brøkdels metode.',
      rows: [
        { municipality: 'Norddal', inputs: { indbyggere: 30_000 }, share: 13_750_000, explanation: '25 % ligeligt: 1/2 af 200.000,00 kr. + 75 % efter indbyggertal: 30.000 af 40.000 indbyggere' },
        { municipality: 'Sønderby', inputs: { indbyggere: 10_000 }, share: 6_250_000, explanation: '25 % ligeligt: 1/2 af 200.000,00 kr. + 75 % efter indbyggertal: 10.000 af 40.000 indbyggere' },
      ],
      createdAt: '2024-03-01 10:00:00+00',
      csv: '/meetings/12/items/5/fordelinger/1.csv',
    },
  ],
};

const route = createRoute({
  method: 'get', path: '/api/meetings/{id}/items/{number}/allocations', tags: ['Møder'], summary: 'Et punkts fordelinger',
  description: 'Fordelingsnøglerne på punktet (fx udgifter efter indbyggertal eller kvoter efter største brøkdel): model, input, resultat pr. kommune og afrunding.',
  request: { params: ItemParams },
  responses: {
    200: { description: 'Punktets fordelinger.', content: { 'application/json': { schema: ApiAllocations, example } } },
    404: { description: 'Findes ikke (eller må ikke ses).', content: { 'application/json': { schema: ApiError, example: { error: 'Punktet findes ikke.' } } } },
  },
});

/** Adds the route to the API. An item the viewer may not read is 404, like the item itself. */
export function registerAllocationRoutes(app: OpenAPIHono<Env>, allocations: AllocationsPart, itemVisible: (viewer: Viewer, id: number, number: string) => Promise<boolean>): void {
  app.openapi(route, async (c) => {
    const { id, number } = c.req.valid('param');
    if (!(await itemVisible(c.var.viewer, Number(id), number))) return c.json({ error: 'Punktet findes ikke.' }, 404);
    const found = await allocations.forItem(c.var.viewer, Number(id), number);
    const results = found.map((a) => ({
      title: a.title,
      slot: a.slot,
      version: a.version,
      kind: a.kind,
      populationPeriod: a.populationPeriod,
      inputs: a.inputs as Record<string, unknown>,
      unit: a.result.unit,
      total: a.result.total,
      rounding: a.result.rounding,
      rows: a.result.rows,
      createdAt: a.createdAt,
      csv: allocationCsvUrl(a.meetingId, a.itemNumber, a.slot),
    }));
    return c.json({ item: `/meetings/${id}/items/${number}`, results }, 200);
  });
}
