/**
 * A scheduler process for the crash and race tests: the real planner and
 * sender on a database file, with a "platform" that appends each delivered
 * message to a log file (fsync'd) after a small delay. Runs until nothing is
 * due, pending or in flight, then exits 0.
 *
 * env: DATABASE_URL, DELIVERY_LOG, SEND_DELAY_MS (default 5), LEASE_MS (default 1500), CONCURRENCY (default 1),
 * RATE (the platform's messages a second, shared by every process; default 2000)
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { Messenger, Recipient, Reply } from '../../src/port.ts';
import { openDatabase } from '../../src/store/db.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';

const database = await openDatabase(process.env.DATABASE_URL!);
const log = openSync(process.env.DELIVERY_LOG!, 'a');
const delay = Number(process.env.SEND_DELAY_MS ?? 5);
let counter = 0;

const messenger: Messenger = {
  platform: 'telegram',
  rateLimit: { perSecond: Number(process.env.RATE ?? 2000) },
  async send(to: Recipient, _reply: Reply) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    writeSync(log, `${JSON.stringify({ user: to.userId, pid: process.pid, at: Date.now() })}\n`);
    fsyncSync(log);
    return { messageId: `${process.pid}-${++counter}` };
  },
};

const scheduler = createScheduler({
  db: database.db,
  messengers: [messenger],
  leaseMs: Number(process.env.LEASE_MS ?? 1500),
  concurrency: Number(process.env.CONCURRENCY ?? 1),
});

for (;;) {
  await scheduler.tick();
  const now = new Date().toISOString();
  const due = await database.db.selectFrom('users').select('id').where('next_nudge_at', '<=', now).where('inactive', '=', 0).limit(1).execute();
  const open = await database.db.selectFrom('outbox').select('id').where('status', 'in', ['pending', 'sending']).limit(1).execute();
  if (due.length === 0 && open.length === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
closeSync(log);
await database.close();
