/**
 * A fake Telegram Bot API on 127.0.0.1 (random port) that speaks the real
 * HTTP protocol, so the real grammY bot runs against it unchanged:
 * `POST /bot<token>/<method>` with JSON or multipart bodies, answers
 * `{ok, result}` or `{ok:false, error_code, description, parameters}`, and
 * `GET /file/bot<token>/<path>` for downloads. `getUpdates` long-polls with
 * Telegram's offset semantics. Every call is recorded; faults (429 with
 * retry_after, 403, 500, dropped connections) can be injected per method.
 *
 *   const fake = await FakeTelegram.start();
 *   fake.push(fake.text(tgUser(1001, 'Ada'), '/today'));
 *   const sent = await fake.waitFor('sendMessage'); // the payload grammY sent
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, FakeChats, type Payload, type Update } from './fake-telegram-chats.ts';

export { ApiError, tgUser, type Payload, type StoredMessage, type TgUser, type Update } from './fake-telegram-chats.ts';

export interface RecordedCall {
  method: string;
  payload: Payload;
  /** Set when a fault was injected instead of an answer. */
  fault?: string;
  /** The answer's error code when the call failed. */
  errorCode?: number;
}

export type Fault =
  | { code: number; description: string; retryAfter?: number }
  /** The connection is destroyed without an answer. */
  | 'drop';

export const faults = {
  tooMany: (retryAfter = 1): Fault => ({ code: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter }),
  blocked: (): Fault => ({ code: 403, description: 'Forbidden: bot was blocked by the user' }),
  deactivated: (): Fault => ({ code: 403, description: 'Forbidden: user is deactivated' }),
  serverError: (): Fault => ({ code: 500, description: 'Internal Server Error' }),
  badRequest: (description = 'Bad Request: something is wrong'): Fault => ({ code: 400, description }),
  drop: (): Fault => 'drop',
};

interface FaultRule {
  method: string;
  fault: Fault;
  remaining: number;
}

export interface FakeTelegramOptions {
  token?: string;
  username?: string;
  /** Added to every answer (benchmarks: network latency). */
  latencyMs?: number;
  /** sendMessage/sendDocument/sendPhoto above this many a second get 429 (benchmarks). */
  sendLimitPerSecond?: number;
}

export class FakeTelegram extends FakeChats {
  readonly token: string;
  readonly calls: RecordedCall[] = [];
  /** Webhook set by setWebhook, if any. */
  webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | undefined;
  /** Commands by `language_code` ('' = default). */
  readonly commands = new Map<string, { command: string; description: string }[]>();
  /** Every getUpdates offset so far confirmed (updates below it are gone). */
  confirmedOffset = 0;
  /** When true every request is dropped: a dead API. */
  down = false;
  /** Downloads whose last byte was sent. */
  downloadsFinished = 0;
  /** How often each queued update was handed out by getUpdates. */
  readonly fetched = new WeakMap<Update, number>();
  private readonly events = new EventEmitter();
  private readonly okCounts = new Map<string, number>();
  private readonly rules: FaultRule[] = [];
  private server!: Server;
  private port = 0;
  private sendWindow: number[] = [];

  private constructor(private readonly options: FakeTelegramOptions) {
    const token = options.token ?? '123:abc';
    super(Number(token.split(':')[0]), options.username ?? 'KeepwarmTestBot');
    this.token = token;
    this.events.setMaxListeners(0);
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(options);
    fake.server = createServer((req, res) => {
      fake.onRequest(req, res).catch((error: unknown) => {
        console.error('fake Telegram failed:', error);
        answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error (fake)' });
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The `apiRoot` for grammY (no trailing slash). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next `times` calls of `method` ('*' = any but getUpdates) fail with `fault`. */
  fail(method: string, fault: Fault, times = 1): void {
    this.rules.push({ method, fault, remaining: times });
  }

  clearFaults(): void {
    this.rules.length = 0;
  }

  /** Successful calls of a method, in order. */
  ok(method: string): Payload[] {
    return this.calls.filter((c) => c.method === method && !c.fault && c.errorCode === undefined).map((c) => c.payload);
  }

  /** Resolves with the `count`-th successful call of `method` (counting all so far), waiting for it if need be. */
  waitFor(method: string, count = this.okCount(method) + 1, timeoutMs = 10_000): Promise<Payload> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.okCount(method) < count) return;
        const done = this.ok(method);
        if (done.length >= count) {
          cleanup();
          resolve(done[count - 1]!);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Telegram: no ${count}. ${method} within ${timeoutMs} ms (${this.ok(method).length} so far)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('call', check);
      };
      this.events.on('call', check);
      check();
    });
  }

  protected override updatesChanged(): void {
    this.events.emit('updates');
  }

  async close(): Promise<void> {
    this.events.emit('closing');
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Successful calls per method (cheap to read in benchmarks). */
  okCount(method: string): number {
    return this.okCounts.get(method) ?? 0;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    if (!call.fault && call.errorCode === undefined) this.okCounts.set(call.method, this.okCount(call.method) + 1);
    this.events.emit('call', call);
  }

  private takeFault(method: string): Fault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (r.method === method || (r.method === '*' && method !== 'getUpdates')));
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining === 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule.fault;
  }

  private overSendLimit(): boolean {
    const limit = this.options.sendLimitPerSecond;
    if (limit === undefined) return false;
    const now = Date.now();
    this.sendWindow = this.sendWindow.filter((t) => t > now - 1000);
    if (this.sendWindow.length >= limit) return true;
    this.sendWindow.push(now);
    return false;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.down) return void req.socket.destroy();
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file && req.method === 'GET') return this.serveFile(file[1]!, decodeURIComponent(file[2]!), res);
    const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const body = await readBody(req);
    if (!call) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (call[1] !== this.token) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = call[2]!;
    const payload = await parsePayload(req.headers['content-type'], body);
    const fault = this.takeFault(method);
    if (fault === 'drop') {
      this.record({ method, payload, fault: 'drop' });
      return void req.socket.destroy();
    }
    if (fault) {
      this.record({ method, payload, fault: String(fault.code), errorCode: fault.code });
      return answer(res, fault.code, errorBody(new ApiError(fault.code, fault.description, fault.retryAfter)));
    }
    if ((method === 'sendMessage' || method === 'sendDocument' || method === 'sendPhoto') && this.overSendLimit()) {
      this.record({ method, payload, fault: '429', errorCode: 429 });
      return answer(res, 429, errorBody(new ApiError(429, 'Too Many Requests: retry after 1', 1)));
    }
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    try {
      const result = await this.call(method, payload, req);
      if (result === NO_ANSWER) return;
      this.record({ method, payload });
      answer(res, 200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.record({ method, payload, errorCode: error.code });
      answer(res, error.code, errorBody(error));
    }
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    const file = token === this.token ? [...this.files.values()].find((f) => f.path === path) : undefined;
    if (!file) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    this.record({ method: 'downloadFile', payload: { file_path: path } });
    res.on('finish', () => this.downloadsFinished++);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.content.length }).end(file.content);
  }

  private async call(method: string, p: Payload, req: IncomingMessage): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.me;
      case 'getUpdates':
        return this.getUpdates(p, req);
      case 'setWebhook':
        this.webhook = { url: String(p.url), ...(p.secret_token ? { secret_token: String(p.secret_token) } : {}), ...(p.allowed_updates ? { allowed_updates: p.allowed_updates as string[] } : {}) };
        return true;
      case 'deleteWebhook':
        this.webhook = undefined;
        return true;
      case 'setMyCommands': {
        this.commands.set(String(p.language_code ?? ''), p.commands as { command: string; description: string }[]);
        return true;
      }
      default:
        return this.chatMethod(method, p);
    }
  }

  private async getUpdates(p: Payload, req: IncomingMessage): Promise<unknown> {
    if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(p.offset ?? 0);
    // Every update below the offset is confirmed and gone, redelivered ones included.
    if (offset > 0) this.confirmOffset(offset);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Number(p.timeout ?? 0);
    const ready = () => this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
    const hand = (updates: Update[]) => {
      for (const u of updates) this.fetched.set(u, (this.fetched.get(u) ?? 0) + 1);
      return updates;
    };
    if (ready().length > 0 || timeout <= 0) return hand(ready());
    // Long poll: hold the request until an update arrives, the timeout ends, or the client gives up.
    return new Promise((resolve) => {
      const finish = (value: unknown) => {
        clearTimeout(timer);
        this.events.off('updates', onUpdates);
        this.events.off('closing', onClosing);
        req.socket.off('close', onGone);
        resolve(value);
      };
      const onUpdates = () => {
        if (ready().length > 0) finish(hand(ready()));
      };
      const onGone = () => finish(NO_ANSWER);
      const onClosing = () => finish(NO_ANSWER);
      const timer = setTimeout(() => finish(hand(ready())), timeout * 1000);
      this.events.on('updates', onUpdates);
      this.events.on('closing', onClosing);
      req.socket.on('close', onGone);
    });
  }

  private confirmOffset(offset: number): void {
    this.confirmedOffset = Math.max(this.confirmedOffset, offset);
    this.dropConfirmed(offset);
  }
}

/** The long poll was abandoned by the client: nothing to answer or record. */
const NO_ANSWER = Symbol('no answer');

function errorBody(error: ApiError) {
  return { ok: false, error_code: error.code, description: error.description, ...(error.retryAfter !== undefined ? { parameters: { retry_after: error.retryAfter } } : {}) };
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/**
 * JSON, or multipart form data as grammY sends uploads: JSON-valued fields as
 * strings, and each file as its own part referenced by `attach://<id>`.
 */
async function parsePayload(contentType: string | undefined, body: Buffer): Promise<Payload> {
  if (body.length === 0) return {};
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(contentType ?? '')?.[1];
  if (!boundary) return JSON.parse(body.toString('utf8')) as Payload;
  const fields: Payload = {};
  const files = new Map<string, { name: string; content: Buffer }>();
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    const part = body.subarray(start + 2, next < 0 ? body.length : next - 2); // without the CRLFs around it
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (filename !== undefined) files.set(name, { name: filename, content: Buffer.from(content) });
    else {
      const text = content.toString('utf8');
      try {
        fields[name] = JSON.parse(text);
      } catch {
        fields[name] = text;
      }
    }
    at = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.startsWith('attach://')) fields[key] = files.get(value.slice('attach://'.length));
  }
  return fields;
}
