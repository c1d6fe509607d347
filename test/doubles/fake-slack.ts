/**
 * A fake Slack Web API on 127.0.0.1, for tests and the bench: the methods
 * keepwarm calls (auth.test, chat.postMessage, chat.update, chat.postEphemeral,
 * conversations.open, users.info, views.publish, oauth.v2.access, files.info,
 * the external upload flow), private file downloads, and `response_url`s.
 * Every call is recorded with its token; failures are injected per method
 * (HTTP 429 with Retry-After, a Slack error code such as `token_revoked`, a 500).
 *
 *   const slack = await FakeSlack.start();
 *   slack.addTeam({ id: 'T1', token: 'xoxb-t1' });
 *   // … point SLACK_API_URL at slack.apiUrl …
 *   await slack.waitFor(() => slack.callsTo('chat.postMessage')[0]);
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSocketMode } from './fake-socket-mode.ts';

export interface FakeTeam {
  id: string;
  token: string;
  name?: string;
  botUserId?: string;
  botId?: string;
}

export interface FakeCall {
  method: string;
  /** The bearer token of the call, if any. */
  token: string | undefined;
  /** Form fields; JSON-valued fields (`blocks`, `view`, `files`) parsed. */
  args: Record<string, unknown>;
  /** What the fake answered (a posted message's `ts`), once it has. */
  result?: Record<string, unknown>;
}

export interface FakeFile {
  name: string;
  content: Buffer;
  filetype?: string;
  /** The size files.info reports (default: the content's). */
  size?: number;
  /** The team whose bot may download it. */
  teamId: string;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

interface Injected {
  method: string;
  failure: Failure;
  times: number;
  token?: string;
}

export interface OAuthGrant {
  team: FakeTeam;
  userId: string;
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  /** Bodies POSTed to response URLs, in order. */
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** Emits `response` (path) when a response_url is posted to, for waiting without polling. */
  readonly events = new EventEmitter();
  readonly uploads: { fileId: string; bytes: number; body: Buffer }[] = [];
  readonly files = new Map<string, FakeFile>();
  readonly users = new Map<string, { tz?: string; locale?: string }>();
  clientId = 'client-id';
  clientSecret = 'client-secret';
  private readonly teams = new Map<string, FakeTeam>();
  private readonly grants = new Map<string, OAuthGrant>();
  private readonly failures: Injected[] = [];
  private ts = 0;
  private responseCounter = 0;
  private uploadCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    const holder: { fake?: FakeSlack } = {};
    const server = createServer((req, res) => void holder.fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.fake = new FakeSlack(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.fake;
  }

  private socket: FakeSocketMode | undefined;

  /** Socket Mode: `apps.connections.open` names this fake's WebSocket, and tests push envelopes through it. */
  socketMode(): FakeSocketMode {
    this.socket ??= new FakeSocketMode(this.server);
    return this.socket;
  }

  /** The base URL for SLACK_API_URL / clientOptions.slackApiUrl. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  addTeam(team: FakeTeam): FakeTeam {
    const full = { botUserId: `UBOT${team.id}`, botId: `BBOT${team.id}`, name: `Team ${team.id}`, ...team };
    this.teams.set(full.token, full);
    return full;
  }

  /** An OAuth code that oauth.v2.access exchanges for a bot token of `team`. */
  grant(code: string, team: FakeTeam, userId: string): void {
    this.grants.set(code, { team, userId });
  }

  /** The next `times` calls of `method` (optionally only with `token`) fail so. */
  fail(method: string, failure: Failure, options: { times?: number; token?: string } = {}): void {
    this.failures.push({ method, failure, times: options.times ?? 1, ...(options.token ? { token: options.token } : {}) });
  }

  /** A fresh response_url of this fake. */
  responseUrl(): string {
    return `${this.url}/respond/${++this.responseCounter}`;
  }

  callsTo(method: string, token?: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method && (token === undefined || c.token === token));
  }

  /** Polls until `probe` returns something truthy (the app works after its ack). */
  async waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what = 'the expected call', timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error(`fake Slack: gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async stop(): Promise<void> {
    this.socket?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private nextTs(): string {
    return `1700000000.${String(++this.ts).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', this.url).pathname;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

    if (path.startsWith('/respond/')) {
      this.responses.push({ path, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
      send(res, 200, 'ok', 'text/plain');
      this.events.emit('response', path);
      return;
    }
    if (path.startsWith('/upload/')) {
      this.uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw.length, body: raw });
      return send(res, 200, 'OK - ' + raw.length, 'text/plain');
    }
    if (path.startsWith('/files/') && req.method === 'GET') {
      const file = this.files.get(path.split('/')[2] ?? '');
      const team = token ? this.teams.get(token) : undefined;
      if (!file || !team || team.id !== file.teamId) return send(res, 200, '<html>login</html>', 'text/html');
      return send(res, 200, file.content, 'application/octet-stream');
    }
    if (!path.startsWith('/api/')) return send(res, 404, 'not found', 'text/plain');

    const method = path.slice('/api/'.length);
    const args = parseArgs(raw.toString('utf8'), req.headers['content-type'] ?? '');
    const callToken = token ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: FakeCall = { method, token: callToken, args };
    this.calls.push(call);

    const injected = this.failures.find((f) => f.method === method && f.times > 0 && (f.token === undefined || f.token === callToken));
    if (injected) {
      injected.times -= 1;
      const failure = injected.failure;
      if ('error' in failure) return json(res, 200, { ok: false, error: failure.error });
      if (failure.status === 429) {
        res.setHeader('retry-after', String(failure.retryAfter));
        return json(res, 429, { ok: false, error: 'ratelimited' });
      }
      return send(res, 500, 'internal trouble', 'text/plain');
    }
    call.result = this.answer(method, args, callToken);
    return json(res, 200, call.result);
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    if (method === 'oauth.v2.access') return this.exchange(args);
    if (method === 'apps.connections.open') {
      if (!this.socket || !token?.startsWith('xapp-')) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `${this.url.replace(/^http/, 'ws')}/link` };
    }
    const team = token ? this.teams.get(token) : undefined;
    if (!team) return { ok: false, error: 'invalid_auth' };
    const user = String(args.user ?? args.users ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: `https://${team.id.toLowerCase()}.slack.test/`, team: team.name, user: 'keepwarm', team_id: team.id, user_id: team.botUserId, bot_id: team.botId };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: args.channel, ts, message: { text: args.text, ts } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${team.id}${user}` } };
      case 'users.info': {
        const profile = this.users.get(`${team.id}:${user}`) ?? {};
        return { ok: true, user: { id: user, team_id: team.id, name: user.toLowerCase(), tz: profile.tz ?? 'Europe/Berlin', locale: profile.locale ?? 'en-US' } };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V1', type: 'home' } };
      case 'files.info': {
        const id = String(args.file ?? '');
        const file = this.files.get(id);
        if (!file || file.teamId !== team.id) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          file: { id, name: file.name, title: file.name, filetype: file.filetype ?? 'text', size: file.size ?? file.content.length, url_private_download: `${this.url}/files/${id}/${encodeURIComponent(file.name)}` },
        };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.uploadCounter}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: args.files };
      default:
        return { ok: true };
    }
  }

  private exchange(args: Record<string, unknown>): Record<string, unknown> {
    if (args.client_id !== this.clientId || args.client_secret !== this.clientSecret) return { ok: false, error: 'invalid_client_id' };
    const grant = this.grants.get(String(args.code ?? ''));
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.grants.delete(String(args.code));
    const team = this.addTeam(grant.team);
    return {
      ok: true,
      app_id: 'AKEEPWARM',
      authed_user: { id: grant.userId },
      scope: 'commands,chat:write,im:history,im:write,users:read,files:read,files:write',
      token_type: 'bot',
      access_token: team.token,
      bot_user_id: team.botUserId,
      team: { id: team.id, name: team.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  }
}

function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}
