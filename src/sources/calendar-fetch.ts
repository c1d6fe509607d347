/**
 * Getting calendar text: a secret iCalendar URL by one bounded GET, or a
 * CalDAV account through tsdav (service discovery, the calendars of the
 * account, and a calendar-query REPORT for the window only), every request of
 * it through the same bounded HTTP with one byte budget for the whole sync.
 *
 * Why tsdav: it is maintained, small (xml-js and debug), does the discovery
 * dance (well-known URL, principal, calendar home) that differs between
 * servers, and lets the caller supply `fetch` — so size limits, timeouts,
 * redirect bounds and the private-address guard stay keepwarm's own.
 */
import { createDAVClient } from 'tsdav';
import { boundedFetch, httpRequest, type HttpLimits } from './http.ts';
import { SourceError } from './model.ts';

/** `webcal://` is how calendar apps spell an https calendar link. */
export function calendarUrl(text: string): URL | undefined {
  try {
    const url = new URL(text.trim().replace(/^webcals?:\/\//i, 'https://'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeCalendar(body: Buffer): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(body.subarray(0, 512).toString('utf8'));
}

/** The text behind a secret iCalendar URL. Throws SourceError. */
export async function fetchIcal(url: string, limits: HttpLimits): Promise<string> {
  const parsed = calendarUrl(url);
  if (!parsed) throw new SourceError('not_calendar', 'not an http(s) URL');
  const answer = await httpRequest(parsed, { headers: { accept: 'text/calendar, */*;q=0.5' } }, limits);
  if (answer.status === 401 || answer.status === 403) throw new SourceError('auth_failed', String(answer.status));
  if (answer.status < 200 || answer.status >= 300) throw new SourceError('http_error', String(answer.status));
  if (!looksLikeCalendar(answer.body)) throw new SourceError('not_calendar');
  return answer.body.toString('utf8');
}

export interface CaldavAccount {
  url: string;
  username: string;
  password: string;
}

/** The events of every calendar of a CalDAV account in the window, one iCalendar text per object. */
export async function fetchCaldav(account: CaldavAccount, window: { from: string; to: string }, limits: HttpLimits, totalBytes: number): Promise<string[]> {
  const fetch = boundedFetch(limits, { bytesLeft: totalBytes });
  let client: Awaited<ReturnType<typeof createDAVClient>>;
  try {
    client = await createDAVClient({
      serverUrl: account.url,
      credentials: { username: account.username, password: account.password },
      authMethod: 'Basic',
      defaultAccountType: 'caldav',
      fetch,
    });
  } catch (error) {
    throw asSourceError(error);
  }
  try {
    const calendars = (await client.fetchCalendars()).filter((c) => !c.components || c.components.includes('VEVENT'));
    const texts: string[] = [];
    for (const calendar of calendars) {
      const objects = await client.fetchCalendarObjects({ calendar, timeRange: { start: window.from, end: window.to } });
      for (const object of objects) if (typeof object.data === 'string' && object.data.length > 0) texts.push(object.data);
    }
    return texts;
  } catch (error) {
    throw asSourceError(error);
  }
}

/** tsdav wraps what our fetch threw, or fails on its own (an answer without the expected properties). */
function asSourceError(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof SourceError) return cause;
  const message = error instanceof Error ? error.message : String(error);
  if (/401|403|unauthori[sz]ed|forbidden/i.test(message)) return new SourceError('auth_failed');
  return new SourceError('http_error', message.slice(0, 120));
}
