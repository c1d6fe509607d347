/**
 * How a case of the everyday corpus (test/fixtures/everyday.jsonl) is run:
 * a user with the case's contacts on a real database, the real conversation
 * with the case's clock, and what the message changed read back from the
 * store — touches, new contacts, changed fields, reminders, notes, snoozes,
 * the pause — so a case states the structured result, not the wording.
 */
import type { Kysely } from 'kysely';
import { isParseError } from '../../src/commands/command.ts';
import { parseCommand } from '../../src/commands/parse.ts';
import type { Language, Tier } from '../../src/core/types.ts';
import { localDateOf } from '../../src/core/dates.ts';
import { withChange } from '../../src/store/change.ts';
import { createContact } from '../../src/store/contacts.ts';
import { getPending } from '../../src/store/pending.ts';
import type { DB } from '../../src/store/schema.ts';
import { ensureUser } from '../../src/store/users.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { plainText } from '../../src/rich.ts';
import type { Reply } from '../../src/port.ts';
import { chatOn, memoryDatabase, type TestChat } from '../doubles/chat.ts';
import { FakeMessenger } from '../doubles/messenger.ts';
import type { Database } from '../../src/store/db.ts';

export interface ContactFixture {
  name: string;
  tier?: Tier;
  /** Last contact, `YYYY-MM-DD`. */
  last?: string;
  salutation?: string;
  email?: string;
  tags?: string[];
}

export type Step = { press: string } | { say: string } | { tick: string };

export interface Expect {
  intent?: string;
  refused?: string;
  asks?: 'which' | 'add' | 'near' | 'same' | 'open';
  touches?: { name: string; on?: string; kind?: string; note?: string | null; noteHas?: string; noteLacks?: string[] }[];
  created?: Record<string, unknown>[];
  changed?: Record<string, unknown>[];
  reminders?: { name: string; due?: string; noteHas?: string }[];
  notes?: { name: string; text?: string }[];
  snoozed?: { name: string; until: string }[];
  pause?: { from?: string | null; until?: string };
  reply?: string[];
  replyNot?: string[];
  file?: string[];
  undo?: boolean;
}

export interface Case {
  id: string;
  cat: string;
  lang: Language;
  now?: string;
  /** A database of its own (cases that run the scheduler). */
  fresh?: boolean;
  contacts?: (string | ContactFixture)[];
  given?: (string | { tick: string })[];
  say: string;
  then?: Step[];
  expect: Expect;
  /** A known gap: the case is expected to fail, for the reason given. */
  open?: string;
}

export const DEFAULT_NOW = '2026-11-24T09:00:00Z';
const ZONE = 'Europe/Berlin';

/** The user's data as the corpus compares it. */
export interface Snapshot {
  contacts: Map<number, Record<string, unknown>>;
  touches: Map<number, { contact: number; on: string; kind: string; note: string | null }>;
  notes: Map<number, { contact: number; text: string }>;
  reminders: Map<number, { contact: number; due: string; text: string | null }>;
  emails: Map<number, { contact: number; address: string }>;
  pause: { from: string | null; until: string | null };
}

const TRACKED = ['name', 'email', 'phone', 'company', 'role', 'birthday', 'address', 'salutation', 'academic_title', 'tier', 'status', 'reviewed_on', 'cadence_days', 'place', 'tags'] as const;
const FIELD_NAMES: Record<string, string> = { academic_title: 'title', reviewed_on: 'reviewedOn', cadence_days: 'cadenceDays' };

export async function snapshot(db: Kysely<DB>, userId: number): Promise<Snapshot> {
  const contacts = await db.selectFrom('contacts').selectAll().where('user_id', '=', userId).execute();
  const touches = await db.selectFrom('touches').selectAll().where('user_id', '=', userId).execute();
  const notes = await db.selectFrom('notes').selectAll().where('user_id', '=', userId).execute();
  const reminders = await db.selectFrom('reminders').selectAll().where('user_id', '=', userId).execute();
  const emails = await db.selectFrom('contact_emails').selectAll().where('user_id', '=', userId).execute();
  const user = (await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()) as Record<string, unknown>;
  return {
    contacts: new Map(contacts.map((c) => [c.id, { ...c } as Record<string, unknown>])),
    touches: new Map(touches.map((t) => [t.id, { contact: t.contact_id, on: t.touched_on, kind: t.kind, note: t.note }])),
    notes: new Map(notes.map((n) => [n.id, { contact: n.contact_id, text: n.text }])),
    reminders: new Map(reminders.map((r) => [r.id, { contact: r.contact_id, due: r.due, text: r.text }])),
    emails: new Map(emails.map((e) => [e.id, { contact: e.contact_id, address: e.address }])),
    pause: { from: (user['paused_from'] as string | null | undefined) ?? null, until: (user['paused_until'] as string | null) ?? null },
  };
}

/** What changed between two snapshots, in the corpus's terms. */
export interface Outcome {
  touches: { name: string; on: string; kind: string; note: string | null }[];
  created: Record<string, unknown>[];
  changed: Record<string, unknown>[];
  reminders: { name: string; due: string; text: string | null }[];
  notes: { name: string; text: string }[];
  snoozed: { name: string; until: string | null }[];
  pause?: { from: string | null; until: string | null };
}

function view(row: Record<string, unknown>, field: string): unknown {
  const value = row[field];
  if (field === 'address' && typeof value === 'string') return JSON.parse(value) as unknown;
  if (field === 'tags' && typeof value === 'string') return JSON.parse(value) as unknown;
  return value;
}

export function diff(before: Snapshot, after: Snapshot): Outcome {
  const nameOf = (id: number) => String(after.contacts.get(id)?.['name'] ?? before.contacts.get(id)?.['name'] ?? `#${id}`);
  const outcome: Outcome = { touches: [], created: [], changed: [], reminders: [], notes: [], snoozed: [] };
  for (const [id, t] of after.touches) if (!before.touches.has(id)) outcome.touches.push({ name: nameOf(t.contact), on: t.on, kind: t.kind, note: t.note });
  for (const [id, n] of after.notes) if (!before.notes.has(id)) outcome.notes.push({ name: nameOf(n.contact), text: n.text });
  for (const [id, r] of after.reminders) if (!before.reminders.has(id)) outcome.reminders.push({ name: nameOf(r.contact), due: r.due, text: r.text });
  const newEmails = new Map<number, string[]>();
  for (const [id, e] of after.emails) if (!before.emails.has(id)) newEmails.set(e.contact, [...(newEmails.get(e.contact) ?? []), e.address]);
  for (const [id, row] of after.contacts) {
    const old = before.contacts.get(id);
    if (!old) {
      outcome.created.push({
        name: row['name'], tier: row['tier'], place: row['place'], metOn: row['met_on'], salutation: row['salutation'],
        title: row['academic_title'], lastTouchOn: row['last_touch_on'], tags: view(row, 'tags'), status: row['status'],
      });
      continue;
    }
    const changed: Record<string, unknown> = {};
    for (const field of TRACKED) {
      if (JSON.stringify(old[field]) !== JSON.stringify(row[field])) changed[FIELD_NAMES[field] ?? field] = view(row, field);
    }
    const emails = newEmails.get(id);
    if (emails) changed['emails'] = emails;
    if (Object.keys(changed).length > 0) outcome.changed.push({ name: row['name'], ...changed });
    if (old['snoozed_until'] !== row['snoozed_until']) outcome.snoozed.push({ name: String(row['name']), until: row['snoozed_until'] as string | null });
  }
  if (before.pause.from !== after.pause.from || before.pause.until !== after.pause.until) outcome.pause = after.pause;
  return outcome;
}

/** A case's world: its database, its chat and, for fresh cases, a scheduler on the same clock. */
export interface CaseWorld {
  chat: TestChat;
  userId: number;
  database: Database;
  tick(iso: string): Promise<unknown>;
  close(): Promise<void>;
}

let shared: Database | undefined;

export async function caseWorld(c: Case): Promise<CaseWorld> {
  const database = c.fresh ? await memoryDatabase() : (shared ??= await memoryDatabase());
  const now = new Date(c.now ?? DEFAULT_NOW);
  const chat = await chatOn(database, { user: `everyday-${c.id}`, locale: c.lang, timeZone: ZONE, now });
  const user = await ensureUser(database.db, chat.who, { chatId: `chat-${chat.who.userId}`, locale: c.lang, timeZone: ZONE }, now);
  const today = localDateOf(now, ZONE);
  await withChange(database.db, user, now, null, async (change) => {
    for (const fixture of c.contacts ?? []) {
      const f: ContactFixture = typeof fixture === 'string' ? { name: fixture } : fixture;
      await createContact(change, {
        name: f.name,
        tier: f.tier ?? 'B',
        source: 'add',
        createdOn: f.last !== undefined && f.last < today ? f.last : today,
        lastTouchOn: f.last ?? null,
        salutation: f.salutation ?? null,
        email: f.email ?? null,
        tags: f.tags ?? [],
      });
    }
  });
  const messenger = new FakeMessenger('console');
  let clock = now;
  const scheduler = createScheduler({ db: database.db, messengers: [messenger], now: () => clock });
  return {
    chat,
    userId: user.id,
    database,
    async tick(iso) {
      clock = new Date(iso);
      chat.now = clock;
      await scheduler.tick();
      // What is said after a tick is said at its time: the answer to the nudge it sent.
    },
    close: async () => {
      if (c.fresh) await database.close();
    },
  };
}

/** The question left open after a message, in the corpus's words. */
export async function openQuestionKind(db: Kysely<DB>, userId: number, now: Date): Promise<string | undefined> {
  const pending = await getPending(db, userId, now);
  if (!pending) return undefined;
  return ({ choose: 'which', unknown: 'add', near: 'near', same: 'same' } as Record<string, string>)[pending.kind] ?? pending.kind;
}

export function parsedIntent(c: Case): { intent?: string; error?: string } {
  const result = parseCommand(c.say, { now: new Date(c.now ?? DEFAULT_NOW), timeZone: ZONE, language: c.lang });
  return isParseError(result) ? { error: result.error } : { intent: result.intent };
}

export function replyText(replies: Reply[]): string {
  return replies.map((r) => plainText(r.text) + '\n' + (r.buttons ?? []).flat().map((b) => `[${b.label}]`).join(' ')).join('\n');
}

export function replyFiles(replies: Reply[]): string[] {
  return replies.filter((r) => r.file).map((r) => r.file!.content.toString('utf8'));
}
