/**
 * Issue 3's benchmark: planning the nudges of 10,000 users (150 contacts each)
 * whose nudge time is the same minute — claims, entries and outbox rows all
 * written — against the floor of one indexed SQL query returning the same
 * due rows, measured in the same run on the same file.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { nextDueOn } from '../src/core/cadence.ts';
import { addDays } from '../src/core/dates.ts';
import type { Tier } from '../src/core/types.ts';
import { openSqlite } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { planDueNudges } from '../src/scheduler/plan.ts';
import { schemaTag, heading, ms, ratio, table } from './lib.ts';

const USERS = 10_000;
const CONTACTS = 150;
const FILE = `bench/out/nudges-${USERS}x${CONTACTS}-${schemaTag()}.db`;
const WORK = `bench/out/nudges-work.db`;
const DUE_AT = '2026-11-24T08:00:00.000Z'; // Tuesday 09:00 in Berlin
const TODAY = '2026-11-24';
const TIERS: Tier[] = ['A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'D'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function build(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync('bench/out', { recursive: true });
  const started = Date.now();
  const tmp = `${FILE}.tmp`;
  const database = openSqlite(tmp);
  await migrateToLatest(database.db);
  await database.close();
  const sqlite = new SQLite(tmp);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const rnd = random(3);
  const insertUser = sqlite.prepare(
    `insert into users (platform, team_id, platform_user_id, chat_id, platform_time_zone, created_on, created_at, next_nudge_at)
     values ('telegram', '', ?, ?, 'Europe/Berlin', '2026-01-01', '2026-01-01T00:00:00.000Z', ?)`,
  );
  const insertContact = sqlite.prepare(
    `insert into contacts (user_id, name, name_key, tier, source, place, tags, last_touch_on, due_on, followup_stage, followup_due, met_on, created_on, created_at)
     values (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01T00:00:00.000Z')`,
  );
  const insertNote = sqlite.prepare(`insert into notes (user_id, contact_id, text, created_at) values (?, ?, ?, '2026-01-01T00:00:00.000Z')`);
  sqlite.transaction(() => {
    for (let u = 0; u < USERS; u++) {
      const userId = Number(insertUser.run(`u${u}`, `u${u}`, DUE_AT).lastInsertRowid);
      for (let c = 0; c < CONTACTS; c++) {
        const tier = TIERS[Math.floor(rnd() * TIERS.length)]!;
        // A steady state: most contacts were touched within their cadence, a few are overdue.
        const last = addDays(TODAY, -1 - Math.floor(rnd() * (tier === 'A' ? 75 : 200)));
        const met = c < 3 && rnd() < 0.3;
        const due = nextDueOn({ tier, cadenceDays: null, lastTouchOn: last, metOn: null, createdOn: '2026-01-01' }, { A: 60, B: 180 });
        const name = `Contact ${c} of ${u}`;
        const id = Number(
          insertContact.run(userId, name, name.toLowerCase(), tier, met ? 'met' : 'add', met ? 'Verbandstagung' : null, last, due,
            met ? 'first' : null, met ? TODAY : null, met ? addDays(TODAY, -1) : null).lastInsertRowid,
        );
        if (c % 10 === 0) insertNote.run(userId, id, `hook ${c}`);
      }
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  renameSync(tmp, FILE);
  for (const suffix of ['-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
  console.log(`built ${FILE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Peak RSS while `work` runs, sampled every 5 ms. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; baseMb: number }> {
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  let peak = baseMb;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20);
    return { result, peakMb: peak, baseMb };
  } finally {
    clearInterval(timer);
  }
}

export async function benchNudges(): Promise<void> {
  heading(`planning the nudges of ${USERS.toLocaleString('en')} users x ${CONTACTS} contacts due in the same minute (SQLite file)`);
  await build();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${WORK}${suffix}`, { force: true });
  copyFileSync(FILE, WORK);

  // The floor: one indexed query returning the rows that can be on today's agenda.
  const floorDb = new SQLite(WORK, { readonly: true });
  const floorQuery = floorDb.prepare(
    `select c.* from contacts c where c.user_id in (select id from users where next_nudge_at <= ? and inactive = 0)
     and c.status = 'active' and (c.due_on <= ? or c.followup_due <= ?)`,
  );
  floorQuery.all(DUE_AT, TODAY, TODAY); // warm the page cache like the planner gets it
  const floorStart = performance.now();
  const floorRows = floorQuery.all(DUE_AT, TODAY, TODAY).length;
  const floorMs = performance.now() - floorStart;
  floorDb.close();

  const database = openSqlite(WORK);
  await migrateToLatest(database.db);
  const { result, peakMb, baseMb } = await withPeakMemory(async () => {
    const start = performance.now();
    const report = await planDueNudges(database.db, new Date('2026-11-24T08:00:30Z'), { catchUpMs: 6 * 3600_000, audience: [{ platform: 'telegram' }] });
    return { report, elapsed: performance.now() - start };
  });
  const outbox = await database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await database.close();

  console.log(
    table([
      ['', 'time', 'rows', 'peak RSS'],
      ['keepwarm: claim + choose + write outbox', ms(result.elapsed), `${result.report.planned} nudges, ${outbox.n} outbox rows`, `${peakMb.toFixed(0)} MB (+${(peakMb - baseMb).toFixed(0)} MB)`],
      ['floor: one indexed query of the due rows', ms(floorMs), `${floorRows} contacts`, ''],
      ['ratio', ratio(result.elapsed, floorMs), '', ''],
    ]),
  );
  console.log(`plan report: ${JSON.stringify(result.report)}`);
  console.log('aim: under 1 second on SQLite, within 3x of the floor');
  if (result.report.failed > 0 || result.report.planned === 0) throw new Error('planning failed: the figures above are not valid');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${WORK}${suffix}`, { force: true });
}
