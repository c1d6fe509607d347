/**
 * Structured JSON logs on stderr (pino), so stdout stays the console chat.
 * Contact names and notes are never logged: log ids and counts.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { app: 'keepwarm' } }, pino.destination(2));
}
