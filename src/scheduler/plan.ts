/**
 * Planning the daily nudges: everyone whose nudge time has come is claimed —
 * one row per (user, local date), unique in the database — and their message
 * is written to the outbox in the same transaction. A restart, a second
 * instance or a retried tick finds the claim and does nothing twice.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { localDateOf } from '../core/dates.ts';
import type { Platform } from '../core/identity.ts';
import { isEmptyChoice } from '../core/nudge-choice.ts';
import { firstNudgeAtOrAfter, isNudgeDay, isWithinCatchUp, nudgeAfter, type NudgeSchedule } from '../core/nudge-time.ts';
import type { Logger } from '../log.ts';
import { composeNudges, type ComposedNudge } from '../nudge/compose.ts';
import { hasBirthdays } from '../nudge/birthdays.ts';
import { claimRows } from '../store/db.ts';
import { markUnansweredIgnored } from '../store/nudges.ts';
import { enqueue, type NewOutboxMessage } from '../store/outbox.ts';
import type { DB, NudgeEntriesTable, NudgeStatus } from '../store/schema.ts';
import { toUser, type User } from '../store/users.ts';
import { holidayCalendar, workingDaysWith, type HolidayCalendar } from '../holidays/index.ts';

/** Who this process can reach: a platform, optionally only some of its users (the console's one user). */
export interface Audience {
  platform: Platform;
  userIds?: string[];
}

export interface PlanOptions {
  /** A nudge later than this after its time is skipped for the day. */
  catchUpMs: number;
  audience: Audience[];
  batchSize?: number;
  /** Batches planned side by side (PostgreSQL: a few connections of the pool; SQLite gains nothing). */
  parallel?: number;
  log?: Pick<Logger, 'warn' | 'error'>;
}

export interface PlanReport {
  /** Nudges written to the outbox. */
  planned: number;
  /** Claimed, but nobody was due: nothing to send. */
  empty: number;
  /** Found more than the catch-up window late: the day was skipped. */
  skippedLate: number;
  /** Another run had claimed the day already. */
  alreadyClaimed: number;
  failed: number;
}

/** The user's schedule: nudge time and zone, pause, and working days (nudge days without their region's public holidays). */
function scheduleWith(user: User, calendar: HolidayCalendar): NudgeSchedule {
  return { ...workingDaysWith(calendar, user), time: user.nudgeTime, timeZone: user.timeZone, pausedUntil: user.pausedUntil, pausedFrom: user.pausedFrom };
}

function dueUsers(db: Kysely<DB>, audience: Audience[], nowIso: string, limit: number) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('next_nudge_at', '<=', nowIso)
    .where('inactive', '=', 0)
    .where((eb) =>
      eb.or(
        audience.map((a) =>
          a.userIds ? eb.and([eb('platform', '=', a.platform), eb('platform_user_id', 'in', a.userIds)]) : eb('platform', '=', a.platform),
        ),
      ),
    )
    // The index order alone: a tie-break on id would sort every due user on every pass.
    .orderBy('next_nudge_at')
    .limit(limit)
    .execute();
}

/** Plans every nudge due at `now`, batch by batch, until nobody is due. */
export async function planDueNudges(db: Kysely<DB>, now: Date, options: PlanOptions): Promise<PlanReport> {
  const report: PlanReport = { planned: 0, empty: 0, skippedLate: 0, alreadyClaimed: 0, failed: 0 };
  if (options.audience.length === 0) return report;
  const nowIso = now.toISOString();
  const batchSize = options.batchSize ?? 500;
  const parallel = Math.max(1, options.parallel ?? 1);
  // Each pass moves a user's next nudge strictly forward; a user is taken again
  // only when it moved (a late day skipped leads on to today's nudge).
  const seen = new Set<string>();
  for (;;) {
    const rows = (await dueUsers(db, options.audience, nowIso, batchSize * parallel)).filter((r) => !seen.has(`${r.id}@${r.next_nudge_at}`));
    if (rows.length === 0) break;
    const groups: { date: string; users: User[] }[] = [];
    for (const row of rows) {
      seen.add(`${row.id}@${row.next_nudge_at}`);
      const user = toUser(row);
      const date = localDateOf(row.next_nudge_at!, user.timeZone);
      let group = groups.find((g) => g.date === date && g.users.length < batchSize);
      if (!group) groups.push((group = { date, users: [] }));
      group.users.push(user);
    }
    // Batches in their own transactions, `parallel` at a time (PostgreSQL's
    // connections work side by side; SQLite has one and queues them).
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(parallel, groups.length) }, async () => {
        while (next < groups.length) {
          const { date, users } = groups[next++]!;
          add(report, await planBatch(db, users, date, now, options));
        }
      }),
    );
  }
  return report;
}

/** One batch in one transaction; if it fails, its users one by one, so one user's trouble holds up nobody else. */
async function planBatch(db: Kysely<DB>, users: User[], date: string, now: Date, options: PlanOptions): Promise<PlanReport> {
  const calendar = await holidayCalendar();
  const scheduleOf = (user: User) => scheduleWith(user, calendar);
  const planGroup = (tx: Transaction<DB>, group: User[]) => planGroupWith(tx, group, date, now, options, calendar);
  try {
    return await db.transaction().execute((tx) => planGroup(tx, users));
  } catch (error) {
    options.log?.warn({ err: error, users: users.length }, 'planning a batch failed; planning its users one by one');
    const report: PlanReport = { planned: 0, empty: 0, skippedLate: 0, alreadyClaimed: 0, failed: 0 };
    for (const user of users) {
      try {
        add(report, await db.transaction().execute((tx) => planGroup(tx, [user])));
      } catch (single) {
        report.failed++;
        options.log?.error({ err: single, userId: user.id }, 'planning a nudge failed; moving on to the next nudge day');
        await advance(db, [{ id: user.id, next: nudgeAfter(scheduleOf(user), date) }]);
      }
    }
    return report;
  }
}

function add(total: PlanReport, part: PlanReport): void {
  for (const key of Object.keys(total) as (keyof PlanReport)[]) total[key] += part[key];
}

async function planGroupWith(tx: Transaction<DB>, candidates: User[], date: string, now: Date, options: PlanOptions, calendar: HolidayCalendar): Promise<PlanReport> {
  const scheduleOf = (user: User) => scheduleWith(user, calendar);
  const report: PlanReport = { planned: 0, empty: 0, skippedLate: 0, alreadyClaimed: 0, failed: 0 };
  const nowIso = now.toISOString();
  // Read again under the transaction's lock: another instance may have moved them on.
  // Another instance planning some of them right now holds their rows: skip those, it plans them.
  const fresh = await claimRows(
    tx,
    tx
      .selectFrom('users')
      .selectAll()
      .where('id', 'in', candidates.map((u) => u.id))
      .where('next_nudge_at', '<=', nowIso)
      .where('inactive', '=', 0),
  ).execute();
  const users = fresh.map(toUser);
  const onTime: User[] = [];
  const late: User[] = [];
  for (const user of users) {
    if (!isNudgeDay(scheduleOf(user), date)) continue;
    // A missed nudge is still sent within the catch-up window — and only on its own day.
    const inTime = isWithinCatchUp(user.nextNudgeAt!, now, options.catchUpMs) && localDateOf(now, user.timeZone) === date;
    (inTime ? onTime : late).push(user);
  }

  await markUnansweredIgnored(tx, onTime.map((u) => u.id));
  const composed = await composeNudges(tx, onTime, date, 'daily', (u) => u.nudgeCount);

  const claims: { user: User; status: NudgeStatus }[] = [
    ...onTime.map((u) => ({ user: u, status: statusOf(composed.get(u.id)) })),
    ...late.map((u) => ({ user: u, status: 'skipped_late' as const })),
  ];
  const claimed = claims.length === 0 ? [] : await tx
    .insertInto('nudges')
    .values(claims.map(({ user, status }) => ({
      user_id: user.id,
      local_date: date,
      status,
      model: status === 'skipped_late' ? '{}' : JSON.stringify(composed.get(user.id)?.model ?? {}),
      message_id: null,
      created_at: nowIso,
    })))
    .onConflict((oc) => oc.columns(['user_id', 'local_date']).doNothing())
    .returning(['id', 'user_id', 'status'])
    .execute();
  report.alreadyClaimed = claims.length - claimed.length;

  const byId = new Map(users.map((u) => [u.id, u]));
  const entries: Insertable<NudgeEntriesTable>[] = [];
  const messages: NewOutboxMessage[] = [];
  const invited: number[] = [];
  const askedStale: number[] = [];
  for (const claim of claimed) {
    const user = byId.get(claim.user_id)!;
    if (claim.status === 'skipped_late') {
      report.skippedLate++;
      continue;
    }
    const nudge = composed.get(user.id)!;
    if (claim.status === 'empty') {
      report.empty++;
      continue;
    }
    report.planned++;
    if (nudge.model.reviewInvite) invited.push(user.id);
    for (const e of nudge.model.entries) {
      entries.push({ nudge_id: claim.id, user_id: user.id, contact_id: e.contactId, reason: e.reason, state: 'open', answered_at: null });
      if (e.reason === 'stale') askedStale.push(e.contactId);
    }
    messages.push({
      userId: user.id,
      nudgeId: claim.id,
      platform: user.identity.platform,
      teamId: user.identity.teamId,
      platformUserId: user.identity.userId,
      chatId: user.chatId ?? '',
      notBefore: fairStart(now, user.id, date),
      expiresAt: new Date(Date.parse(user.nextNudgeAt!) + options.catchUpMs).toISOString(),
    });
  }
  for (let i = 0; i < entries.length; i += 500) await tx.insertInto('nudge_entries').values(entries.slice(i, i + 500)).execute();
  for (let i = 0; i < messages.length; i += 500) await enqueue(tx, messages.slice(i, i + 500), nowIso);
  // "Still follow up?" is asked once: from tomorrow on, an unanswered question drops the follow-up.
  for (let i = 0; i < askedStale.length; i += 500) {
    await tx.updateTable('contacts').set({ followup_asked_on: date }).where('id', 'in', askedStale.slice(i, i + 500)).where('followup_asked_on', 'is', null).execute();
  }

  const resumeFrom = new Date(now.getTime() - options.catchUpMs);
  const lateIds = new Set(late.map((u) => u.id));
  const invitedIds = new Set(invited);
  await advance(
    tx,
    users.map((u) => ({
      id: u.id,
      // After downtime, jump to the first nudge still worth sending instead of replaying every missed day.
      next: lateIds.has(u.id) ? firstNudgeAtOrAfter(scheduleOf(u), resumeFrom) : nudgeAfter(scheduleOf(u), date),
      ...(invitedIds.has(u.id) ? { invitedOn: date } : {}),
    })),
  );
  return report;
}

/**
 * When everyone's nudge falls in the same minute, the outbox sends them in
 * order of this instant. A per-day shuffle within the second before `now`
 * (due at once, all of them) keeps the same users from always being first —
 * or last, an hour later, for 100,000 Telegram users at 28 a second
 * (docs/operations.md).
 */
function fairStart(now: Date, userId: number, date: string): string {
  let hash = 2166136261;
  for (const ch of `${userId}|${date}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return new Date(now.getTime() - ((hash >>> 0) % 1000)).toISOString();
}

function statusOf(nudge: ComposedNudge | undefined): NudgeStatus {
  if (!nudge) return 'empty';
  // Birthdays, today's meetings and what sources logged are worth a morning message of their own.
  return isEmptyChoice(nudge.choice) && !nudge.model.reviewInvite && !hasBirthdays(nudge.model) && !nudge.model.sources ? 'empty' : 'planned';
}

/**
 * Moves users on to their next nudge (and records a review invitation), one
 * statement per few hundred users: each row is written once.
 */
async function advance(db: Kysely<DB> | Transaction<DB>, moves: { id: number; next: string | null; invitedOn?: string }[]): Promise<void> {
  for (let i = 0; i < moves.length; i += 400) {
    const part = moves.slice(i, i + 400);
    const next = sql.join(part.map((m) => sql`when ${m.id} then ${m.next}`), sql` `);
    const invited = part.filter((m) => m.invitedOn !== undefined);
    const invitedOn = sql.join(invited.map((m) => sql`when ${m.id} then ${m.invitedOn}`), sql` `);
    await db
      .updateTable('users')
      .set({
        next_nudge_at: sql<string | null>`case id ${next} end`,
        ...(invited.length > 0 ? { review_invited_on: sql<string | null>`case id ${invitedOn} else review_invited_on end` } : {}),
      })
      .where('id', 'in', part.map((m) => m.id))
      .execute();
  }
}
