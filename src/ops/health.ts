/**
 * Liveness and readiness. Alive: the process runs its event loop (anything
 * that answers is alive). Ready: the database answers a trivial query within
 * a short timeout, every migration file is applied, and the process is not
 * shutting down — a load balancer stops sending work as soon as SIGTERM
 * arrives, while in-flight work finishes.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { storeStatus, type StoreStatus } from '../store/faults.ts';
import { migrator } from '../store/migrate.ts';

export type Readiness = { ready: true } | { ready: false; reason: string; pending?: string[] };

export interface Health {
  /** Whether this instance should get traffic now. Never throws. */
  readiness(): Promise<Readiness>;
  /** From now on not ready: the instance drains and stops. */
  beginShutdown(): void;
  readonly shuttingDown: boolean;
}

export interface HealthOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  /** How long the database may take to answer (default 2 s). */
  timeoutMs?: number;
  /** The migrations not yet applied (default: kysely's migrator on the migrations folder). */
  pendingMigrations?: () => Promise<string[]>;
}

const DEFAULT_READINESS_TIMEOUT_MS = 2000;

export function createHealth(options: HealthOptions): Health {
  const { db } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
  const pendingMigrations =
    options.pendingMigrations ??
    (async () => {
      const migrations = await (await migrator(db)).getMigrations();
      return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
    });
  let shuttingDown = false;
  // Probes arriving together share one check: a hung database gets one query, not one per probe.
  let inFlight: Promise<Readiness> | undefined;

  const status = storeStatus(db);

  async function check(): Promise<Readiness> {
    try {
      await withTimeout(sql`select 1`.execute(db), timeoutMs);
    } catch (error) {
      return { ready: false, reason: error instanceof TimeoutError ? 'database timed out' : (status.report(error)?.reason ?? 'database unreachable') };
    }
    // An update met a fault since the last write that went through: ready again once a write goes through.
    const fault = status.fault;
    if (fault && fault.kind !== 'unreachable') {
      try {
        await withTimeout(probeWrite(db, status), timeoutMs);
      } catch (error) {
        return { ready: false, reason: error instanceof TimeoutError ? 'database timed out' : (status.report(error)?.reason ?? fault.reason) };
      }
    } else if (fault) status.recovered();
    try {
      const pending = await withTimeout(pendingMigrations(), timeoutMs);
      if (pending.length > 0) return { ready: false, reason: 'migrations pending', pending };
    } catch {
      return { ready: false, reason: 'migrations unknown' };
    }
    return { ready: true };
  }

  return {
    async readiness() {
      if (shuttingDown) return { ready: false, reason: 'shutting down' };
      inFlight ??= check().finally(() => (inFlight = undefined));
      const result = await inFlight;
      // Shutdown may have begun while the database was asked.
      return shuttingDown ? { ready: false, reason: 'shutting down' } : result;
    },
    beginShutdown() {
      shuttingDown = true;
    },
    get shuttingDown() {
      return shuttingDown;
    },
  };
}

/** Room for a write of this size means the store takes updates again (a message with its undo step is a few KB). */
const PROBE_BYTES = 64 * 1024;

/** Writes a 64 KB row and removes it again, in one transaction: fails while the disk (or the database's page limit) is full. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function probeWrite(db: Kysely<any>, status: StoreStatus): Promise<void> {
  const id = randomBytes(8).toString('hex');
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('store_probe').values({ id, filler: 'x'.repeat(PROBE_BYTES) }).execute();
    await tx.deleteFrom('store_probe').where('id', '=', id).execute();
  });
  status.recovered();
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
