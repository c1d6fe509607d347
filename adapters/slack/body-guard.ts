/**
 * A guard in front of bolt's HTTP receiver. bolt parses a signed request
 * body and reads `body.ssl_check` from it at once: a body of `null` (JSON,
 * or `payload=null` in a form) — which nobody but the holder of the signing
 * secret can send, but which Slack never sends — throws outside any handler
 * and ends the process. Here every request to the events path is read first
 * (bolt then uses the bytes read: `rawBody`), and a body whose content is no
 * JSON object is answered 400 before bolt sees it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** bolt's own limit for a request body. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** True when `text` is JSON for an object (not null, not an array). */
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // Not JSON at all: bolt answers that with its own 400.
    return true;
  }
}

/** Whether bolt can read this body without throwing. */
export function boltCanRead(body: Buffer, contentType: string | undefined): boolean {
  const text = body.toString();
  if (contentType === 'application/x-www-form-urlencoded') {
    const { payload } = parseQuery(text);
    return typeof payload === 'string' ? isJsonObject(payload) : true;
  }
  return isJsonObject(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size <= MAX_BODY_BYTES) parts.push(part);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(parts) : undefined));
    req.on('error', reject);
  });
}

/** Wraps bolt's request listener: requests to `paths` are read and checked first. */
export function guardedListener(listener: Listener, paths: readonly string[]): Listener {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !paths.includes(path)) return listener(req, res);
    readBody(req).then(
      (body) => {
        if (body === undefined) return void res.writeHead(413).end();
        if (!boltCanRead(body, req.headers['content-type'])) return void res.writeHead(400).end();
        // bolt reads `rawBody` when it is there instead of the (consumed) stream.
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        listener(req, res);
      },
      () => {
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}
