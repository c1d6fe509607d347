/**
 * Webhook mode: Telegram posts each update to TELEGRAM_WEBHOOK_URL. The
 * secret header is checked before anything else (constant time), so a request
 * without the right `X-Telegram-Bot-Api-Secret-Token` gets 401 and never
 * reaches the bot. The update is answered after it was handled: a 5xx makes
 * Telegram deliver it again, which the update-id de-duplication absorbs.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { refusalOf } from '../../src/bot/conversation.ts';
import { routeFor, type HttpRoute } from '../../src/ops/routes.ts';
import type { Logger } from '../../src/log.ts';
import type { TelegramWebhookConfig } from './config.ts';
import { inFlight } from './in-flight.ts';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are small; anything bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookServer {
  /** The port actually listened on (useful with port 0). */
  port: number;
  stop(): Promise<void>;
  /** Resolves when no request is being handled. */
  idle(): Promise<void>;
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function end(res: ServerResponse, status: number, body = ''): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
}

/**
 * The body, or undefined once it is over MAX_BODY_BYTES: the rest is then
 * read and dropped, so the sender gets the 413 answer rather than a reset.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > MAX_BODY_BYTES) {
        parts.length = 0;
        resolve(undefined);
      } else parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const hasId = (value: unknown) => isObject(value) && Number.isSafeInteger(value.id);

/**
 * The field an update of the kinds keepwarm handles lacks, if it lacks one
 * Telegram always sends: handling it would fail, and a 5xx would make
 * Telegram send it again and again.
 */
function missingField(update: Update): string | undefined {
  const u = update as unknown as Record<string, unknown>;
  for (const kind of ['message', 'channel_post'] as const) {
    if (u[kind] !== undefined && !(isObject(u[kind]) && hasId(u[kind].chat))) return `${kind}.chat`;
  }
  const query = u.callback_query;
  if (query !== undefined && !(isObject(query) && typeof query.id === 'string')) return 'callback_query.id';
  if (query !== undefined && !hasId((query as Record<string, unknown>).from)) return 'callback_query.from';
  const member = u.my_chat_member;
  if (member !== undefined && !(isObject(member) && hasId(member.chat) && hasId(member.from))) return 'my_chat_member.chat';
  return undefined;
}

/** `routes`: more GET endpoints on the same port (keepwarm's /healthz, /readyz, /metrics), without the secret. */
export async function startWebhookServer(bot: Bot, webhook: TelegramWebhookConfig, log: Pick<Logger, 'info' | 'warn' | 'error'>, routes: readonly HttpRoute[] = []): Promise<WebhookServer> {
  const inflight = inFlight();
  let stopping = false;
  let stopped: Promise<void> | undefined;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== webhook.path) {
      const route = routeFor(routes, req);
      return route ? route.handler(req, res) : end(res, 404, 'not found');
    }
    if (req.method !== 'POST') return end(res, 405, 'POST only');
    if (!secretMatches(req.headers[SECRET_HEADER], webhook.secret)) {
      log.warn({ remote: req.socket.remoteAddress }, 'telegram: webhook request without the right secret token refused');
      res.setHeader('connection', 'close');
      return end(res, 401, 'secret token is wrong');
    }
    // Telegram tries again later; the update is not lost.
    if (stopping) return end(res, 503, 'shutting down');
    const body = await readBody(req);
    if (body === undefined) {
      res.setHeader('connection', 'close');
      return end(res, 413, 'too large');
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      return end(res, 400, 'not JSON');
    }
    if (!isUpdate(update)) return end(res, 400, 'not an update');
    const missing = missingField(update);
    if (missing) return end(res, 400, `not an update: no ${missing}`);
    try {
      await inflight.track(bot.handleUpdate(update));
      end(res, 200);
    } catch (error) {
      // The database cannot take it now (RetryLater, or a store fault outside the conversation): 503, Telegram delivers it again.
      const refusal = refusalOf(error);
      if (refusal !== undefined) {
        log.warn({ updateId: update.update_id, reason: refusal }, 'telegram: an update was refused for now; Telegram will deliver it again');
        return end(res, 503, 'unavailable');
      }
      log.error({ updateId: update.update_id, err: error }, 'telegram: an update failed; Telegram will deliver it again');
      end(res, 500, 'failed');
    }
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'telegram: webhook request failed');
      if (!res.headersSent) end(res, 500, 'failed');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const idle = () => inflight.idle();
  return {
    port: (server.address() as AddressInfo).port,
    idle,
    stop() {
      stopped ??= stop();
      return stopped;
    },
  };

  async function stop(): Promise<void> {
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await idle();
    // Answers just written are flushed, then their keep-alive connections are idle.
    await new Promise((resolve) => setImmediate(resolve));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), 2000);
    await closed;
    clearTimeout(grace);
  }
}
