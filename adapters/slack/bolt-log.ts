/**
 * bolt's and the Web API client's log lines into keepwarm's JSON log (stderr),
 * at keepwarm's level — with what happened and without what was said. At
 * debug level they log request and response bodies as strings ("http request
 * body: {…text…}", "Received a message on the WebSocket: {…}"), so each
 * string is cut to its gist: the words before its first detail (a colon, a
 * quote, a bracket). A few lines known to be safe whole stay whole (the Web
 * API method called). Errors are reduced to their class and Slack's code.
 */
import { LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import { describe } from './errors.ts';

/** Lines that carry no data, kept whole: the method of a Web API call. */
const SAFE_WHOLE = [/^apiCall\('[\w.]+'\) (start|end)$/, /^http request url: https?:\/\/[^\s?#]+\/api\/[\w.]+$/];
/** Where the details of a line begin. */
const DETAIL = /[:"'`{[(<=]/;
const MAX_GIST = 200;

/** The part of a library's log line that says what happened, never what was said. */
export function gist(text: string): string {
  if (SAFE_WHOLE.some((line) => line.test(text))) return text;
  const cut = text.search(DETAIL);
  const kept = (cut < 0 ? text : text.slice(0, cut)).trim().slice(0, MAX_GIST);
  return cut < 0 && kept.length === text.length ? kept : `${kept} …`;
}

/** Slack's own error classes name a code; any other error only its kind and the gist of its message. */
function errorGist(error: Error): string {
  const slack = error instanceof webApi.WebAPIPlatformError || error instanceof webApi.WebAPIRateLimitedError || error instanceof webApi.WebAPIHTTPError;
  return slack ? describe(error) : `${error.name}: ${gist(error.message)}`;
}

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

function text(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return gist(part);
      if (part instanceof Error) return errorGist(part);
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
