/**
 * The Home tab: what the user would ask for on opening the app — today's picks
 * with their buttons, the overdue list by tier, the figures of /stats and the
 * nudge settings. The bot answers `/today`, `/overdue`, `/stats` and
 * `/settings` as it would in the DM, and their replies are the view, so the
 * tab says exactly what the commands say, in the user's language.
 */
import type { webApi } from '@slack/bolt';
import type { Conversation } from '../../src/bot/conversation.ts';
import type { Incoming } from '../../src/port.ts';
import { renderHomeBlocks } from './render.ts';

const HOME_COMMANDS = ['/today', '/overdue', '/stats', '/settings'] as const;

export async function publishHome(options: { conversation: Conversation; client: Pick<webApi.WebClient, 'views'>; base: Incoming; now: Date }): Promise<void> {
  const { conversation, client, base, now } = options;
  const groups = [];
  // Read-only commands: no event id, so opening the tab again shows fresh figures.
  for (const text of HOME_COMMANDS) groups.push(await conversation.handle({ ...base, text }, now));
  await client.views.publish({ user_id: base.from.userId, view: { type: 'home', blocks: renderHomeBlocks(groups) } });
}
