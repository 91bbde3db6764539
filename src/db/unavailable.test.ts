/** Which errors mean "the database is away" (503) rather than a fault (500). */
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

/** A node-postgres error as the driver makes it: message and SQLSTATE or errno code. */
const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
const wrapped = (cause: Error) => new DrizzleQueryError('select "id" from "meetings" where "id" = $1', [1], cause);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['admin shutdown', pgError('terminating connection due to administrator command', '57P01')],
    ['crash shutdown', pgError('terminating connection because of crash of another server process', '57P02')],
    ['starting up', pgError('the database system is starting up', '57P03')],
    ['shutting down', pgError('the database system is shutting down', '57P03')],
    ['connection failure', pgError('could not connect', '08006')],
    ['connection exception', pgError('connection exception', '08000')],
    ['protocol violation', pgError('protocol violation', '08P01')],
    ['refused', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['reset', pgError('read ECONNRESET', 'ECONNRESET')],
    ['terminated', pgError('Connection terminated unexpectedly')],
    ['terminated by timeout', pgError('Connection terminated due to connection timeout')],
    ['client broken', pgError('Client has encountered a connection error and is not queryable')],
    ['pool timeout', pgError('timeout exceeded when trying to connect')],
  ])('is true for %s, bare and wrapped by Drizzle', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
  });

  it('is true for a refused connection to several addresses (AggregateError)', () => {
    const aggregate = Object.assign(new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(wrapped(aggregate))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''))).toBe(true);
  });

  it.each([
    ['a syntax error', pgError('syntax error at or near "selec"', '42601')],
    ['a unique violation', pgError('duplicate key value violates unique constraint', '23505')],
    ['bad input', pgError('invalid input syntax for type integer: "x"', '22P02')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(false);
  });

  it('is false for values that are no errors, and survives a cause cycle', () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
