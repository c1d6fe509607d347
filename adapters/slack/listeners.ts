/**
 * Slack updates in, as `Incoming`, and the bot's replies out:
 *
 * - slash commands (`/met …`, `/keepwarm tier Bob C`): acknowledged at once,
 *   answered ephemerally through the `response_url` (deliver.ts);
 * - plain text in the app's DM (`message` events, channel type `im`): answered
 *   in the DM, in the thread when the user wrote in one (a thread under a nudge
 *   names it: `replyToMessageId`);
 * - button presses (`block_actions`): acknowledged at once, answered where the
 *   button was (DM, ephemeral answer, or — from the Home tab — the DM);
 * - `app_home_opened`: the Home tab (home.ts);
 * - `app_uninstalled`, `tokens_revoked`: the workspace is marked inactive.
 *
 * De-duplication is the bot's (by `eventId`): the event id for events, the
 * trigger id for commands and presses. A failure is logged and never stops the app.
 */
import type { App, webApi } from '@slack/bolt';
import type { Conversation, NoticeTarget } from '../../src/bot/conversation.ts';
import type { Incoming, Reply } from '../../src/port.ts';
import type { PlatformIdentity } from '../../src/core/identity.ts';
import type { Logger } from '../../src/log.ts';
import { deliverEphemeral, deliverToChannel } from './deliver.ts';
import { isDmChannel, type Directory } from './directory.ts';
import { describe, slackErrorCode, WORKSPACE_GONE } from './errors.ts';
import { fetchSharedFile, MAX_FILE_BYTES } from './files.ts';
import { publishHome } from './home.ts';
import { ACTION_ID } from './render.ts';
import { Serial } from './serial.ts';
import { commandText, fromSlackText } from './text.ts';
import type { Workspaces } from './workspaces.ts';
import type { UserLimiter } from '../../src/user-limit.ts';

export interface ListenerDeps {
  /** Each user's bounded share (src/user-limit.ts). */
  limiter: UserLimiter;
  conversation: Conversation;
  log: Logger;
  directory: Directory;
  workspaces: Workspaces;
  apiUrl: string | undefined;
  now: () => Date;
}

type Client = webApi.WebClient;

/** The fields of a `message` event keepwarm reads. */
interface MessageEvent {
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: { id: string }[];
}

/** The fields of a `block_actions` payload keepwarm reads. */
interface ActionBody {
  trigger_id: string;
  team?: { id: string } | null;
  user: { id: string; team_id?: string };
  container: { type: string; message_ts?: string; channel_id?: string; is_ephemeral?: boolean; thread_ts?: string };
}

/** Plain messages, a shared file, and a thread reply also sent to the channel. */
const MESSAGE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export function registerListeners(app: App, deps: ListenerDeps): Serial {
  const { conversation, log, directory, workspaces } = deps;
  const serial = new Serial();

  /** Runs one update's work after the ack: in order per user, failures logged, never thrown. */
  function work(teamId: string, userId: string, what: string, run: () => Promise<void>): Promise<void> {
    return serial.run(`${teamId}:${userId}`, run).catch(async (error: unknown) => {
      const code = slackErrorCode(error);
      if (code !== undefined && WORKSPACE_GONE.has(code)) await workspaces.markInactive(teamId, code).catch(() => undefined);
      log.error({ teamId, userId, what, error: describe(error) }, 'slack: handling an update failed');
    });
  }

  async function incoming(client: Client, who: PlatformIdentity, chatId: string): Promise<Incoming> {
    const profile = await directory.profile(client, who.teamId, who.userId);
    return { from: who, chatId, ...profile };
  }

  /** The app's DM with the user; '' when Slack will not open it (the reply path still works). */
  const dmOf = (client: Client, who: PlatformIdentity) => directory.dmChannel(client, who.teamId, who.userId).catch(() => '');

  /** Whom words keepwarm says itself are for: the language the user chose wins over Slack's. */
  const audience = (who: PlatformIdentity, locale: string | undefined): NoticeTarget => ({ platform: 'slack', who, ...(locale ? { locale } : {}) });

  /**
   * The user's bounded share, asked before their work waits in their queue:
   * undefined when admitted, else the replies to send instead — the notice
   * that messages were skipped (once a window), or none.
   */
  async function overLimit(who: PlatformIdentity, locale?: string): Promise<Reply[] | undefined> {
    const admission = deps.limiter.admit(`slack:${who.teamId}:${who.userId}`);
    if (admission === 'admitted') return undefined;
    if (admission === 'declined') return [];
    return [{ text: [await conversation.notice(audience(who, locale), 'tooFast')] }];
  }

  /** Where files of an ephemeral answer go: the DM, opened if need be. */
  const dmTarget = (client: Client, who: PlatformIdentity, chatId: string) => async () => ({
    client,
    channel: chatId || (await directory.dmChannel(client, who.teamId, who.userId)),
  });

  const fileNote = (who: PlatformIdentity, base: Incoming) => (name: string) => conversation.notice(audience(who, base.locale), 'slackFileInDm', name);

  app.command(/^\/.+/, async ({ command, ack, respond, client, context }) => {
    await ack();
    const who: PlatformIdentity = { platform: 'slack', teamId: context.teamId ?? command.team_id, userId: command.user_id };
    const limited = await overLimit(who);
    if (limited) {
      if (limited.length > 0) await deliverEphemeral({ respond, dm: dmTarget(client, who, ''), fileNote: async () => [] }, limited).catch(() => undefined);
      return;
    }
    await work(who.teamId, who.userId, 'command', async () => {
      const [chatId, base] = await Promise.all([dmOf(client, who), incoming(client, who, '')]);
      const text = commandText(command.command, command.text);
      const replies = await conversation.handle({ ...base, chatId, text, eventId: `command:${command.trigger_id}` }, deps.now());
      await deliverEphemeral({ respond, dm: dmTarget(client, who, chatId), fileNote: fileNote(who, base) }, replies);
    });
  });

  app.message(async ({ message, body, client, context }) => {
    const m = message as unknown as MessageEvent;
    if (m.channel_type !== 'im' || m.bot_id !== undefined || !m.user || !MESSAGE_SUBTYPES.has(m.subtype)) return;
    const who: PlatformIdentity = { platform: 'slack', teamId: context.teamId ?? (body as { team_id: string }).team_id, userId: m.user };
    const eventId = (body as { event_id?: string }).event_id;
    directory.rememberDm(who.teamId, who.userId, m.channel);
    const limited = await overLimit(who);
    if (limited) {
      if (limited.length > 0) await deliverToChannel({ client, channel: m.channel }, limited).catch(() => undefined);
      return;
    }
    await work(who.teamId, who.userId, 'message', async () => {
      const threadTs = m.thread_ts !== undefined && m.thread_ts !== m.ts ? m.thread_ts : undefined;
      const base: Incoming = {
        ...(await incoming(client, who, m.channel)),
        ...(eventId ? { eventId } : {}),
        ...(threadTs ? { replyToMessageId: threadTs } : {}),
      };
      let replies: Reply[];
      const fileId = m.files?.[0]?.id;
      if (fileId && context.botToken) {
        const outcome = await fetchSharedFile({ client, token: context.botToken, fileId, apiUrl: deps.apiUrl });
        if (outcome.kind === 'file') {
          replies = await conversation.handle({ ...base, file: outcome.file }, deps.now());
        } else {
          const to = audience(who, base.locale);
          const say =
            outcome.kind === 'too_large'
              ? conversation.notice(to, 'slackFileTooLarge', outcome.name, MAX_FILE_BYTES / 1024 / 1024)
              : conversation.notice(to, outcome.kind === 'not_importable' ? 'slackFileNotImportable' : 'slackFileFailed', outcome.name);
          replies = [{ text: [await say] }];
        }
      } else {
        const text = fromSlackText(m.text ?? '');
        replies = await conversation.handle({ ...base, text }, deps.now());
      }
      await deliverToChannel({ client, channel: m.channel, ...(threadTs ? { threadTs } : {}) }, replies);
    });
  });

  app.action({ type: 'block_actions', action_id: ACTION_ID }, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const b = body as unknown as ActionBody;
    const value = (action as { value?: string }).value ?? '';
    const who: PlatformIdentity = { platform: 'slack', teamId: context.teamId ?? b.team?.id ?? b.user.team_id ?? '', userId: b.user.id };
    const { container } = b;
    const inDm = container.type === 'message' && !container.is_ephemeral && isDmChannel(container.channel_id);
    if (inDm) directory.rememberDm(who.teamId, who.userId, container.channel_id!);
    const limited = await overLimit(who);
    if (limited) {
      if (limited.length > 0) await deliverEphemeral({ respond, dm: dmTarget(client, who, ''), fileNote: async () => [] }, limited).catch(() => undefined);
      return;
    }
    await work(who.teamId, who.userId, 'action', async () => {
      const chatId = inDm ? container.channel_id! : await dmOf(client, who);
      const base = await incoming(client, who, chatId);
      const replies = await conversation.handle(
        { ...base, action: value, eventId: `action:${b.trigger_id}`, ...(container.message_ts ? { replyToMessageId: container.message_ts } : {}) },
        deps.now(),
      );
      if (container.type === 'message' && container.is_ephemeral) {
        const target = { respond, dm: dmTarget(client, who, chatId), fileNote: fileNote(who, base) };
        await deliverEphemeral({ ...target, ...(container.message_ts ? { messageTs: container.message_ts } : {}) }, replies);
        return;
      }
      if (!chatId) throw new Error('no DM channel to answer in');
      await deliverToChannel({ client, channel: chatId, ...(inDm && container.thread_ts ? { threadTs: container.thread_ts } : {}) }, replies);
      // A press on the Home tab changes what it shows.
      if (container.type === 'view') await publishHome({ conversation, client, base, now: deps.now() });
    });
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const who: PlatformIdentity = { platform: 'slack', teamId: context.teamId ?? '', userId: event.user };
    if (isDmChannel(event.channel)) directory.rememberDm(who.teamId, who.userId, event.channel);
    await work(who.teamId, who.userId, 'home', async () => {
      const chatId = isDmChannel(event.channel) ? event.channel : await dmOf(client, who);
      await publishHome({ conversation, client, base: await incoming(client, who, chatId), now: deps.now() });
    });
  });

  app.event('app_uninstalled', async ({ body }) => {
    await workspaces.markInactive((body as { team_id: string }).team_id, 'app_uninstalled');
    log.warn({ teamId: (body as { team_id: string }).team_id }, 'slack: app uninstalled from a workspace; marked inactive');
  });

  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await workspaces.markInactive((body as { team_id: string }).team_id, 'tokens_revoked');
    log.warn({ teamId: (body as { team_id: string }).team_id }, 'slack: bot token revoked in a workspace; marked inactive');
  });

  return serial;
}
