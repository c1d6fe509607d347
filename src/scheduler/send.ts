/**
 * Draining the outbox through the adapters' Messengers: paced below each
 * platform's limits, retried with backoff that honours retry-after, one
 * user's failure never holding up another's.
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../log.ts';
import { catalog } from '../i18n/index.ts';
import { renderNudge } from '../nudge/render.ts';
import { DeliveryError, type Messenger, type Reply } from '../port.ts';
import { nudgeById } from '../store/nudges.ts';
import { getUserById, markInactive } from '../store/users.ts';
import { leaseDue, markDead, markRetry, markSent, nextAttemptAt, settleLostSends, type OutboxMessage } from '../store/outbox.ts';
import type { DB } from '../store/schema.ts';
import { databaseBudget, type SendBudget } from '../store/send-budget.ts';
import type { SchedulerObserver } from './observer.ts';
import { createPacer, type Clock, type Pacer } from './rate-limit.ts';

export interface SendOptions {
  log?: Pick<Logger, 'warn' | 'error'>;
  /** Where the platforms' send budgets live; default: the database, shared by every instance. */
  budget?: SendBudget;
  clock?: Clock;
  now?: () => Date;
  /** Messages in flight at once per platform (also the most a crash can leave unknown). */
  concurrency?: number;
  /** How long a sender may hold a message before it counts as lost (at most once). */
  leaseMs?: number;
  /** Transient failures before giving up on a message. */
  maxAttempts?: number;
  /** Told of every "retry after" (metrics). */
  observer?: Pick<SchedulerObserver, 'rateLimited'>;
}

export interface SendReport {
  sent: number;
  retried: number;
  dead: number;
  blocked: number;
  lost: number;
}

export interface Sender {
  /** Sends everything due now; returns what happened. */
  drain(): Promise<SendReport>;
  /**
   * Shutting down: sends in flight finish, no new one starts; what is left
   * stays pending in the outbox for the next run (or another instance).
   */
  stop(): void;
}

const DEFAULT_RATE = { perSecond: 20 };

/** Backoff for transient failures: 5 s, 10 s, 20 s … at most 10 minutes. */
function backoffMs(attempt: number): number {
  return Math.min(5000 * 2 ** Math.max(0, attempt - 1), 600_000);
}

/**
 * A nudge's message, drawn from its model in the user's language of the
 * moment: the plan stores the model once instead of a rendered copy per user.
 */
async function drawNudge(db: Kysely<DB>, message: OutboxMessage): Promise<Reply | undefined> {
  if (message.nudgeId === null) return undefined;
  const [nudge, user] = await Promise.all([nudgeById(db, message.userId, message.nudgeId), getUserById(db, message.userId)]);
  if (!nudge || !user) return undefined;
  return renderNudge(nudge.model, new Map(), catalog(user.language), nudge.model.date, nudge.id);
}

export function createSender(db: Kysely<DB>, messengers: Messenger[], options: SendOptions = {}): Sender {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const concurrency = options.concurrency ?? 4;
  let stopping = false;
  const byPlatform = new Map(messengers.map((m) => [m.platform as string, m]));
  const budget = options.budget ?? databaseBudget(db);
  const pacers = new Map<string, Pacer>(messengers.map((m) => [m.platform, createPacer(m.rateLimit ?? DEFAULT_RATE, budget, options.clock)]));
  const perTeam = new Set(messengers.filter((m) => m.rateLimit?.per === 'team').map((m) => m.platform as string));
  const platforms = [...byPlatform.keys()];

  /** The budget a message is sent under: its platform, or its Slack workspace. */
  const scopeOf = (message: { platform: string; teamId: string }) => (perTeam.has(message.platform) ? `${message.platform}:${message.teamId}` : message.platform);

  async function deliver(message: OutboxMessage, pacer: Pacer, report: SendReport): Promise<void> {
    const messenger = byPlatform.get(message.platform)!;
    if (Date.parse(message.expiresAt) < now().getTime()) {
      await markDead(db, message, 'expired', 'not delivered before its catch-up window ended');
      report.dead++;
      return;
    }
    await pacer.chat(message.chatId);
    try {
      const reply = message.reply ?? (await drawNudge(db, message));
      if (!reply) {
        await markDead(db, message, 'failed', 'the nudge to send no longer exists');
        report.dead++;
        return;
      }
      const recipient = { platform: message.platform as Messenger['platform'], teamId: message.teamId, userId: message.platformUserId, chatId: message.chatId };
      const { messageId } = await messenger.send(recipient, reply);
      await markSent(db, message, messageId, now());
      report.sent++;
    } catch (error) {
      const failure = error instanceof DeliveryError ? error.failure : 'transient';
      const reason = error instanceof Error ? error.message : String(error);
      if (failure === 'rate_limited') {
        const wait = (error as DeliveryError).retryAfterMs ?? 1000;
        await pacer.pause(scopeOf(message), wait);
        options.observer?.rateLimited(message.platform, wait);
        await markRetry(db, message, new Date(now().getTime() + wait), reason);
        report.retried++;
      } else if (failure === 'blocked') {
        await markInactive(db, message.userId);
        await markDead(db, message, 'blocked', reason);
        report.blocked++;
        options.log?.warn({ userId: message.userId, platform: message.platform }, 'the user blocked the bot: no more nudges until they write again');
      } else if (failure === 'transient' && message.attempts < maxAttempts) {
        await markRetry(db, message, new Date(now().getTime() + backoffMs(message.attempts)), reason);
        report.retried++;
      } else {
        await markDead(db, message, 'failed', reason);
        report.dead++;
        options.log?.error({ userId: message.userId, platform: message.platform, attempts: message.attempts, err: error }, 'a nudge could not be delivered');
      }
    }
  }

  return {
    stop() {
      stopping = true;
    },
    async drain() {
      const report: SendReport = { sent: 0, retried: 0, dead: 0, blocked: 0, lost: 0 };
      const lost = await settleLostSends(db, now());
      report.lost = lost.length;
      for (const message of lost) {
        options.log?.warn({ outboxId: message.id, userId: message.userId }, 'a send was in flight when its sender stopped; its fate is unknown and it is not repeated (at-most-once)');
      }
      // Per platform, `concurrency` workers. Each waits for its turn under the
      // rate first and only then takes one message, so a message is leased
      // only while it is really being sent: a crash loses at most the sends
      // in flight, never a queue of them.
      await Promise.all(
        platforms.map(async (platform) => {
          const pacer = pacers.get(platform)!;
          // Nothing due: don't book send slots for nothing.
          const due = await nextAttemptAt(db, [platform]);
          let idle = due === undefined || due > now().toISOString();
          const worker = async () => {
            while (!idle && !stopping) {
              // A platform-wide budget is waited for before a message is taken; a
              // per-team one can only be known from the message itself.
              if (!perTeam.has(platform)) await pacer.turn(platform);
              if (stopping) return;
              const [message] = await leaseDue(db, [platform], now(), 1, leaseMs);
              if (!message) {
                // On PostgreSQL the rows another worker holds locked for a moment
                // are skipped, not absent: idle only when nothing pending is due.
                const next = await nextAttemptAt(db, [platform]);
                if (next !== undefined && next <= now().toISOString()) continue;
                idle = true;
                return;
              }
              if (perTeam.has(platform)) await pacer.turn(scopeOf(message));
              await deliver(message, pacer, report);
            }
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
        }),
      );
      return report;
    },
  };
}
