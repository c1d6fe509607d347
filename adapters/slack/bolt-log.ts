/**
 * bolt's and the Web API client's log lines into keepwarm's JSON log (stderr),
 * at keepwarm's level. Errors are reduced to their class and Slack's code, so
 * no request body and no token reaches the log.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import { describe } from './errors.ts';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

function text(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part instanceof Error) return describe(part);
      // Objects (request bodies, options) are left out: they may hold tokens or user text.
      return typeof part === 'number' || typeof part === 'boolean' ? String(part) : '[object]';
    })
    .join(' ');
}

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  return {
    debug: (...parts: unknown[]) => child.debug({}, text(parts)),
    info: (...parts: unknown[]) => child.info({}, text(parts)),
    warn: (...parts: unknown[]) => child.warn({}, text(parts)),
    error: (...parts: unknown[]) => child.error({}, text(parts)),
    // keepwarm's LOG_LEVEL decides; bolt asking for another level changes nothing.
    setLevel: () => undefined,
    getLevel: () => LEVELS[child.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}
