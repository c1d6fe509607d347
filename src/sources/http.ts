/**
 * HTTP(S) for sources, bounded: a deadline for the whole exchange, a byte
 * limit on every answer (checked while it streams — a 50 MB calendar is cut
 * off, never held in memory), a few redirects at most (credentials are not
 * carried to another origin), and — unless the operator allows it — no
 * loopback, private or link-local addresses, checked on the address actually
 * connected to, so a user cannot make keepwarm probe its own network.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { SourceError } from './model.ts';
import { guardedLookup, isPrivateAddress } from './host-guard.ts';

export interface HttpLimits {
  /** Bytes one answer may have. */
  maxBytes: number;
  /** Milliseconds for one request, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  /** KEEPWARM_SOURCES_PRIVATE_HOSTS=allow. */
  allowPrivate: boolean;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The URL answered, after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Maps a socket or TLS error to a failure; the message stays for the operator's log. */
export function networkFailure(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EPRIVATE') return new SourceError('private_address');
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR' || /timed? ?out/i.test(message)) return new SourceError('timeout', code);
  if (/CERT|SSL|TLS|self.signed|UNABLE_TO_VERIFY|ERR_TLS/i.test(`${code} ${message}`)) return new SourceError('tls_failed', code);
  if (['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EADDRNOTAVAIL'].includes(code)) {
    return new SourceError('unreachable', code);
  }
  return new SourceError('failed', code || message.slice(0, 80));
}

function once(url: URL, request: HttpRequest, limits: HttpLimits, signal: AbortSignal): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !limits.allowPrivate && isPrivateAddress(host)) {
      reject(new SourceError('private_address'));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: request.method ?? 'GET',
        // A body goes with its length: some servers (Radicale's WSGI) do not read chunked requests.
        headers: { 'user-agent': 'keepwarm', ...(request.headers ?? {}), ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}) },
        lookup: guardedLookup(limits.allowPrivate),
        signal,
        agent: false,
      },
      (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          res.destroy();
          reject(new SourceError('too_large', `${declared} bytes`));
          return;
        }
        const parts: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            res.destroy();
            req.destroy();
            reject(new SourceError('too_large', `over ${limits.maxBytes} bytes`));
            return;
          }
          parts.push(chunk);
        });
        res.on('error', (error) => reject(networkFailure(error)));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body: Buffer.concat(parts), url: url.toString() });
        });
      },
    );
    req.on('error', (error) => reject(signal.aborted ? new SourceError('timeout') : networkFailure(error)));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** One request with its redirects, within the limits. Throws SourceError. */
export async function httpRequest(target: string | URL, request: HttpRequest, limits: HttpLimits): Promise<HttpAnswer> {
  let url = new URL(target);
  const origin = url.origin;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = request;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SourceError('unreachable', `scheme ${url.protocol}`);
    const answer = await once(url, current, limits, signal);
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.status) || !location) return answer;
    if (hop >= limits.maxRedirects) throw new SourceError('http_error', 'too many redirects');
    url = new URL(location, url);
    const headers = { ...(current.headers ?? {}) };
    // Credentials go to the origin they were given for, never further.
    if (url.origin !== origin) {
      for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
    }
    current = answer.status === 303 ? { method: 'GET', headers } : { ...current, headers };
  }
}

/**
 * A `fetch` for libraries (tsdav) that goes through httpRequest: same limits,
 * plus one byte budget shared by every request of a sync.
 */
export function boundedFetch(limits: HttpLimits, budget: { bytesLeft: number }): typeof globalThis.fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const answer = await httpRequest(url, { method: init?.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) }, { ...limits, maxBytes: Math.min(limits.maxBytes, budget.bytesLeft) });
    budget.bytesLeft -= answer.body.length;
    if (answer.status === 401 || answer.status === 403) throw new SourceError('auth_failed', String(answer.status));
    const response = new Response(answer.status === 204 || answer.status === 304 ? null : new Uint8Array(answer.body), {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
    Object.defineProperty(response, 'url', { value: answer.url });
    return response;
  };
}
