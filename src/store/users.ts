/** keepwarm users: one per platform identity, with their settings. */
import type { Kysely, Transaction } from 'kysely';
import { nextNudgeAt } from '../core/nudge-time.ts';
import { DEFAULT_CADENCES, type Language, type LocalDate, type TierCadences } from '../core/types.ts';
import { isValidTimeZone, localDateOf } from '../core/dates.ts';
import type { PlatformIdentity } from '../core/identity.ts';
import type { DB, UserRow } from './schema.ts';
import type { Change } from './change.ts';
import { beforeImage } from './change.ts';
import { refreshDueDates } from './contacts.ts';
import { workingDaysOf } from '../holidays/index.ts';

export interface User {
  id: number;
  identity: PlatformIdentity;
  chatId: string | null;
  /** Effective language: set by the user, else the platform's, else English. */
  language: Language;
  languageSetByUser: boolean;
  /** Effective IANA zone: set by the user, else the platform's, else UTC. */
  timeZone: string;
  timeZoneSetByUser: boolean;
  nudgeTime: string;
  /** ISO weekdays, 1 = Monday. */
  nudgeDays: number[];
  nudgeCount: number;
  cadences: TierCadences;
  pausedUntil: LocalDate | null;
  /** A pause that starts later: no nudge from this date until pausedUntil. */
  pausedFrom: LocalDate | null;
  inactive: boolean;
  lastReviewOn: LocalDate | null;
  createdOn: LocalDate;
  /** When the next daily nudge is due (null: none planned). */
  nextNudgeAt: string | null;
  reviewInvitedOn: LocalDate | null;
  /** Public holidays as set: null (derived from zone and language), `none`, or a region `DE-BY` (src/holidays). */
  holidays: string | null;
}

/** What the platform says about the user on each message; used until they choose for themselves. */
export interface PlatformHints {
  chatId?: string;
  locale?: string;
  timeZone?: string;
}

/** 'de', 'de-DE', 'de_DE.UTF-8' -> 'de'; anything else -> 'en'. */
export function languageOf(locale: string | null | undefined): Language {
  return locale && /^de([-_.]|$)/i.test(locale) ? 'de' : 'en';
}

export function toUser(row: UserRow): User {
  const timeZone = [row.time_zone, row.platform_time_zone].find((z): z is string => !!z && isValidTimeZone(z));
  return {
    id: row.id,
    identity: { platform: row.platform as PlatformIdentity['platform'], teamId: row.team_id, userId: row.platform_user_id },
    chatId: row.chat_id,
    language: languageOf(row.language ?? row.platform_language),
    languageSetByUser: row.language !== null,
    timeZone: timeZone ?? 'UTC',
    timeZoneSetByUser: row.time_zone !== null,
    nudgeTime: row.nudge_time,
    nudgeDays: row.nudge_days.split(',').filter(Boolean).map(Number),
    nudgeCount: row.nudge_count,
    cadences: { A: row.cadence_a ?? DEFAULT_CADENCES.A, B: row.cadence_b ?? DEFAULT_CADENCES.B },
    pausedUntil: row.paused_until,
    pausedFrom: row.paused_from,
    inactive: row.inactive === 1,
    lastReviewOn: row.last_review_on,
    createdOn: row.created_on,
    nextNudgeAt: row.next_nudge_at,
    reviewInvitedOn: row.review_invited_on,
    holidays: row.holidays ?? null,
  };
}

function identityQuery(db: Kysely<DB>, who: PlatformIdentity) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('platform', '=', who.platform)
    .where('team_id', '=', who.teamId)
    .where('platform_user_id', '=', who.userId);
}

export async function findUser(db: Kysely<DB>, who: PlatformIdentity): Promise<User | undefined> {
  const row = await identityQuery(db, who).executeTakeFirst();
  return row && toUser(row);
}

export async function getUserById(db: Kysely<DB>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/**
 * The user behind a platform identity, created on first contact. Platform
 * hints are refreshed when they change, and writing again makes an inactive
 * (blocked) user active again.
 */
export async function ensureUser(db: Kysely<DB>, who: PlatformIdentity, hints: PlatformHints, now: Date): Promise<User> {
  let row = await identityQuery(db, who).executeTakeFirst();
  const created = !row;
  if (!row) {
    const zone = hints.timeZone && isValidTimeZone(hints.timeZone) ? hints.timeZone : 'UTC';
    await db
      .insertInto('users')
      .values({
        platform: who.platform,
        team_id: who.teamId,
        platform_user_id: who.userId,
        chat_id: hints.chatId ?? null,
        language: null,
        platform_language: hints.locale ?? null,
        time_zone: null,
        platform_time_zone: hints.timeZone ?? null,
        paused_until: null,
        paused_from: null,
        last_review_on: null,
        created_on: localDateOf(now, zone),
        created_at: now.toISOString(),
      })
      // Two instances may see a new user's first message at once.
      .onConflict((oc) => oc.columns(['platform', 'team_id', 'platform_user_id']).doNothing())
      .execute();
    row = await identityQuery(db, who).executeTakeFirstOrThrow();
  }
  const patch: Partial<UserRow> = {};
  if (hints.chatId && hints.chatId !== row.chat_id) patch.chat_id = hints.chatId;
  if (hints.locale && hints.locale !== row.platform_language) patch.platform_language = hints.locale;
  if (hints.timeZone && hints.timeZone !== row.platform_time_zone) patch.platform_time_zone = hints.timeZone;
  if (row.inactive === 1) patch.inactive = 0;
  if (Object.keys(patch).length > 0 || created) {
    const changed = { ...row, ...patch };
    // A new user, a new zone from the platform, or a user back from blocking: plan the next nudge anew.
    if (created || patch.inactive === 0 || (patch.platform_time_zone !== undefined && row.time_zone === null)) {
      patch.next_nudge_at = await nextNudgeFor(db, toUser(changed), now);
    }
    await db.updateTable('users').set(patch).where('id', '=', row.id).execute();
    row = { ...row, ...patch };
  }
  return toUser(row);
}

/**
 * When this user's next nudge is due, from their settings at `now` — never a
 * second one for a local date that already had its nudge.
 */
async function nextNudgeFor(db: Kysely<DB> | Transaction<DB>, user: User, now: Date): Promise<string | null> {
  const today = localDateOf(now, user.timeZone);
  const nudged = await db.selectFrom('nudges').select('id').where('user_id', '=', user.id).where('local_date', '=', today).executeTakeFirst();
  const workdays = await workingDaysOf(user);
  return nextNudgeAt({ ...workdays, time: user.nudgeTime, timeZone: user.timeZone, pausedUntil: user.pausedUntil, pausedFrom: user.pausedFrom }, now, nudged !== undefined);
}

/** Plans the user's next nudge again after their schedule changed (settings, pause, undo). */
export async function reschedule(db: Kysely<DB> | Transaction<DB>, userId: number, now: Date): Promise<void> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) return;
  const next = await nextNudgeFor(db, toUser(row), now);
  if (next !== row.next_nudge_at) await db.updateTable('users').set({ next_nudge_at: next }).where('id', '=', userId).execute();
}

export type UserSettingsPatch = Partial<
  Pick<UserRow, 'language' | 'time_zone' | 'nudge_time' | 'nudge_days' | 'nudge_count' | 'cadence_a' | 'cadence_b' | 'paused_until' | 'paused_from' | 'last_review_on' | 'holidays'>
>;

/** Changes settings inside a change, so /undo can restore them. */
export async function updateUserSettings(change: Change, patch: UserSettingsPatch): Promise<void> {
  const { tx, userId } = change;
  const row = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  change.undo.push({ op: 'update', table: 'users', id: userId, before: beforeImage(row, patch) });
  await tx.updateTable('users').set(patch).where('id', '=', userId).execute();
  // The language and the holiday region decide which days are working days, so they move the next nudge too.
  const schedule: (keyof UserSettingsPatch)[] = ['nudge_time', 'nudge_days', 'time_zone', 'paused_until', 'paused_from', 'holidays', 'language'];
  if (schedule.some((key) => patch[key] !== undefined)) await reschedule(tx, userId, new Date(change.nowIso));
  if (patch.cadence_a !== undefined || patch.cadence_b !== undefined) {
    change.cadences = { A: patch.cadence_a ?? change.cadences.A, B: patch.cadence_b ?? change.cadences.B };
    await refreshDueDates(change);
  }
}

export async function markInactive(db: Kysely<DB>, userId: number): Promise<void> {
  await db.updateTable('users').set({ inactive: 1 }).where('id', '=', userId).execute();
}

