/**
 * @module What counts as a fuzz failure. An input may import or be refused, but a refusal must be
 * the importer's own: an ImportError naming the file, with a one-line reason of reasonable length
 * that is no leaked programming error (a TypeError, a stack overflow, a failed schema check of the
 * importer's own output, "Cannot read properties of undefined"). A hang (past the time bound)
 * and a dead worker are failures too.
 */
import type { Outcome } from './pool.js';

/** Errors that mean a bug, not a bad file, when they are what the importer caught. */
const BUG_CLASSES = /^(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|AggregateError|ZodError|\$ZodError|AssertionError)$/;

/** Messages of JavaScript's own errors, for a bug a reader wrapped into a message of its own. */
const BUG_MESSAGES = /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|is not a constructor|Maximum call stack|Invalid array length|Invalid string length|Invalid typed array length|Offset is outside the bounds|out of memory|\bundefined\b|\[object Object\]|Unexpected token|"code":|invalid_type|Array buffer allocation failed/;

/** The longest reason a person should have to read. */
const MAX_REASON = 400;

/** The problem with an input's outcome, or null when it is fine. */
export function problemOf(outcome: Outcome, fileName: string): string | null {
  if ('hang' in outcome) return `hang: no answer within the time bound (${Math.round(outcome.ms)} ms)`;
  if ('died' in outcome) return `crash: ${outcome.died}`;
  if (outcome.ok) return null;
  const { error } = outcome;
  if (error.name !== 'ImportError') return `crash: ${error.name} escaped the importer: ${error.message.slice(0, 300)}`;
  if (error.fileName !== fileName) return `the error names ${JSON.stringify(error.fileName)}, not the file ${fileName}`;
  const reason = error.message.startsWith(`${fileName}: `) ? error.message.slice(fileName.length + 2) : null;
  if (reason === null) return `the message does not start with the file's name: ${error.message.slice(0, 300)}`;
  if (reason.trim() === '') return 'an empty reason';
  if (/[\n\r]/.test(reason)) return `a reason of several lines: ${reason.slice(0, 300)}`;
  if (reason.length > MAX_REASON) return `a reason of ${reason.length} characters: ${reason.slice(0, 200)}…`;
  if (error.cause && BUG_CLASSES.test(error.cause.name)) return `bug: ${error.cause.name} inside the importer: ${error.cause.message.slice(0, 300)}`;
  if (BUG_MESSAGES.test(reason)) return `bug: a programming error's message as the reason: ${reason.slice(0, 300)}`;
  return null;
}
