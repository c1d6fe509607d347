/**
 * The sync planner: what a source shows now, against what it showed before,
 * becomes touches to add, move or remove. Pure: data in, a plan out.
 *
 * An item is one event occurrence (UID + recurrence id) or one Message-ID,
 * with one contact: a meeting with two contacts is two items, two touches.
 * Each item logs at most one touch, ever:
 * - seen for the first time and over → logged, with a touch on its date;
 *   not over yet → upcoming (for "today's meetings"), no touch yet;
 * - seen again on another date → its touch moves; over by now → its touch is added;
 * - gone from a complete read (a calendar, within the window it covers) →
 *   removed, and its touch with it;
 * - a touch the user took back (/undo) stays taken back: a logged item
 *   without a touch is never given one again.
 * An item another connected source logged belongs to that source (the same
 * invitation in two calendars logs once); one whose source was disconnected
 * is taken over.
 */
import type { LocalDate } from '../core/types.ts';

export type ItemKind = 'meeting' | 'email';
export type ItemState = 'upcoming' | 'logged' | 'removed';

/** What a source shows now, for one contact. */
export interface Observation {
  key: string;
  contactId: number;
  kind: ItemKind;
  /** The local date in the user's zone. */
  on: LocalDate;
  startsAt: string | null;
  allDay: boolean;
  /** Over by now: only then is it a touch. */
  ended: boolean;
}

/** What was recorded before. */
export interface KnownItem {
  id: number;
  sourceId: number | null;
  key: string;
  contactId: number;
  on: LocalDate;
  startsAt: string | null;
  state: ItemState;
  /** A touch points at it (false after the user's /undo took it back). */
  hasTouch: boolean;
}

export type TouchStep = 'add' | 'move' | 'remove' | 'keep';

export interface SyncPlan {
  insert: { observation: Observation; state: ItemState; touch: boolean }[];
  update: { item: KnownItem; observation: Observation; state: ItemState; touch: TouchStep }[];
  remove: KnownItem[];
}

export interface PlanInput {
  sourceId: number;
  observations: readonly Observation[];
  /** Every known item with an observed key (of any source), and this source's items in the window. */
  known: readonly KnownItem[];
  /** A complete read of everything dated from this day on: what is missing there is gone. Null for mail (read incrementally). */
  completeFrom: LocalDate | null;
}

const identity = (key: string, contactId: number) => `${key}\u0000${contactId}`;

export function planSync(input: PlanInput): SyncPlan {
  const plan: SyncPlan = { insert: [], update: [], remove: [] };
  const known = new Map(input.known.map((k) => [identity(k.key, k.contactId), k]));
  const seen = new Set<string>();
  for (const o of input.observations) {
    const id = identity(o.key, o.contactId);
    // The same item twice in one read (an event in two calendars of one account): once.
    if (seen.has(id)) continue;
    seen.add(id);
    const k = known.get(id);
    const state: ItemState = o.ended ? 'logged' : 'upcoming';
    if (!k) {
      plan.insert.push({ observation: o, state, touch: o.ended });
      continue;
    }
    if (k.sourceId !== null && k.sourceId !== input.sourceId) continue;
    const touch = touchStep(k, o, state);
    const unchanged = touch === 'keep' && k.state === state && k.on === o.on && k.startsAt === o.startsAt && k.sourceId === input.sourceId;
    if (!unchanged) plan.update.push({ item: k, observation: o, state, touch });
  }
  if (input.completeFrom !== null) {
    for (const k of input.known) {
      if (k.sourceId !== input.sourceId || k.state === 'removed' || k.on < input.completeFrom) continue;
      if (!seen.has(identity(k.key, k.contactId))) plan.remove.push(k);
    }
  }
  return plan;
}

function touchStep(k: KnownItem, o: Observation, state: ItemState): TouchStep {
  if (state === 'upcoming') return k.hasTouch ? 'remove' : 'keep';
  if (k.hasTouch) return k.on === o.on ? 'keep' : 'move';
  // Logged before and no touch: the user took it back. Upcoming or removed before: over now.
  return k.state === 'logged' ? 'keep' : 'add';
}

/** How many touches a plan adds, moves and removes. */
export function planCounts(plan: SyncPlan): { added: number; moved: number; removed: number } {
  let added = plan.insert.filter((i) => i.touch).length;
  let moved = 0;
  let removed = plan.remove.filter((k) => k.hasTouch).length;
  for (const u of plan.update) {
    if (u.touch === 'add') added++;
    else if (u.touch === 'move') moved++;
    else if (u.touch === 'remove') removed++;
  }
  return { added, moved, removed };
}
