/**
 * The store failing as a whole, told apart from a bug: a full disk, a
 * database that cannot be reached (a restart, a failover, a dropped
 * connection), a lock held too long, an I/O error, a read-only database.
 * Such a fault is nobody's mistake and passes by itself, so an update that
 * meets one is refused for the platform to deliver again (bot.ts), /readyz
 * answers 503 with the reason (ops/health.ts), and the log names it.
 *
 * `storeStatus(db)` is the one record per database of the fault last met,
 * shared by whoever holds the same `Kysely` handle: the conversation reports
 * faults and successes, readiness reads it.
 */
import type { Kysely } from 'kysely';

export type StoreFaultKind = 'full' | 'unreachable' | 'locked' | 'io' | 'read-only';

export interface StoreFault {
  kind: StoreFaultKind;
  /** Names the cause for logs and /readyz; never holds user data. */
  reason: string;
}

const REASONS: Record<StoreFaultKind, string> = {
  full: 'database or disk is full',
  unreachable: 'database unreachable',
  locked: 'database is locked',
  io: 'database disk I/O error',
  'read-only': 'database is read-only',
};

function fault(kind: StoreFaultKind): StoreFault {
  return { kind, reason: REASONS[kind] };
}

/** Node's errors for a peer that is gone or cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** What `pg` says when a connection dies or cannot be made (it sets no code then). */
const PG_CONNECTION_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|terminating connection/i;

function classify(error: Error & { code?: unknown }): StoreFault | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  // better-sqlite3: SqliteError with SQLite's extended result code.
  if (code === 'SQLITE_FULL') return fault('full');
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') return fault('locked');
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return fault('io');
  if (code.startsWith('SQLITE_READONLY')) return fault('read-only');
  // PostgreSQL SQLSTATE: 53100 disk_full, 53xxx insufficient resources, 08xxx
  // connection exceptions, 57P01–57P03 shutdown or not accepting connections, 25006 read-only (a standby after failover).
  if (code === '53100') return fault('full');
  if (/^(08|57P0[123]|53)/.test(code)) return fault('unreachable');
  if (code === '25006') return fault('read-only');
  if (NETWORK_CODES.has(code)) return fault('unreachable');
  if (PG_CONNECTION_MESSAGES.test(error.message)) return fault('unreachable');
  return undefined;
}

/** The store fault behind `error` (its causes and aggregated errors included), or undefined for any other failure. */
export function storeFault(error: unknown, depth = 0): StoreFault | undefined {
  if (!(error instanceof Error) || depth > 4) return undefined;
  const found = classify(error);
  if (found) return found;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerFault = storeFault(inner, depth + 1);
      if (innerFault) return innerFault;
    }
  }
  return storeFault(error.cause, depth + 1);
}

export interface StoreStatus {
  /** The fault last met, while no write has succeeded since. */
  readonly fault: StoreFault | undefined;
  /** Records `error` when it is a store fault; returns the fault. */
  report(error: unknown): StoreFault | undefined;
  /** A write went through: the store takes writes again. */
  recovered(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const statuses = new WeakMap<Kysely<any>, StoreStatus>();

/** The status of the database behind `db` (one per handle, created on first use). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function storeStatus(db: Kysely<any>): StoreStatus {
  let status = statuses.get(db);
  if (!status) {
    let current: StoreFault | undefined;
    status = {
      get fault() {
        return current;
      },
      report(error) {
        const found = storeFault(error);
        if (found) current = found;
        return found;
      },
      recovered() {
        current = undefined;
      },
    };
    statuses.set(db, status);
  }
  return status;
}
