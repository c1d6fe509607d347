/**
 * Issue 2's benchmark: latency of commands through the conversation layer on a
 * database of 1,000 users x 150 contacts x 20 touches, against the floor of the
 * same reads and writes with raw better-sqlite3 prepared statements plus one
 * chrono parse, measured in the same run.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import * as chrono from 'chrono-node';
import { createConversation } from '../src/bot/conversation.ts';
import { warmUpParser } from '../src/commands/parse.ts';
import { nextDueOn } from '../src/core/cadence.ts';
import { addDays } from '../src/core/dates.ts';
import { nameKey } from '../src/core/names.ts';
import type { Tier } from '../src/core/types.ts';
import { openSqlite } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { schemaTag, heading, measure, ms, ratio, table, type Latency } from './lib.ts';

const USERS = 1000;
const CONTACTS = 150;
const TOUCHES = 20;
const SAMPLES = 2000;
const FILE = `bench/out/commands-${USERS}x${CONTACTS}x${TOUCHES}-${schemaTag()}.db`;
/** Each run works on a fresh copy: the commands write, and the next run must measure the same data. */
const WORK = 'bench/out/commands-work.db';
const NOW = new Date('2026-11-23T09:00:00Z');
/** Update ids unique to this run, so no run's updates look like redeliveries of another's. */
const RUN = `r${Date.now().toString(36)}`;
const TODAY = '2026-11-23';

const FIRST = ['Anna', 'Bob', 'Carla', 'Jürgen', 'Lena', 'Tom', 'Sophie', 'Jan', 'Ingrid', 'May', 'Omar', 'Priya', 'Ruth', 'Stefan', 'Yuki', 'Zoe', 'Emil', 'Greta', 'Hugo', 'Ida', 'Karl', 'Lea', 'Marta', 'Nils', 'Olga'];
const LAST = ['Schmidt', 'Meyer', 'Rossi', 'Müller', 'Vogel', 'Berg', 'Martin', 'de Vries', 'Larsen', 'Chen', 'Haddad', 'Patel', 'Klein', 'Wolf', 'Sato', 'Park', 'Weber', 'Fischer', 'Becker', 'Hoffmann'];
const TIERS: Tier[] = ['A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'D'];
const KINDS = ['call', 'meeting', 'message', 'email', 'other'];

/** A deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function contactName(user: number, index: number): string {
  const combo = (index * 7 + user * 13) % (FIRST.length * LAST.length);
  return `${FIRST[combo % FIRST.length]} ${LAST[Math.floor(combo / FIRST.length)]}`;
}

async function build(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync('bench/out', { recursive: true });
  const started = Date.now();
  const database = openSqlite(`${FILE}.tmp`);
  await migrateToLatest(database.db);
  await database.close();
  const sqlite = new SQLite(`${FILE}.tmp`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const rnd = random(42);
  const insertUser = sqlite.prepare(
    `insert into users (platform, team_id, platform_user_id, chat_id, platform_time_zone, created_on, created_at) values ('console', '', ?, ?, 'Europe/Berlin', '2024-01-01', '2024-01-01T00:00:00.000Z')`,
  );
  const insertContact = sqlite.prepare(
    `insert into contacts (user_id, name, name_key, tier, source, place, tags, last_touch_on, due_on, created_on, created_at)
     values (?, ?, ?, ?, 'add', ?, '[]', ?, ?, '2024-01-01', '2024-01-01T00:00:00.000Z')`,
  );
  const insertTouch = sqlite.prepare(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at) values (?, ?, ?, ?, null, '2024-01-01T00:00:00.000Z')`);
  const insertNote = sqlite.prepare(`insert into notes (user_id, contact_id, text, created_at) values (?, ?, ?, '2024-01-01T00:00:00.000Z')`);
  sqlite.transaction(() => {
    for (let u = 0; u < USERS; u++) {
      const userId = Number(insertUser.run(`u${u}`, `chat-u${u}`).lastInsertRowid);
      for (let c = 0; c < CONTACTS; c++) {
        const tier = TIERS[Math.floor(rnd() * TIERS.length)]!;
        const dates: string[] = [];
        for (let t = 0; t < TOUCHES; t++) dates.push(addDays(TODAY, -1 - Math.floor(rnd() * 730)));
        const last = dates.reduce((a, b) => (a > b ? a : b));
        const name = contactName(u, c);
        const due = nextDueOn({ tier, cadenceDays: null, lastTouchOn: last, metOn: null, createdOn: '2024-01-01' }, { A: 60, B: 180 });
        const contactId = Number(insertContact.run(userId, name, nameKey(name), tier, rnd() < 0.5 ? 'Verbandstagung' : null, last, due).lastInsertRowid);
        for (const date of dates) insertTouch.run(userId, contactId, date, KINDS[Math.floor(rnd() * KINDS.length)]);
        insertNote.run(userId, contactId, `talked about project ${c}`);
      }
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  rmSync(FILE, { force: true });
  (await import('node:fs')).renameSync(`${FILE}.tmp`, FILE);
  for (const suffix of ['-wal', '-shm']) rmSync(`${FILE}.tmp${suffix}`, { force: true });
  console.log(`built ${FILE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The same reads and writes as the conversation layer, as raw prepared statements. */
function floorStatements(sqlite: SQLite.Database) {
  const s = {
    seen: sqlite.prepare(`insert into inbound_events (platform, event_id, received_at) values ('floor', ?, ?) on conflict do nothing`),
    user: sqlite.prepare(`select * from users where platform = 'console' and team_id = '' and platform_user_id = ?`),
    names: sqlite.prepare(`select id, name, status from contacts where user_id = ?`),
    contact: sqlite.prepare(`select * from contacts where user_id = ? and id = ?`),
    insertContact: sqlite.prepare(
      `insert into contacts (user_id, name, name_key, tier, source, place, tags, last_touch_on, due_on, followup_stage, followup_due, created_on, created_at) values (?, ?, ?, 'B', 'met', null, '[]', ?, ?, 'first', ?, ?, ?) returning id`,
    ),
    insertTouch: sqlite.prepare(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at) values (?, ?, ?, ?, null, ?) returning id`),
    updateContact: sqlite.prepare(`update contacts set last_touch_on = ?, due_on = ? where user_id = ? and id = ?`),
    dueReminders: sqlite.prepare(`select id from reminders where user_id = ? and contact_id = ? and done_at is null and due <= ?`),
    undo: sqlite.prepare(`insert into undo_log (user_id, label, ops, created_at) values (?, ?, ?, ?)`),
    undoKeep: sqlite.prepare(`select id from undo_log where user_id = ? order by id desc limit 1 offset 20`),
    close: sqlite.prepare(`select count(*) as n from contacts where user_id = ? and status = 'active' and tier in ('A', 'B')`),
    pending: sqlite.prepare(`select * from pending where user_id = ? and expires_at > ?`),
    dueContacts: sqlite.prepare(
      `select id, user_id, name, tier, cadence_days, status, source, place, snoozed_until, met_on, created_on, last_touch_on, followup_stage, followup_due, reviewed_on
       from contacts where user_id = ? and status = 'active' and due_on <= ?`,
    ),
    followUps: sqlite.prepare(`select id from contacts where user_id = ? and status = 'active' and followup_due <= ?`),
    reminders: sqlite.prepare(`select id, contact_id, due, text from reminders where user_id = ? and done_at is null and due <= ?`),
    recent: sqlite.prepare(`select contact_id, reason, state from nudge_entries where user_id = ? and contact_id in (?, ?, ?) order by contact_id, id desc`),
    picks: sqlite.prepare(
      `select contact_id from nudge_entries where reason = 'overdue' and nudge_id in (select max(id) from nudges where user_id = ? and local_date < ? group by user_id)`,
    ),
    notes: sqlite.prepare(`select contact_id, text from notes where user_id = ? and contact_id in (?, ?) order by id desc`),
    shown: sqlite.prepare(`insert into nudges (user_id, local_date, status, model, message_id, created_at) values (?, null, 'shown', '{}', null, ?) returning id`),
    entry: sqlite.prepare(`insert into nudge_entries (nudge_id, user_id, contact_id, reason, state) values (?, ?, ?, 'overdue', 'open')`),
  };
  const begin = sqlite.prepare('begin immediate');
  const commit = sqlite.prepare('commit');
  let event = 0;
  const nowIso = NOW.toISOString();
  const common = (user: string, text: string) => {
    s.seen.run(`${RUN}-f${++event}`, nowIso);
    chrono.en.parse(text, { instant: NOW, timezone: 60 });
    return s.user.get(user) as { id: number };
  };
  const touch = (user: string, text: string, name: string) => {
    const { id } = common(user, text);
    const names = s.names.all(id) as { id: number; name: string }[];
    const target = names.find((n) => n.name === name)!;
    s.contact.get(id, target.id);
    begin.run();
    s.insertTouch.get(id, target.id, TODAY, 'call', nowIso);
    s.contact.get(id, target.id);
    s.updateContact.run(TODAY, '2027-01-22', id, target.id);
    s.dueReminders.all(id, target.id, TODAY);
    s.undo.run(id, '{"key":"touch"}', '[]', nowIso);
    s.undoKeep.get(id);
    commit.run();
  };
  return {
    met(user: string, text: string, name: string) {
      const { id } = common(user, text);
      s.names.all(id);
      begin.run();
      const contact = s.insertContact.get(id, name, nameKey(name), TODAY, '2027-01-22', '2026-11-24', TODAY, nowIso) as { id: number };
      s.insertTouch.get(id, contact.id, TODAY, 'met', nowIso);
      s.undo.run(id, '{"key":"met"}', '[]', nowIso);
      s.undoKeep.get(id);
      commit.run();
      s.close.get(id);
    },
    touch,
    today(user: string, text: string) {
      const { id } = common(user, text);
      s.pending.get(id, nowIso);
      const rows = s.dueContacts.all(id, TODAY) as { id: number }[];
      s.followUps.all(id, TODAY);
      s.reminders.all(id, TODAY);
      const [a = 0, b = 0, c = 0] = rows.map((r) => r.id);
      s.recent.all(id, a, b, c);
      s.picks.all(id, TODAY);
      s.notes.all(id, a, b);
      const { id: nudge } = s.shown.get(id, nowIso) as { id: number };
      for (const pick of rows.slice(0, 2)) s.entry.run(nudge, id, pick.id);
    },
  };
}

export async function benchCommands(): Promise<void> {
  heading(`commands through the conversation layer — ${USERS} users x ${CONTACTS} contacts x ${TOUCHES} touches (SQLite file)`);
  await build();
  warmUpParser();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${WORK}${suffix}`, { force: true });
  copyFileSync(FILE, WORK);
  const database = openSqlite(WORK);
  // A data file built by an older keepwarm gets the newer tables too.
  await migrateToLatest(database.db);
  let failures = 0;
  const bot = createConversation({
    db: database.db,
    log: { error: (fields) => (failures++ === 0 ? console.error('the bot failed:', fields) : undefined), warn: () => undefined },
  });
  const floorDb = new SQLite(WORK);
  floorDb.pragma('journal_mode = WAL');
  // The floor commits exactly as keepwarm does (its default durability).
  floorDb.pragma('synchronous = NORMAL');
  floorDb.pragma('foreign_keys = ON');
  const floor = floorStatements(floorDb);

  const rnd = random(7);
  const pick = () => Math.floor(rnd() * USERS);
  let event = 0;
  const ask = (user: number, text: string) =>
    bot.handle({ from: { platform: 'console', teamId: '', userId: `u${user}` }, chatId: `chat-u${user}`, text, eventId: `${RUN}-b${++event}`, timeZone: 'Europe/Berlin' }, NOW);

  const cases: { label: string; ours: Latency; floor: Latency }[] = [];
  const run = async (label: string, make: (i: number) => { user: number; text: string; name: string }, floorFn: (user: string, text: string, name: string) => void) => {
    const inputs = Array.from({ length: SAMPLES + 200 }, (_, i) => make(i));
    const ours = await measure(SAMPLES, (i) => {
      const input = inputs[i < 0 ? -i - 1 : i + 200]!;
      return ask(input.user, input.text);
    });
    const floorInputs = Array.from({ length: SAMPLES + 200 }, (_, i) => make(i + 100_000));
    const floorLatency = await measure(SAMPLES, (i) => {
      const input = floorInputs[i < 0 ? -i - 1 : i + 200]!;
      floorFn(`u${input.user}`, input.text, input.name);
    });
    cases.push({ label, ours, floor: floorLatency });
  };

  await run('/met NAME at PLACE', (i) => ({ user: pick(), text: `/met Quentin${i} Zyx at Bench Summit`, name: `Quentin${i} Zyx` }), floor.met);
  await run('done NAME', () => {
    const user = pick();
    const name = contactName(user, Math.floor(rnd() * CONTACTS));
    return { user, text: `done ${name}`, name };
  }, floor.touch);
  await run('called NAME yesterday', (i) => {
    const user = pick();
    const name = contactName(user, (i * 11) % CONTACTS);
    return { user, text: `called ${name} yesterday`, name };
  }, floor.touch);
  await run('/today', () => ({ user: pick(), text: '/today', name: '' }), (u, t) => floor.today(u, t));

  console.log(
    table([
      ['command', 'p50', 'p99', 'floor p50', 'floor p99', 'p50 ratio', 'p99 ratio'],
      ...cases.map((c) => [c.label, ms(c.ours.p50), ms(c.ours.p99), ms(c.floor.p50), ms(c.floor.p99), ratio(c.ours.p50, c.floor.p50), ratio(c.ours.p99, c.floor.p99)]),
    ]),
  );
  console.log(`aim: p99 under 2 ms per command and within 3x of the floor (${SAMPLES} samples each)`);
  if (failures > 0) throw new Error(`${failures} commands failed inside the bot: the figures above are not valid`);
  floorDb.close();
  await database.close();
}
