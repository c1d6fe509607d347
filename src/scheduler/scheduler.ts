/**
 * The minute tick: plan whatever nudges are due, then drain the outbox; wake
 * up again when a retry is due. node-cron only provides the tick — every
 * decision is in the database, so restarts and several instances are safe.
 */
import cron from 'node-cron';
import type { Kysely } from 'kysely';
import type { Messenger } from '../port.ts';
import { DEFAULT_CATCH_UP_MS } from '../core/nudge-time.ts';
import { storeStatus } from '../store/faults.ts';
import { pruneHistory } from '../store/prune.ts';
import { nextAttemptAt } from '../store/outbox.ts';
import type { DB } from '../store/schema.ts';
import { shortId, withLogFields, type Logger } from '../log.ts';
import type { SchedulerObserver } from './observer.ts';
import { planDueNudges, type Audience, type PlanReport } from './plan.ts';
import { createSender, type SendReport } from './send.ts';

export interface SchedulerOptions {
  db: Kysely<DB>;
  messengers: Messenger[];
  /** Who this process can reach; default: every user of each messenger's platform. */
  audience?: Audience[];
  catchUpMs?: number;
  /** Planning batches side by side: worth it on PostgreSQL, where connections work in parallel. */
  parallel?: number;
  log?: Pick<Logger, 'warn' | 'error'>;
  /** Injected in tests; the scheduler is the only other place that reads the clock. */
  now?: () => Date;
  /** How long a send may take before it counts as lost (at most once); see docs/scheduler.md. */
  leaseMs?: number;
  /** Sends in flight at once per platform. */
  concurrency?: number;
  /** Told what each tick did (metrics). */
  observer?: SchedulerObserver;
  /** Calendars and mailboxes: started on every tick when not already running (src/sources/runner.ts). */
  sources?: { kick(): void; stop(): Promise<void> };
}

export interface Scheduler {
  /** One tick: plan and send. Safe to call at any time, from any number of instances. */
  tick(): Promise<{ plan: PlanReport; send: SendReport }>;
  /** Stops sending new messages and resolves when the running tick has finished its sends in flight. */
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  const audience = options.audience ?? options.messengers.map((m) => ({ platform: m.platform }));
  const sender = createSender(options.db, options.messengers, {
    now,
    ...(options.log ? { log: options.log } : {}),
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
  });
  // Ticks queue behind each other: two never plan at once in one process.
  let running: Promise<unknown> = Promise.resolve();

  async function tick() {
    const plan = await planDueNudges(options.db, now(), {
      catchUpMs: options.catchUpMs ?? DEFAULT_CATCH_UP_MS,
      audience,
      ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    options.observer?.planned(plan);
    const send = await sender.drain();
    options.observer?.sent(send);
    return { plan, send };
  }

  return {
    tick: () => {
      const result = running.then(tick);
      running = result.catch(() => undefined);
      return result;
    },
    stop: async () => {
      sender.stop();
      await running;
    },
  };
}

/**
 * Runs the scheduler every minute (and again when a retry comes due) until
 * stopped. Ticks never overlap; a failing tick is logged and the next one runs.
 */
export function startScheduler(options: SchedulerOptions): { stop(): Promise<void> } {
  const scheduler = createScheduler(options);
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let wake: NodeJS.Timeout | undefined;
  let lastPrune = 0;

  const platforms = options.messengers.map((m) => m.platform as string);
  // Every line logged during a tick (planner, sender) carries its tickId.
  const run = () => withLogFields({ tickId: shortId() }, runTick);
  const runTick = async () => {
    if (stopped) return;
    clearTimeout(wake);
    // Sources sync beside the nudges, never in their way: their network reads take seconds.
    options.sources?.kick();
    try {
      const { plan, send } = await scheduler.tick();
      if (plan.planned + plan.skippedLate + send.sent + send.dead + send.blocked > 0) {
        options.log?.warn({ plan, send }, 'nudges planned and sent');
      }
      if (Date.now() - lastPrune > 3600_000) {
        lastPrune = Date.now();
        await pruneHistory(options.db, now());
      }
      // A retry due before the next minute gets its own wake-up.
      const next = await nextAttemptAt(options.db, platforms);
      if (next !== undefined && !stopped) {
        const delay = Math.max(250, Math.min(60_000, Date.parse(next) - now().getTime()));
        wake = setTimeout(() => void run(), delay);
        wake.unref();
      }
    } catch (error) {
      // A full disk or a database gone away is named (and makes /readyz say so); the next tick tries again.
      const fault = storeStatus(options.db).report(error);
      options.log?.error({ err: error, ...(fault ? { reason: fault.reason } : {}) }, fault ? `the scheduler tick failed: ${fault.reason}; the next one will try again` : 'the scheduler tick failed; the next one will try again');
    }
  };
  const task = cron.schedule('* * * * *', () => void run(), { name: 'keepwarm-nudges', timezone: 'UTC', noOverlap: true });
  void run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(wake);
      await task.stop();
      await scheduler.stop();
      await options.sources?.stop();
    },
  };
}
