/**
 * Slack's side of the scheduler port: a DM to a user, in their workspace, on
 * keepwarm's own initiative. Never retries inside — `chat.postMessage` has no
 * idempotency key, so a retried timeout could post a nudge twice; every
 * failure is a `DeliveryError` for the scheduler's outbox to decide on.
 */
import { webApi } from '@slack/bolt';
import { DeliveryError, type Messenger, type Recipient, type Reply } from '../../src/port.ts';
import type { Logger } from '../../src/log.ts';
import { deliverToChannel } from './deliver.ts';
import { isDmChannel, type Directory } from './directory.ts';
import { describe, slackErrorCode, toDeliveryError, WORKSPACE_GONE } from './errors.ts';
import { Pace } from './pace.ts';
import type { Workspaces } from './workspaces.ts';

export interface SlackMessengerOptions {
  workspaces: Workspaces;
  directory: Directory;
  /** The SLACK_BOT_TOKEN of a single-workspace app; OAuth installs bring their own. */
  botToken?: string;
  /** Web API client options (base URL); retries are switched off here whatever they say. */
  clientOptions: webApi.WebClientOptions;
  perSecond: number;
  log: Logger;
}

const PER_CHAT_PER_SECOND = 1;

export function createSlackMessenger(options: SlackMessengerOptions): Messenger {
  const { workspaces, directory, log } = options;
  const pace = new Pace({ perSecond: options.perSecond, perChatPerSecond: PER_CHAT_PER_SECOND });
  const clients = new Map<string, webApi.WebClient>();
  const clientFor = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, { ...options.clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
      clients.set(token, client);
    }
    return client;
  };

  async function workspaceClient(to: Recipient): Promise<webApi.WebClient> {
    const workspace = await workspaces.find(to.teamId);
    if (!workspace) throw new DeliveryError('permanent', `keepwarm is not installed in Slack workspace ${to.teamId}`);
    if (workspace.inactive) throw new DeliveryError('blocked', `Slack workspace ${to.teamId} uninstalled keepwarm or revoked its token`);
    const token = workspace.botToken ?? options.botToken;
    if (!token) throw new DeliveryError('permanent', `no bot token for Slack workspace ${to.teamId}`);
    return clientFor(token);
  }

  /** Runs one delivery; maps its failure, and remembers what it says about the workspace. */
  async function attempt<T>(to: Recipient, run: (client: webApi.WebClient, channel: string) => Promise<T>): Promise<T> {
    try {
      const client = await workspaceClient(to);
      const channel = isDmChannel(to.chatId) ? to.chatId : await directory.dmChannel(client, to.teamId, to.userId);
      return await run(client, channel);
    } catch (error) {
      const failure = toDeliveryError(error);
      if (failure.failure === 'rate_limited' && error instanceof webApi.WebAPIRateLimitedError) pace.coolDown(to.teamId, failure.retryAfterMs ?? 1000);
      const code = slackErrorCode(error);
      if (code !== undefined && WORKSPACE_GONE.has(code)) {
        await workspaces.markInactive(to.teamId, code);
        log.warn({ teamId: to.teamId, code }, 'slack: workspace marked inactive — reinstall the app (or renew SLACK_BOT_TOKEN) to reach it again');
      }
      if (!(error instanceof DeliveryError)) log.warn({ teamId: to.teamId, userId: to.userId, failure: failure.failure, error: describe(error) }, 'slack: delivery failed');
      throw failure;
    }
  }

  return {
    platform: 'slack',
    // Slack's method tiers count per workspace: the scheduler keeps one budget per team.
    rateLimit: { perSecond: options.perSecond, perChatPerSecond: PER_CHAT_PER_SECOND, per: 'team' },
    async send(to: Recipient, reply: Reply) {
      return attempt(to, async (client, channel) => {
        const sent = await deliverToChannel({ client, channel, before: () => pace.acquire(to.teamId, channel) }, [reply]);
        // The buttons sit under the last message: answers (a press, a thread reply) name that one.
        return { messageId: sent[sent.length - 1] ?? '' };
      });
    },
    async edit(to: Recipient, messageId: string, reply: Reply) {
      await attempt(to, (client, channel) =>
        deliverToChannel({ client, channel, before: () => pace.acquire(to.teamId, channel) }, [{ ...reply, editMessageId: messageId }]),
      );
    },
  };
}
