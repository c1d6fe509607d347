/**
 * Syncing every due source, every 15 minutes, from any number of instances:
 * each source is claimed (src/store/sources.ts) before it is read, so one
 * instance syncs it at a time, and a claim that outlived its instance runs
 * out after the lease. A failing source is tried again later and later
 * (15 minutes doubling, at most 6 hours — a wrong password is not hammered
 * into a locked account) and reported to its user once, through the outbox,
 * after three failures in a row; a success starts the count again.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from '../log.ts';
import { catalog } from '../i18n/index.ts';
import { enqueue } from '../store/outbox.ts';
import type { DB } from '../store/schema.ts';
import { claimSources, ClaimLost, recordFailure, releaseClaim, type ClaimedSource } from '../store/sources.ts';
import { getUserById } from '../store/users.ts';
import { SourceError, type SyncFailure, type SyncResult, type SyncSummary } from './model.ts';
import { DEFAULT_LIMITS, syncSource, type EnvSecrets, type SyncLimits } from './sync.ts';
import type { SecretBox } from './secret-box.ts';

export const SYNC_EVERY_MS = 15 * 60_000;
const MAX_BACKOFF_MS = 6 * 3600_000;
/** Failures in a row before the user is told (once). */
export const REPORT_AFTER_FAILURES = 3;
/** How long a claim holds: longer than any sync may take (every read has its own timeouts). */
export const DEFAULT_LEASE_MS = 10 * 60_000;

export interface SourceRunResult {
  sourceId: number;
  userId: number;
  name: string;
  kind: ClaimedSource['kind'];
  result: SyncResult | 'lost';
  summary?: SyncSummary;
  /** The user was told about this failure now. */
  reported?: boolean;
}

export interface SourceSyncOptions {
  db: Kysely<DB>;
  box: SecretBox | undefined;
  limits?: Partial<SyncLimits> & { allowPrivate?: boolean };
  env?: EnvSecrets;
  log?: Logger;
  now?: () => Date;
  leaseMs?: number;
  /** Sources synced side by side by this instance. */
  concurrency?: number;
  /** Sources claimed per pass. */
  batch?: number;
}

export interface SourceSync {
  /** Syncs every source due now; returns when they are done. */
  runDue(): Promise<SourceRunResult[]>;
  /** Syncs all of one user's sources now, due or not (`keepwarm sync --user`), unless another instance holds one. */
  runForUser(userId: number): Promise<SourceRunResult[]>;
  /** Syncs one of a user's sources now (the chat's check of a new one); empty when another instance holds it. */
  runSource(userId: number, sourceId: number): Promise<SourceRunResult[]>;
  /** Starts runDue in the background unless one is running (the scheduler's minute tick). */
  kick(): void;
  /** Waits for a running pass to finish. */
  stop(): Promise<void>;
}

/** When a source that failed `failures` times in a row is tried again. */
export function retryDelayMs(failures: number): number {
  return Math.min(SYNC_EVERY_MS * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

export function createSourceSync(options: SourceSyncOptions): SourceSync {
  const now = options.now ?? (() => new Date());
  const { allowPrivate, ...limitOverrides } = options.limits ?? {};
  const limits: SyncLimits = {
    ...DEFAULT_LIMITS,
    ...limitOverrides,
    http: { ...DEFAULT_LIMITS.http, ...(limitOverrides.http ?? {}), ...(allowPrivate !== undefined ? { allowPrivate } : {}) },
  };
  const ctx = { db: options.db, box: options.box, limits, env: options.env ?? {} };
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  let running: Promise<unknown> | undefined;
  let stopping = false;

  async function runOne(source: ClaimedSource): Promise<SourceRunResult> {
    const base = { sourceId: source.id, userId: source.userId, name: source.name, kind: source.kind };
    const started = now();
    try {
      const { summary } = await syncSource(ctx, source, started, new Date(started.getTime() + SYNC_EVERY_MS));
      return { ...base, result: 'ok', summary };
    } catch (error) {
      if (error instanceof ClaimLost) {
        options.log?.warn({ sourceId: source.id }, 'a source sync lost its claim to another instance; its work was rolled back');
        return { ...base, result: 'lost' };
      }
      const failure: SyncFailure = error instanceof SourceError ? error.failure : 'failed';
      if (!(error instanceof SourceError) || failure === 'failed') {
        // The operator's log names the source and the kind of error, never the user's data.
        options.log?.error({ sourceId: source.id, kind: source.kind, err: error instanceof SourceError ? error.detail : errorName(error) }, 'a source sync failed');
      } else {
        options.log?.warn({ sourceId: source.id, kind: source.kind, failure }, 'a source sync failed; nothing was changed');
      }
      const reported = await recordFailure(
        options.db,
        source,
        failure,
        now(),
        (failures) => new Date(now().getTime() + retryDelayMs(failures)),
        REPORT_AFTER_FAILURES,
        (tx) => reportFailure(tx, source, failure, now()),
      );
      return { ...base, result: failure, reported };
    }
  }

  async function runClaimed(claimed: ClaimedSource[]): Promise<SourceRunResult[]> {
    const results: SourceRunResult[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
        while (next < claimed.length) {
          const source = claimed[next++]!;
          if (stopping) {
            await releaseClaim(options.db, source);
            continue;
          }
          results.push(await runOne(source));
        }
      }),
    );
    return results;
  }

  async function runDue(): Promise<SourceRunResult[]> {
    const results: SourceRunResult[] = [];
    const batch = options.batch ?? 20;
    while (!stopping) {
      const claimed = await claimSources(options.db, now(), { limit: batch, leaseMs });
      if (claimed.length === 0) break;
      results.push(...(await runClaimed(claimed)));
      if (claimed.length < batch) break;
    }
    return results;
  }

  return {
    runDue,
    async runForUser(userId) {
      return runClaimed(await claimSources(options.db, now(), { limit: 100, leaseMs, userId }));
    },
    async runSource(userId, sourceId) {
      return runClaimed(await claimSources(options.db, now(), { limit: 1, leaseMs, userId, sourceId }));
    },
    kick() {
      if (running || stopping) return;
      running = runDue()
        .catch((error: unknown) => options.log?.error({ err: errorName(error) }, 'syncing sources failed; the next tick tries again'))
        .finally(() => (running = undefined));
    },
    async stop() {
      stopping = true;
      await running;
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : 'unknown error';
}

/** The one message that tells a user their source keeps failing, in their language, through the outbox. */
async function reportFailure(tx: Transaction<DB>, source: ClaimedSource, failure: SyncFailure, now: Date): Promise<void> {
  const user = await getUserById(tx, source.userId);
  if (!user || !user.chatId) return;
  const t = catalog(user.language);
  await enqueue(
    tx,
    [
      {
        userId: user.id,
        nudgeId: null,
        platform: user.identity.platform,
        teamId: user.identity.teamId,
        platformUserId: user.identity.userId,
        chatId: user.chatId,
        reply: { text: t.sourceFailing(source.kind, source.name, failure), language: user.language },
        expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      },
    ],
    now.toISOString(),
  );
}
