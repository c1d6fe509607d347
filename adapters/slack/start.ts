/**
 * keepwarm as a Slack app (bolt): Socket Mode with SLACK_APP_TOKEN, else HTTP
 * on PORT (signed requests at /slack/events); one workspace with
 * SLACK_BOT_TOKEN, or any number through the OAuth install flow
 * (/slack/install, /slack/oauth_redirect) with installations in keepwarm's
 * database. See docs/slack.md.
 */
import type { AddressInfo } from 'node:net';
import { App, webApi, type AppOptions, type Authorize } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Conversation } from '../../src/bot/conversation.ts';
import type { Messenger, RunningPlatform } from '../../src/port.ts';
import type { Logger } from '../../src/log.ts';
import type { HttpRoute } from '../../src/ops/routes.ts';
import { userLimiter, type UserLimiter } from '../../src/user-limit.ts';
import { boltLogger } from './bolt-log.ts';
import { guardedListener } from './body-guard.ts';
import { singleUseStates } from './oauth-state.ts';
import type { SlackConfig } from './config.ts';
import { Directory } from './directory.ts';
import { describe } from './errors.ts';
import { registerListeners } from './listeners.ts';
import { createSlackMessenger } from './messenger.ts';
import { slackDb, Workspaces } from './workspaces.ts';

/** The bot scopes keepwarm asks for in the OAuth flow; the same as slack-manifest.yaml. */
const BOT_SCOPES = ['commands', 'chat:write', 'im:history', 'im:write', 'users:read', 'files:read', 'files:write'];

/** `T`: the database's schema, which the adapter does not need to know (it only uses its own table). */
export interface SlackOptions<T = unknown> {
  /** keepwarm's conversation (`createConversation`). */
  conversation: Conversation;
  /** The database, for the adapter's own table (`slack_installations`). */
  db: Kysely<T>;
  log: Logger;
  config: SlackConfig;
  now?: () => Date;
  /** Mounted on bolt's HTTP server, if it runs one (keepwarm's /healthz, /readyz, /metrics). */
  routes?: readonly HttpRoute[];
  /** Each user's bounded share (default: DEFAULT_USER_LIMIT, per app). */
  limiter?: UserLimiter;
}

export interface RunningSlack extends RunningPlatform {
  /** Sends the daily nudge (the scheduler's port). */
  messenger: Messenger;
  /** Stops taking requests, lets the ones in hand finish. */
  stop(): Promise<void>;
  /** HTTP mode: the port the app listens on (PORT=0 picks a free one). */
  port: number | undefined;
  /** Whether `routes` are served: HTTP mode, or Socket Mode with the OAuth install pages. */
  servesRoutes: boolean;
}

/** Asks Slack who the bot token belongs to; a refused token stops keepwarm with the fix named. */
async function whoAmI(token: string, clientOptions: webApi.WebClientOptions) {
  try {
    const result = await new webApi.WebClient(token, clientOptions).auth.test();
    if (!result.team_id || !result.user_id) throw new Error('auth.test named no team');
    return { teamId: result.team_id, enterpriseId: result.enterprise_id ?? '', botUserId: result.user_id, botId: result.bot_id };
  } catch (error) {
    throw new Error(`Slack refused SLACK_BOT_TOKEN (${describe(error)}) — check the token under "OAuth & Permissions" of the app`, { cause: error });
  }
}

export async function startSlack<T>(options: SlackOptions<T>): Promise<RunningSlack> {
  const { conversation, db, log, config } = options;
  const now = options.now ?? (() => new Date());
  const workspaces = new Workspaces(slackDb(db), now);
  const directory = new Directory();
  const logger = boltLogger(log);
  const base: webApi.WebClientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), logger };
  // Answers to the user: a 429 waits for Retry-After, other failures are retried a few times, quickly.
  const clientOptions: webApi.WebClientOptions = { ...base, retryConfig: { retries: config.apiRetries, factor: 2, minTimeout: 500, maxTimeout: 5000 } };

  // bolt serves HTTP in HTTP mode, and in Socket Mode only for the OAuth install pages.
  const servesRoutes = options.routes !== undefined && (config.mode === 'http' || config.auth.kind === 'oauth');
  const app = new App({
    logger,
    ...(servesRoutes ? { customRoutes: [...options.routes!] } : {}),
    clientOptions,
    // keepwarm keeps its conversation state (open questions) in its database, not in bolt's.
    convoStore: false,
    ...(config.mode === 'socket' ? { socketMode: true, appToken: config.appToken! } : { signingSecret: config.signingSecret! }),
    ...(await authOptions(config, workspaces, clientOptions, db, now)),
  } satisfies AppOptions);

  // bolt's HTTP receiver crashes on a signed body of `null`: its listener is guarded.
  if (config.mode === 'http') {
    const receiver = (app as unknown as { receiver: { requestListener: Parameters<typeof guardedListener>[0]; endpoints?: string[] } }).receiver;
    receiver.requestListener = guardedListener(receiver.requestListener, receiver.endpoints ?? ['/slack/events']);
  }

  const serial = registerListeners(app, { conversation, log, directory, workspaces, apiUrl: config.apiUrl, now, limiter: options.limiter ?? userLimiter() });
  app.error(async (error) => {
    // A workspace keepwarm is not installed in (authorize refused it): acknowledged, and nothing done.
    if ((error as { code?: string }).code === 'slack_bolt_authorization_error') {
      log.warn({ error: 'not installed' }, 'slack: a request from a workspace keepwarm is not installed in was refused');
      return;
    }
    log.error({ error: describe(error.original ?? error) }, 'slack: request failed');
  });

  const server = await app.start(config.port);
  const address = server && typeof server === 'object' && 'address' in server ? (server.address() as AddressInfo | null) : null;
  const port = address?.port;
  log.info({ mode: config.mode, auth: config.auth.kind, ...(port !== undefined ? { port } : {}) }, 'slack: running');

  const messenger = createSlackMessenger({
    workspaces,
    directory,
    ...(config.auth.kind === 'token' ? { botToken: config.auth.botToken } : {}),
    clientOptions: base,
    perSecond: config.sendPerSecond,
    log,
  });

  return {
    messenger,
    port,
    servesRoutes,
    async stop() {
      await app.stop();
      await serial.idle();
    },
  };
}

async function authOptions<T>(config: SlackConfig, workspaces: Workspaces, clientOptions: webApi.WebClientOptions, db: Kysely<T>, now: () => Date): Promise<Partial<AppOptions>> {
  if (config.auth.kind === 'token') {
    const me = await whoAmI(config.auth.botToken, clientOptions);
    await workspaces.registerTokenWorkspace(me.teamId, me.enterpriseId);
    const botToken = config.auth.botToken;
    // The token's workspace only: a request from any other (a correctly
    // signed one, from an app also installed elsewhere) is refused before a
    // listener runs, so no user is made there and nothing is sent there with
    // this workspace's token.
    const authorize: Authorize<boolean> = async (source) => {
      if (source.teamId !== me.teamId) throw new Error(`keepwarm is not installed in Slack workspace ${source.teamId ?? source.enterpriseId ?? '?'}`);
      return { botToken, botUserId: me.botUserId, ...(me.botId ? { botId: me.botId } : {}), teamId: me.teamId, ...(me.enterpriseId ? { enterpriseId: me.enterpriseId } : {}) };
    };
    return { authorize };
  }
  return {
    clientId: config.auth.clientId,
    clientSecret: config.auth.clientSecret,
    stateSecret: config.auth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: workspaces,
    installerOptions: {
      // oauth.v2.access and auth.test of the install flow go to the same Web API.
      clientOptions,
      // Each install link works once.
      stateStore: singleUseStates(db, config.auth.stateSecret, now),
      directInstall: false,
      ...(config.mode === 'socket' ? { port: config.port } : {}),
    },
  };
}
