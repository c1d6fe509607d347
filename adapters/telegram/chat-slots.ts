/**
 * Fair turns between chats in long polling. The runner fetches new updates
 * only while fewer than its concurrency are in flight, and every update of a
 * chat waits for the one before it (sequentialize): a chat with many queued
 * updates would hold many of those places while only one of them works, and
 * keep other chats' updates from being fetched at all. Here only a chat's
 * first update in flight holds a place; the others wait in the chat's queue
 * without one (the per-user limit, src/user-limit.ts, bounds that queue).
 */
import type { Update } from 'grammy/types';

/** The chat an update belongs to (the user, for updates without a chat). */
export function chatOfUpdate(update: Update): string | undefined {
  const message = update.message ?? update.edited_message ?? update.channel_post ?? update.callback_query?.message;
  const chat = message?.chat.id ?? update.my_chat_member?.chat.id ?? update.callback_query?.from.id;
  return chat === undefined ? undefined : String(chat);
}

export interface ChatSlots {
  /**
   * What the runner waits for: `task` itself for a chat's first update in
   * flight, an already settled promise for the ones queued behind it.
   */
  hold(update: Update, task: Promise<void>): Promise<void>;
}

export function chatSlots(): ChatSlots {
  const inFlight = new Map<string, number>();
  return {
    hold(update, task) {
      const chat = chatOfUpdate(update);
      if (chat === undefined) return task;
      const before = inFlight.get(chat) ?? 0;
      inFlight.set(chat, before + 1);
      const settled = task.finally(() => {
        const left = (inFlight.get(chat) ?? 1) - 1;
        if (left === 0) inFlight.delete(chat);
        else inFlight.set(chat, left);
      });
      return before === 0 ? settled : Promise.resolve();
    },
  };
}
