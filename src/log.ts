/**
 * Structured JSON logs on stderr (pino), so stdout stays the console chat.
 * Contact names and notes are never logged: log ids and counts.
 *
 * Two ways a line gets its context: a child logger (`log.child({ reqId })`,
 * what the bot does for each update), and `withLogFields`, which adds fields
 * to every line logged inside an async call — the scheduler's `tickId`
 * reaches the planner's and the sender's lines without being passed down.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { pino, type DestinationStream } from 'pino';
import { redactor } from './secrets.ts';

/**
 * keepwarm's one logger type: fields first, then a fixed message. pino's
 * logger is one; a module that needs only some levels asks for
 * `Pick<Logger, …>`, so a test can pass a small double.
 */
export interface Logger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
  /** A logger whose every line carries `bindings` (pino's child loggers). */
  child(bindings: Record<string, string>): Logger;
  /** The lowest level written: `debug`, `info`, `warn` … */
  level: string;
}

const context = new AsyncLocalStorage<Record<string, string>>();

/**
 * The process's logger. `destination` defaults to stderr; tests pass a
 * stream to read the lines. Every line, whatever wrote it, has `secrets`
 * (the configured tokens and passwords, secretsIn) and anything shaped like
 * a token blanked out before it is written.
 */
export function createLogger(level = 'info', destination: DestinationStream = pino.destination(2), options: { secrets?: readonly string[] } = {}): Logger {
  const redact = redactor(options.secrets ?? []);
  return pino(
    {
      level,
      base: { app: 'keepwarm' },
      mixin: () => context.getStore() ?? {},
      // pino's default error serializer copies every property of an error,
      // and some carry user data (a PostgreSQL error's `detail` quotes the row).
      serializers: { err: (error: unknown) => safeError(error) },
      hooks: { streamWrite: redact },
    },
    destination,
  );
}

/** Runs `fn` with `fields` added to every line logged inside it (by loggers from `createLogger`). */
export function withLogFields<T>(fields: Record<string, string>, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** A short random id for a request or a tick that has none of its own. */
export function shortId(): string {
  return randomBytes(6).toString('base64url');
}

/** Error properties that name a kind of failure, never the data involved. */
const SAFE_FIELDS = ['code', 'errno', 'syscall', 'status', 'statusCode', 'error_code', 'method', 'failure', 'retryAfterMs', 'severity', 'constraint', 'table', 'column'];

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  cause?: SafeError | string;
  [field: string]: unknown;
}

/**
 * An error as it may be logged: its type, the fields in SAFE_FIELDS, the
 * message with every word of `secrets` blanked out (what the user typed: a
 * driver may quote it back), and the stack's frames without the message.
 * Anything else an error carries (`detail`, `payload`, `parameters` …) is left out.
 */
export function safeError(error: unknown, secrets: readonly string[] = [], depth = 0): SafeError | unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrub(error, secrets) : error;
  const fields: SafeError = { type: error.name || error.constructor.name, message: scrub(error.message, secrets).slice(0, 500) };
  const record = error as unknown as Record<string, unknown>;
  for (const key of SAFE_FIELDS) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') fields[key] = typeof value === 'string' ? scrub(value, secrets).slice(0, 200) : value;
  }
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames && frames.length > 0) fields.stack = frames.slice(0, 12).join('\n');
  if (error.cause !== undefined && depth < 3) fields.cause = safeError(error.cause, secrets, depth + 1) as SafeError | string;
  return fields;
}

/** The words (three letters or more) of user input, as `safeError` blanks them out. */
export function secretWords(...texts: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text?.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]{2,}/gu) ?? []) {
      words.add(word);
      // Stored forms of a name drop accents (name keys): blank those out too.
      words.add(word.normalize('NFD').replace(/\p{M}/gu, ''));
    }
  }
  return [...words];
}

function scrub(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  const escaped = [...secrets].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), '…');
}
