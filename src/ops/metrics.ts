/**
 * Prometheus metrics (prom-client): the bot's and the scheduler's observer,
 * the outbox depth read from the database when scraped, and prom-client's
 * default process metrics. Every label has a small fixed set of values —
 * platform, outcome, intent, status — never a user, a team or a name.
 */
import type { Kysely } from 'kysely';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConversationObserver, Outcome } from '../bot/conversation.ts';
import { PLATFORMS, type Platform } from '../core/identity.ts';
import type { SchedulerObserver } from '../scheduler/observer.ts';
import type { PlanReport } from '../scheduler/plan.ts';
import type { SendReport } from '../scheduler/send.ts';
import type { DB } from '../store/schema.ts';

export interface Metrics extends ConversationObserver, SchedulerObserver {
  /** The Content-Type of `text()`. */
  readonly contentType: string;
  /** Every metric in Prometheus' text format. */
  text(): Promise<string>;
}

export interface MetricsOptions {
  /** Where the outbox depth is counted; without it the gauge is left out. */
  db?: Kysely<DB>;
  /** How long one count of the outbox serves scrapes (default 5 s). */
  depthCacheMs?: number;
  /** prom-client's process metrics (default true). */
  defaultMetrics?: boolean;
}

/** The outbox rows still to be done; sent, dead and unknown ones are counted by the nudge counters. */
const OUTBOX_OPEN_STATUSES = ['pending', 'sending'] as const;

/** Command latency buckets in seconds: most commands take a few milliseconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const register = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register });
  const registers = [register];

  const updates = new Counter({
    name: 'keepwarm_updates_total',
    help: 'Messages and button presses handled, by platform and outcome (handled, duplicate, failed, refused).',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'keepwarm_command_duration_seconds',
    help: 'Time the bot took for one update, by intent (a command, action for buttons, parse_error, …).',
    labelNames: ['intent'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const counter = (name: string, help: string) => new Counter({ name, help, registers });
  const nudges = {
    claimed: counter('keepwarm_nudges_claimed_total', 'Nudges claimed for a user and day with a message written to the outbox.'),
    empty: counter('keepwarm_nudges_empty_total', 'Nudges claimed with nobody to suggest: nothing sent.'),
    skippedLate: counter('keepwarm_nudges_skipped_late_total', 'Nudge days skipped because they were found later than the catch-up window.'),
    planFailed: counter('keepwarm_nudge_planning_failures_total', 'Users whose nudge could not be planned (moved on to their next nudge day).'),
    sent: counter('keepwarm_nudges_sent_total', 'Nudge messages delivered.'),
    retried: counter('keepwarm_nudges_retried_total', 'Nudge sends that failed for now and were scheduled again.'),
    failed: counter('keepwarm_nudges_failed_total', 'Nudge messages given up on (permanent failure, too many attempts, or expired).'),
    blocked: counter('keepwarm_nudges_blocked_total', 'Nudge messages refused because the user blocked the bot (user marked inactive).'),
    lost: counter('keepwarm_nudges_lost_total', 'Sends in flight when their sender stopped: fate unknown, not repeated.'),
  };
  const rateLimitWaits = new Counter({
    name: 'keepwarm_rate_limit_waits_total',
    help: 'Times a platform answered "too many requests" to a nudge send, by platform.',
    labelNames: ['platform'] as const,
    registers,
  });
  const rateLimitSeconds = new Counter({
    name: 'keepwarm_rate_limit_wait_seconds_total',
    help: 'Seconds the platforms asked nudge sends to wait, by platform.',
    labelNames: ['platform'] as const,
    registers,
  });
  if (options.db) outboxDepth(options.db, options.depthCacheMs ?? 5000, registers);

  return {
    contentType: register.contentType,
    text: () => register.metrics(),
    handled(platform: Platform, intent: string, outcome: Outcome, seconds: number) {
      updates.inc({ platform: platformLabel(platform), outcome });
      if (outcome !== 'duplicate' && outcome !== 'refused') latency.observe({ intent: intentLabel(intent) }, seconds);
    },
    planned(report: PlanReport) {
      nudges.claimed.inc(report.planned);
      nudges.empty.inc(report.empty);
      nudges.skippedLate.inc(report.skippedLate);
      nudges.planFailed.inc(report.failed);
    },
    sent(report: SendReport) {
      nudges.sent.inc(report.sent);
      nudges.retried.inc(report.retried);
      nudges.failed.inc(report.dead);
      nudges.blocked.inc(report.blocked);
      nudges.lost.inc(report.lost);
    },
    rateLimited(platform: string, waitMs: number) {
      rateLimitWaits.inc({ platform: platformLabel(platform) });
      rateLimitSeconds.inc({ platform: platformLabel(platform) }, Math.max(0, waitMs) / 1000);
    },
  };
}

/** The outbox's open rows by status, counted with one grouped query at most every `cacheMs`. */
function outboxDepth(db: Kysely<DB>, cacheMs: number, registers: Registry[]): void {
  let counted: { at: number; counts: Map<string, number> } | undefined;
  let counting: Promise<Map<string, number>> | undefined;
  const count = async () => {
    const rows = await db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', 'in', [...OUTBOX_OPEN_STATUSES])
      .groupBy('status')
      .execute();
    return new Map(rows.map((row) => [row.status, Number(row.n)]));
  };
  new Gauge({
    name: 'keepwarm_outbox_depth',
    help: 'Outbox messages not yet done, by status (pending: waiting to be sent or retried; sending: in flight).',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      if (!counted || Date.now() - counted.at >= cacheMs) {
        counting ??= count().finally(() => (counting = undefined));
        try {
          counted = { at: Date.now(), counts: await counting };
        } catch {
          // The database is away (readiness says so): the scrape still answers, with the last count.
        }
      }
      if (!counted) return;
      for (const status of OUTBOX_OPEN_STATUSES) this.set({ status }, counted.counts.get(status) ?? 0);
    },
  });
}

function platformLabel(platform: string): string {
  return (PLATFORMS as readonly string[]).includes(platform) ? platform : 'other';
}

/** Intents come from a fixed set; anything else is folded so a label can never grow without bound. */
function intentLabel(intent: string): string {
  return /^[a-z_]{1,24}$/.test(intent) ? intent : 'other';
}
