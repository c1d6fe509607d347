/** A user, the real bot and the real scheduler on one in-memory database, with a clock the test moves. */
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import type { Audience } from '../../src/scheduler/plan.ts';
import { chatOn, memoryDatabase, type TestChat } from '../doubles/chat.ts';
import { FakeMessenger } from '../doubles/messenger.ts';

export interface World {
  chat: TestChat;
  messenger: FakeMessenger;
  /** Moves the clock to `iso` and runs one scheduler tick there. */
  tickAt(iso: string): ReturnType<ReturnType<typeof createScheduler>['tick']>;
  at(iso: string): void;
  /** Another user on the same database and scheduler. */
  another(user: string, timeZone?: string): Promise<TestChat>;
}

export async function world(options: { user?: string; timeZone?: string; locale?: string; start?: string; catchUpMs?: number; audience?: Audience[] } = {}): Promise<World> {
  const database = await memoryDatabase();
  const messenger = new FakeMessenger('console');
  let now = new Date(options.start ?? '2026-11-23T09:00:00Z');
  const chats: TestChat[] = [];
  const scheduler = createScheduler({
    db: database.db,
    messengers: [messenger],
    now: () => now,
    ...(options.catchUpMs !== undefined ? { catchUpMs: options.catchUpMs } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  });
  const at = (iso: string) => {
    now = new Date(iso);
    for (const c of chats) c.now = now;
  };
  const chat = await chatOn(database, { user: options.user ?? 'ada', timeZone: options.timeZone ?? 'Europe/Berlin', now, ...(options.locale ? { locale: options.locale } : {}) });
  chats.push(chat);
  return {
    chat,
    messenger,
    at,
    tickAt(iso) {
      at(iso);
      return scheduler.tick();
    },
    async another(user, timeZone = 'Europe/Berlin') {
      const other = await chatOn(database, { user, timeZone, now });
      chats.push(other);
      return other;
    },
  };
}
