/**
 * Watches the scheduler's work (metrics: src/ops/metrics.ts). Called with
 * each tick's reports and each "retry after" a platform asked for; an
 * observer must not throw and must not block.
 */
import type { PlanReport } from './plan.ts';
import type { SendReport } from './send.ts';

export interface SchedulerObserver {
  /** After each tick's planning: the nudges claimed, skipped late, failed. */
  planned(report: PlanReport): void;
  /** After each tick's draining of the outbox: sent, retried, failed, blocked, lost. */
  sent(report: SendReport): void;
  /** A platform answered "too many requests": its sends wait `waitMs`. */
  rateLimited(platform: string, waitMs: number): void;
}
