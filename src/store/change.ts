/**
 * A change is one transaction of one user's data plus the inverse operations
 * that /undo needs. Every mutation of user data goes through a Change, so undo
 * works the same way for every command without each one writing its own.
 */
import type { Kysely, Transaction } from 'kysely';
import type { TierCadences } from '../core/types.ts';
import { finishInTransaction } from './inbound.ts';
import type { DB, UserTable } from './schema.ts';

type Row = Record<string, unknown>;

export type UndoOp =
  /** Undo an insert. */
  | { op: 'delete'; table: UserTable; id: number }
  /** Undo an update: the columns as they were. */
  | { op: 'update'; table: UserTable; id: number; before: Row }
  /** Undo a delete: the whole row. */
  | { op: 'insert'; table: UserTable; row: Row };

export interface Change {
  readonly tx: Transaction<DB>;
  readonly userId: number;
  /** The owner's tier cadences, for the due dates the store keeps. Updated when they change. */
  cadences: TierCadences;
  readonly undo: UndoOp[];
  readonly nowIso: string;
  /** What the undo step says it reverts; work inside may name it when the caller left it open. */
  label: string | null;
}

/** Whose data a change touches. */
export interface Owner {
  id: number;
  cadences: TierCadences;
}

/** How many undo steps a user keeps. */
const UNDO_DEPTH = 20;

/**
 * Runs `work` in one transaction. When it recorded inverse operations and
 * `label` is given (or `work` set `change.label`), they become the user's
 * newest undo step.
 */
export async function withChange<T>(
  db: Kysely<DB>,
  owner: Owner,
  now: Date,
  label: string | null,
  work: (change: Change) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const change: Change = { tx, userId: owner.id, cadences: { ...owner.cadences }, undo: [], nowIso: now.toISOString(), label };
    const result = await work(change);
    if (change.label !== null && change.undo.length > 0) await saveUndoStep(change, change.label);
    // The update this change answers counts as handled exactly when the change is committed.
    await finishInTransaction(tx, change.nowIso);
    return result;
  });
}

async function saveUndoStep(change: Change, label: string): Promise<void> {
  const { tx, userId } = change;
  await tx
    .insertInto('undo_log')
    .values({ user_id: userId, label, ops: JSON.stringify(change.undo), created_at: change.nowIso })
    .execute();
  const keep = await tx
    .selectFrom('undo_log')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .offset(UNDO_DEPTH)
    .limit(1)
    .executeTakeFirst();
  if (keep) await tx.deleteFrom('undo_log').where('user_id', '=', userId).where('id', '<=', keep.id).execute();
}

/**
 * Reverts the user's newest undo step inside `change` and returns its label,
 * or null when there is nothing to undo.
 */
export async function undoLast(change: Change): Promise<string | null> {
  return (await undoLastStep(change))?.label ?? null;
}

/** The same, with the operations it reverted (the conversation redraws the nudges whose entries they reopened). */
export async function undoLastStep(change: Change): Promise<{ label: string; ops: UndoOp[] } | null> {
  const { tx, userId } = change;
  const step = await tx
    .selectFrom('undo_log')
    .select(['id', 'label', 'ops'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!step) return null;
  const ops = JSON.parse(step.ops) as UndoOp[];
  for (const op of [...ops].reverse()) await revert(change, op);
  await tx.deleteFrom('undo_log').where('id', '=', step.id).execute();
  return { label: step.label, ops };
}

async function revert({ tx, userId }: Change, op: UndoOp): Promise<void> {
  // Dynamic table names: the ops are written only by this module's callers,
  // and every statement is still scoped to the user.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const anyTx = tx as unknown as Kysely<any>;
  const owner = op.table === 'users' ? 'id' : 'user_id';
  switch (op.op) {
    case 'delete':
      await anyTx.deleteFrom(op.table).where('id', '=', op.id).where(owner, '=', userId).execute();
      break;
    case 'update':
      await anyTx.updateTable(op.table).set(op.before).where('id', '=', op.id).where(owner, '=', userId).execute();
      break;
    case 'insert':
      if (op.row[owner] !== userId) throw new Error('undo step belongs to another user');
      await anyTx.insertInto(op.table).values(op.row).execute();
      break;
  }
}

/** Records an update's before-image: only the columns that change. */
export function beforeImage(row: Row, patch: Row): Row {
  const before: Row = {};
  for (const key of Object.keys(patch)) before[key] = row[key];
  return before;
}
