/**
 * Connected calendars and mailboxes of one user, and the claims that let one
 * instance at a time sync each of them. Every function takes the owner's user
 * id first, except the claim functions the scheduler uses across users.
 *
 * Credentials are sealed (src/sources/secret-box.ts) before they reach a row;
 * without the operator's key nothing secret is stored (NoSecretKeyError).
 * Disconnecting deletes the row with its credentials at once — it is not an
 * undo step, so /undo can never bring a password back.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SourceKind, SourceOptions, SyncResult, SyncSummary } from '../sources/model.ts';
import { NoSecretKeyError, type SecretBox } from '../sources/secret-box.ts';
import { claimRows } from './db.ts';
import type { DB, SourcesTable } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
type SourceRow = Selectable<SourcesTable>;

/** A source as lists show it: never its credentials. */
export interface Source {
  id: number;
  userId: number;
  kind: SourceKind;
  name: string;
  host: string | null;
  username: string | null;
  origin: 'user' | 'env';
  options: SourceOptions;
  createdAt: string;
  lastSyncAt: string | null;
  lastResult: SyncResult | null;
  lastSummary: SyncSummary | null;
  failures: number;
  hasSecret: boolean;
}

export interface NewSource {
  kind: SourceKind;
  /** What lists show (a host name, "Work calendar"); never the secret URL. */
  name: string;
  host?: string | null;
  username?: string | null;
  /** The password, or the secret iCalendar URL: sealed before it is stored. */
  secret?: string | null;
  options?: SourceOptions;
  origin?: 'user' | 'env';
  /** When the scheduler first syncs it (default: at once). The chat checks a new source itself and sets this later, so no tick races it. */
  firstSyncAt?: Date;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind as SourceKind,
    name: row.name,
    host: row.host,
    username: row.username,
    origin: row.origin === 'env' ? 'env' : 'user',
    options: parseJson<SourceOptions>(row.options, {}),
    createdAt: row.created_at,
    lastSyncAt: row.last_sync_at,
    lastResult: row.last_result as SyncResult | null,
    lastSummary: parseJson<SyncSummary | null>(row.last_summary, null),
    failures: row.failures,
    hasSecret: row.secret !== null,
  };
}

/**
 * Connects a calendar or mailbox; it is synced at the next tick. Throws
 * NoSecretKeyError when it has a secret and the operator set no key.
 */
export async function connectSource(db: Db, userId: number, fields: NewSource, box: SecretBox | undefined, now: Date): Promise<Source> {
  if (fields.secret && !box) throw new NoSecretKeyError();
  const nowIso = now.toISOString();
  const row = await db
    .insertInto('sources')
    .values({
      user_id: userId,
      kind: fields.kind,
      name: fields.name.slice(0, 200),
      host: fields.host ?? null,
      username: fields.username ?? null,
      secret: fields.secret && box ? box.seal(userId, fields.secret) : null,
      origin: fields.origin ?? 'user',
      options: JSON.stringify(fields.options ?? {}),
      created_at: nowIso,
      next_sync_at: (fields.firstSyncAt ?? now).toISOString(),
      last_sync_at: null,
      last_result: null,
      last_summary: null,
      failure_reported_at: null,
      claim_token: null,
      claimed_until: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSource(row);
}

export async function listSources(db: Db, userId: number): Promise<Source[]> {
  const rows = await db.selectFrom('sources').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  return rows.map(toSource);
}

export async function getSource(db: Db, userId: number, sourceId: number): Promise<Source | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('user_id', '=', userId).where('id', '=', sourceId).executeTakeFirst();
  return row && toSource(row);
}

/**
 * Removes a source with its credentials and folder positions. The touches it
 * logged stay (they happened); its records of what it saw stay too, unowned,
 * so connecting the same calendar again logs nothing twice.
 */
export async function disconnectSource(db: Db, userId: number, sourceId: number): Promise<boolean> {
  const result = await db.deleteFrom('sources').where('user_id', '=', userId).where('id', '=', sourceId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Changes a source's options (inbox opt-in, private events); the next sync reads with them. */
export async function setSourceOptions(db: Db, userId: number, sourceId: number, patch: SourceOptions): Promise<Source | undefined> {
  const current = await getSource(db, userId, sourceId);
  if (!current) return undefined;
  const options = { ...current.options, ...patch };
  await db.updateTable('sources').set({ options: JSON.stringify(options) }).where('user_id', '=', userId).where('id', '=', sourceId).execute();
  return { ...current, options };
}

/** Replaces a source's credentials (a new app password), sealed. */
export async function setSourceSecret(db: Db, userId: number, sourceId: number, secret: string, box: SecretBox | undefined): Promise<boolean> {
  if (!box) throw new NoSecretKeyError();
  const result = await db
    .updateTable('sources')
    .set({ secret: box.seal(userId, secret), failures: 0, failure_reported_at: null })
    .where('user_id', '=', userId)
    .where('id', '=', sourceId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The sealed secret of a source, for the sync to open; never shown anywhere. */
export async function sealedSecretOf(db: Db, userId: number, sourceId: number): Promise<string | null> {
  const row = await db.selectFrom('sources').select('secret').where('user_id', '=', userId).where('id', '=', sourceId).executeTakeFirst();
  return row?.secret ?? null;
}

/** A source taken by one instance for one sync: the token proves the claim is still its own. */
export interface ClaimedSource extends Source {
  token: string;
  claimedUntil: string;
  /** Sealed credentials, opened by the sync only. */
  sealed: string | null;
}

export interface ClaimOptions {
  limit: number;
  /** How long the claim holds; a crashed instance's claim runs out after this. */
  leaseMs: number;
  /** Only this user's sources, whether due or not (`keepwarm sync --user`). */
  userId?: number;
  /** With `userId`: only this one of theirs (the chat's check of a new source). */
  sourceId?: number;
}

/**
 * Takes sources due for a sync — or, with `userId`, all of that user's —
 * that no other instance holds: one transaction that locks them (PostgreSQL
 * skips rows another instance is claiming; SQLite serialises writers) and
 * writes a fresh token and lease on each. A source is synced by one instance at a time.
 */
export async function claimSources(db: Kysely<DB>, now: Date, options: ClaimOptions): Promise<ClaimedSource[]> {
  const nowIso = now.toISOString();
  const claimedUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  return db.transaction().execute(async (tx) => {
    let query = tx
      .selectFrom('sources')
      .selectAll()
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
      .orderBy('next_sync_at')
      .orderBy('id')
      .limit(options.limit);
    query = options.userId !== undefined ? query.where('user_id', '=', options.userId) : query.where('next_sync_at', '<=', nowIso);
    if (options.userId !== undefined && options.sourceId !== undefined) query = query.where('id', '=', options.sourceId);
    const rows = await claimRows(tx, query).execute();
    const claimed: ClaimedSource[] = [];
    for (const row of rows) {
      const token = randomBytes(12).toString('hex');
      // Compare-and-swap on the claim that was read: another instance may have taken it since.
      const result = await tx
        .updateTable('sources')
        .set({ claim_token: token, claimed_until: claimedUntil })
        .where('id', '=', row.id)
        .where((eb) => (row.claim_token === null ? eb('claim_token', 'is', null) : eb('claim_token', '=', row.claim_token)))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) continue;
      claimed.push({ ...toSource(row), token, claimedUntil, sealed: row.secret });
    }
    return claimed;
  });
}

/** The claim ran out and another instance took the source over: this sync's work is void. */
export class ClaimLost extends Error {
  override readonly name = 'ClaimLost';
  constructor() {
    super('the claim on this source was lost to another instance');
  }
}

/**
 * Records a successful sync under the claim, inside the transaction that wrote
 * its touches: if the claim was lost, ClaimLost rolls all of it back.
 */
export async function finishSync(tx: Transaction<DB>, source: ClaimedSource, summary: SyncSummary, now: Date, nextAt: Date): Promise<void> {
  const result = await tx
    .updateTable('sources')
    .set({
      last_sync_at: now.toISOString(),
      last_result: 'ok',
      last_summary: JSON.stringify(summary),
      failures: 0,
      failure_reported_at: null,
      next_sync_at: nextAt.toISOString(),
      claim_token: null,
      claimed_until: null,
    })
    .where('id', '=', source.id)
    .where('user_id', '=', source.userId)
    .where('claim_token', '=', source.token)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new ClaimLost();
}

/**
 * Records a failed sync under the claim. Returns whether this failure is the
 * one to tell the user about (`reportAfter` failures in a row, told once per
 * streak); `report` then runs in the same transaction (the outbox message).
 */
export async function recordFailure(
  db: Kysely<DB>,
  source: ClaimedSource,
  failure: SyncResult,
  now: Date,
  nextAt: (failures: number) => Date,
  reportAfter: number,
  report: (tx: Transaction<DB>) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('sources').select(['failures', 'failure_reported_at', 'claim_token']).where('id', '=', source.id).executeTakeFirst();
    if (!row || row.claim_token !== source.token) return false;
    const failures = row.failures + 1;
    const tell = failures >= reportAfter && row.failure_reported_at === null;
    await tx
      .updateTable('sources')
      .set({
        last_sync_at: now.toISOString(),
        last_result: failure,
        failures,
        next_sync_at: nextAt(failures).toISOString(),
        claim_token: null,
        claimed_until: null,
        ...(tell ? { failure_reported_at: now.toISOString() } : {}),
      })
      .where('id', '=', source.id)
      .where('claim_token', '=', source.token)
      .execute();
    if (tell) await report(tx);
    return tell;
  });
}

/** Gives a claim back without a result (shutting down mid-sync): the source is due again at once. */
export async function releaseClaim(db: Kysely<DB>, source: ClaimedSource): Promise<void> {
  await db.updateTable('sources').set({ claim_token: null, claimed_until: null }).where('id', '=', source.id).where('claim_token', '=', source.token).execute();
}

/** Where a mailbox folder was read up to. */
export interface FolderCursor {
  folder: 'sent' | 'inbox';
  path: string;
  uidValidity: string;
  lastUid: number;
}

export async function cursorsOf(db: Db, userId: number, sourceId: number): Promise<FolderCursor[]> {
  const rows = await db.selectFrom('source_cursors').selectAll().where('user_id', '=', userId).where('source_id', '=', sourceId).execute();
  return rows.map((r) => ({ folder: r.folder as FolderCursor['folder'], path: r.path, uidValidity: r.uid_validity, lastUid: r.last_uid }));
}

/** Saves a folder's position, in the transaction that logged what was read before it. */
export async function saveCursor(tx: Transaction<DB>, userId: number, sourceId: number, cursor: FolderCursor): Promise<void> {
  await tx
    .insertInto('source_cursors')
    .values({ user_id: userId, source_id: sourceId, folder: cursor.folder, path: cursor.path, uid_validity: cursor.uidValidity, last_uid: cursor.lastUid })
    .onConflict((oc) => oc.columns(['source_id', 'folder']).doUpdateSet({ path: cursor.path, uid_validity: cursor.uidValidity, last_uid: cursor.lastUid }))
    .execute();
}
