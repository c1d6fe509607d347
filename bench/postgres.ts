/**
 * Issue 8's benchmarks, on PostgreSQL (a throwaway server with durable
 * settings, or BENCH_DATABASE_URL): the command workload against raw `pg`,
 * planning 100,000 nudges due in one minute against one indexed query, and
 * webhook requests per second through 1, 2 and 3 instances.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import * as chrono from 'chrono-node';
import { createConversation } from '../src/bot/conversation.ts';
import { warmUpParser } from '../src/commands/parse.ts';
import { nameKey } from '../src/core/names.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { planDueNudges } from '../src/scheduler/plan.ts';
import { FakeTelegram, tgUser } from '../test/doubles/fake-telegram.ts';
import { contactName } from './commands.ts';
import { heading, measure, ms, ratio, table, type Latency } from './lib.ts';
import { freePort } from '../test/doubles/net.ts';

const PORT = 55450;
const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = '2026-11-23';
const RUN = `r${Date.now().toString(36)}`;

async function newSchema(base: string): Promise<string> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** The command workload: 1,000 users x 150 contacts x 20 touches, built in the server. */
async function populateCommands(url: string): Promise<void> {
  const database = await openDatabase(url);
  await migrateToLatest(database.db);
  await database.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`insert into users (platform, team_id, platform_user_id, chat_id, platform_time_zone, created_on, created_at)
    select 'console', '', 'u' || g, 'chat-u' || g, 'Europe/Berlin', '2024-01-01', '2024-01-01T00:00:00.000Z' from generate_series(0, 999) g`);
  const users = (await client.query<{ id: number; platform_user_id: string }>('select id, platform_user_id from users')).rows;
  const ids: number[] = [];
  const names: string[] = [];
  const keys: string[] = [];
  const tiers: string[] = [];
  for (const user of users) {
    const u = Number(user.platform_user_id.slice(1));
    for (let c = 0; c < 150; c++) {
      const name = contactName(u, c);
      ids.push(user.id);
      names.push(name);
      keys.push(nameKey(name));
      tiers.push('AABBBBCCCD'[(c * 7 + u) % 10]!);
    }
  }
  await client.query(
    `insert into contacts (user_id, name, name_key, tier, source, tags, created_on, created_at)
     select * , 'add', '[]', '2024-01-01', '2024-01-01T00:00:00.000Z' from unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
    [ids, names, keys, tiers],
  );
  await client.query(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at)
    select c.user_id, c.id, to_char(date '2026-11-22' - ((c.id * 13 + g * 37) % 730), 'YYYY-MM-DD'),
           (array['call','meeting','message','email','other'])[1 + (c.id + g) % 5], null, '2024-01-01T00:00:00.000Z'
    from contacts c cross join generate_series(1, 20) g`);
  await client.query(`update contacts c set last_touch_on = t.last from (select contact_id, max(touched_on) as last from touches group by contact_id) t where t.contact_id = c.id`);
  await client.query(`update contacts set due_on = to_char(last_touch_on::date + case tier when 'A' then 60 else 180 end, 'YYYY-MM-DD') where tier in ('A', 'B')`);
  await client.query('insert into notes (user_id, contact_id, text, created_at) select user_id, id, \'talked about the project\', \'2024-01-01T00:00:00.000Z\' from contacts');
  await client.query('analyze');
  await client.end();
}

/** The same reads and writes as the conversation layer, with raw `pg`, plus one chrono parse. */
function pgFloor(client: pg.Client) {
  const nowIso = NOW.toISOString();
  let event = 0;
  const common = async (user: string, text: string) => {
    await client.query(`insert into inbound_events (platform, event_id, received_at) values ('floor', $1, $2) on conflict do nothing`, [`${RUN}-f${++event}`, nowIso]);
    chrono.en.parse(text, { instant: NOW, timezone: 60 });
    const { rows } = await client.query<{ id: number }>(`select * from users where platform = 'console' and team_id = '' and platform_user_id = $1`, [user]);
    return rows[0]!.id;
  };
  return {
    async met(user: string, text: string, name: string) {
      const id = await common(user, text);
      await client.query('select * from pending where user_id = $1 and expires_at > $2', [id, nowIso]);
      await client.query('select id, name, status from contacts where user_id = $1', [id]);
      await client.query('begin');
      const { rows } = await client.query<{ id: number }>(
        `insert into contacts (user_id, name, name_key, tier, source, tags, last_touch_on, due_on, followup_stage, followup_due, met_on, created_on, created_at)
         values ($1, $2, $3, 'B', 'met', '[]', $4, '2027-05-22', 'first', '2026-11-24', $4, $4, $5) returning id`,
        [id, name, nameKey(name), TODAY, nowIso],
      );
      await client.query(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at) values ($1, $2, $3, 'met', null, $4) returning id`, [id, rows[0]!.id, TODAY, nowIso]);
      await client.query(`insert into undo_log (user_id, label, ops, created_at) values ($1, '{"key":"met"}', '[]', $2)`, [id, nowIso]);
      await client.query('select id from undo_log where user_id = $1 order by id desc limit 1 offset 20', [id]);
      await client.query('commit');
      await client.query(`select count(*) as n from contacts where user_id = $1 and status = 'active' and tier in ('A', 'B')`, [id]);
    },
    async touch(user: string, text: string, name: string) {
      const id = await common(user, text);
      await client.query('select * from pending where user_id = $1 and expires_at > $2', [id, nowIso]);
      const names = (await client.query<{ id: number; name: string }>('select id, name, status from contacts where user_id = $1', [id])).rows;
      const target = names.find((n) => n.name === name)!;
      await client.query('select * from contacts where user_id = $1 and id = $2', [id, target.id]);
      await client.query('begin');
      await client.query(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at) values ($1, $2, $3, 'call', null, $4) returning id`, [id, target.id, TODAY, nowIso]);
      await client.query('select * from contacts where user_id = $1 and id = $2', [id, target.id]);
      await client.query(`update contacts set last_touch_on = $1, due_on = '2027-01-22' where user_id = $2 and id = $3`, [TODAY, id, target.id]);
      await client.query('select id from reminders where user_id = $1 and contact_id = $2 and done_at is null and due <= $3', [id, target.id, TODAY]);
      await client.query(`insert into undo_log (user_id, label, ops, created_at) values ($1, '{"key":"touch"}', '[]', $2)`, [id, nowIso]);
      await client.query('select id from undo_log where user_id = $1 order by id desc limit 1 offset 20', [id]);
      await client.query('commit');
    },
    async today(user: string, text: string) {
      const id = await common(user, text);
      await client.query('select * from pending where user_id = $1 and expires_at > $2', [id, nowIso]);
      const rows = (await client.query<{ id: number }>(
        `select id, user_id, name, tier, cadence_days, status, source, place, snoozed_until, met_on, created_on, last_touch_on, followup_stage, followup_due, reviewed_on
         from contacts where user_id = $1 and status = 'active' and due_on <= $2`, [id, TODAY])).rows;
      await client.query(`select id from contacts where user_id = $1 and status = 'active' and followup_due <= $2`, [id, TODAY]);
      await client.query('select id, contact_id, due, text from reminders where user_id = $1 and done_at is null and due <= $2', [id, TODAY]);
      const picks = rows.slice(0, 2).map((r) => r.id);
      await client.query('select contact_id, reason, state from nudge_entries where user_id = $1 and contact_id = any($2) order by contact_id, id desc', [id, rows.map((r) => r.id)]);
      await client.query(`select contact_id from nudge_entries where reason = 'overdue' and nudge_id in (select max(id) from nudges where user_id = $1 and local_date < $2 group by user_id)`, [id, TODAY]);
      await client.query('select contact_id, text from notes where user_id = $1 and contact_id = any($2) order by id desc', [id, picks]);
      const nudge = (await client.query<{ id: number }>(`insert into nudges (user_id, local_date, status, model, message_id, created_at) values ($1, null, 'shown', '{}', null, $2) returning id`, [id, nowIso])).rows[0]!.id;
      for (const pick of picks) await client.query(`insert into nudge_entries (nudge_id, user_id, contact_id, reason, state) values ($1, $2, $3, 'overdue', 'open')`, [nudge, id, pick]);
    },
  };
}

async function benchCommandsOnPostgres(base: string): Promise<void> {
  heading('commands through the conversation layer on PostgreSQL — 1,000 users x 150 contacts x 20 touches');
  const url = await newSchema(base);
  const built = performance.now();
  await populateCommands(url);
  console.log(`built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  warmUpParser();
  const database = await openDatabase(url, { poolSize: 4 });
  let failures = 0;
  const bot = createConversation({ db: database.db, log: { error: (f) => (failures++ === 0 ? console.error('the bot failed:', f) : undefined), warn: () => undefined } });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const floor = pgFloor(client);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = () => Math.floor(rnd() * 1000);
  let event = 0;
  const ask = (user: number, text: string) =>
    bot.handle({ from: { platform: 'console', teamId: '', userId: `u${user}` }, chatId: `chat-u${user}`, text, eventId: `${RUN}-b${++event}`, timeZone: 'Europe/Berlin' }, NOW);
  const SAMPLES = 1000;
  const rows: string[][] = [['command', 'p50', 'p99', 'floor p50', 'floor p99', 'p50 ratio', 'p99 ratio']];
  const run = async (label: string, make: (i: number) => { user: number; text: string; name: string }, floorFn: (user: string, text: string, name: string) => Promise<void>) => {
    const inputs = Array.from({ length: SAMPLES + 100 }, (_, i) => make(i));
    const ours: Latency = await measure(SAMPLES, (i) => {
      const input = inputs[i < 0 ? -i - 1 : i + 100]!;
      return ask(input.user, input.text);
    }, 100);
    const floorInputs = Array.from({ length: SAMPLES + 100 }, (_, i) => make(i + 100_000));
    const base: Latency = await measure(SAMPLES, (i) => {
      const input = floorInputs[i < 0 ? -i - 1 : i + 100]!;
      return floorFn(`u${input.user}`, input.text, input.name);
    }, 100);
    rows.push([label, ms(ours.p50), ms(ours.p99), ms(base.p50), ms(base.p99), ratio(ours.p50, base.p50), ratio(ours.p99, base.p99)]);
  };
  await run('/met NAME at PLACE', (i) => ({ user: pick(), text: `/met Quentin${i} Zyx at Bench Summit`, name: `Quentin${i} Zyx` }), floor.met);
  await run('done NAME', () => {
    const user = pick();
    const name = contactName(user, Math.floor(rnd() * 150));
    return { user, text: `done ${name}`, name };
  }, floor.touch);
  await run('called NAME yesterday', (i) => {
    const user = pick();
    const name = contactName(user, (i * 11) % 150);
    return { user, text: `called ${name} yesterday`, name };
  }, floor.touch);
  await run('/today', () => ({ user: pick(), text: '/today', name: '' }), (u, t) => floor.today(u, t));
  console.log(table(rows));
  console.log('aim: command p99 under 5 ms on PostgreSQL');
  await client.end();
  await database.close();
  if (failures > 0) throw new Error(`${failures} commands failed inside the bot`);
}

async function benchPlanningOnPostgres(base: string): Promise<void> {
  const USERS = 100_000;
  const CONTACTS = 20;
  heading(`planning the nudges of ${USERS.toLocaleString('en')} users (x ${CONTACTS} contacts) due in one minute, on PostgreSQL`);
  const url = await newSchema(base);
  const database = await openDatabase(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const built = performance.now();
  const due = '2026-11-24T08:00:00.000Z';
  await client.query(`insert into users (platform, team_id, platform_user_id, chat_id, platform_time_zone, created_on, created_at, next_nudge_at)
    select 'telegram', '', 'u' || g, 'u' || g, 'Europe/Berlin', '2026-01-01', '2026-01-01T00:00:00.000Z', $1 from generate_series(1, ${USERS}) g`, [due]);
  await client.query(`insert into contacts (user_id, name, name_key, tier, source, tags, last_touch_on, due_on, created_on, created_at)
    select u.id, 'Contact ' || c || ' of ' || u.id, 'contact ' || c || ' of ' || u.id, t.tier, 'add', '[]', t.last, 
           case t.tier when 'A' then to_char(t.last::date + 60, 'YYYY-MM-DD') when 'B' then to_char(t.last::date + 180, 'YYYY-MM-DD') end,
           '2026-01-01', '2026-01-01T00:00:00.000Z'
    from users u cross join generate_series(0, ${CONTACTS - 1}) c
    cross join lateral (select (array['A','A','B','B','B','B','C','C','C','D'])[1 + (u.id * 7 + c * 3) % 10] as tier,
                               to_char(date '2026-11-23' - ((u.id * 13 + c * 29) % 200), 'YYYY-MM-DD') as last) t`);
  await client.query('analyze');
  console.log(`built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  const floorSql = `select c.id, c.user_id, c.name, c.tier, c.cadence_days, c.status, c.source, c.place, c.snoozed_until, c.met_on, c.created_on, c.last_touch_on, c.followup_stage, c.followup_due, c.reviewed_on
    from contacts c where c.user_id in (select id from users where next_nudge_at <= $1 and inactive = 0) and c.status = 'active' and (c.due_on <= $2 or c.followup_due <= $2)`;
  await client.query(floorSql, [due, '2026-11-24']);
  const floorStart = performance.now();
  const floorRows = (await client.query(floorSql, [due, '2026-11-24'])).rowCount;
  const floorMs = performance.now() - floorStart;
  const start = performance.now();
  const report = await planDueNudges(database.db, new Date('2026-11-24T08:00:30Z'), { catchUpMs: 6 * 3600_000, audience: [{ platform: 'telegram' }], parallel: 3 });
  const elapsed = performance.now() - start;
  const outbox = (await client.query<{ n: string }>('select count(*) as n from outbox')).rows[0]!.n;
  console.log(
    table([
      ['', 'time', 'rows'],
      ['keepwarm: claim + choose + write outbox', ms(elapsed), `${report.planned} nudges, ${outbox} outbox rows`],
      ['floor: one indexed query of the due rows', ms(floorMs), `${floorRows} contacts`],
      ['ratio', ratio(elapsed, floorMs), ''],
    ]),
  );
  console.log(`plan report: ${JSON.stringify(report)}`);
  console.log('aim: 100,000 users planned in under 10 s');
  if (report.failed > 0 || report.planned === 0) throw new Error('planning failed: the figures above are not valid');
  await client.end();
  await database.close();
}

async function benchInstancesOnPostgres(base: string): Promise<void> {
  const UPDATES = 3000;
  const IN_FLIGHT = 32;
  heading(`webhook updates per second through 1, 2 and 3 instances on one PostgreSQL — ${UPDATES} updates, ${IN_FLIGHT} in flight, round-robin`);
  const rows: string[][] = [['instances', 'updates/s', 'vs 1 instance', 'effects', 'duplicates', 'lost']];
  let single = 0;
  for (const count of [1, 2, 3]) {
    const url = await newSchema(base);
    const prepare = await openDatabase(url);
    await migrateToLatest(prepare.db);
    await prepare.close();
    const fake = await FakeTelegram.start();
    const instances: { child: ChildProcess; port: number }[] = [];
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: {
          ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: '8', LOG_LEVEL: 'error', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot,
          TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg', TELEGRAM_WEBHOOK_SECRET: 'bench-secret', TELEGRAM_WEBHOOK_PORT: String(port), TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      instances.push({ child, port });
    }
    for (const { port } of instances) {
      for (let tries = 0; ; tries++) {
        if (await fetch(`http://127.0.0.1:${port}/probe`).then(() => true, () => false)) break;
        if (tries > 300) throw new Error('an instance never listened');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const users = Array.from({ length: 200 }, (_, u) => tgUser(900_000 + u, `Bench${u}`, { language_code: 'en' }));
    const updates = Array.from({ length: UPDATES }, (_, k) => fake.push(fake.text(users[k % users.length]!, `/add Contact ${k}, tier B`)));
    const post = (k: number) =>
      fetch(`http://127.0.0.1:${instances[k % count]!.port}/tg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'bench-secret' },
        body: JSON.stringify(updates[k]),
      }).then((r) => r.arrayBuffer());
    // Warm up each instance, then the measured burst.
    for (let k = 0; k < count * 20; k++) await post(k);
    let next = count * 20;
    const started = performance.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < UPDATES) await post(next++);
    }));
    const perSecond = (UPDATES - count * 20) / ((performance.now() - started) / 1000);
    const check = await openDatabase(url);
    const names = await check.db.selectFrom('contacts').select('name').execute();
    await check.close();
    const distinct = new Set(names.map((n) => n.name)).size;
    if (count === 1) single = perSecond;
    rows.push([String(count), perSecond.toFixed(0), ratio(perSecond, single), String(names.length), String(names.length - distinct), String(UPDATES - distinct)]);
    for (const { child } of instances) child.kill('SIGTERM');
    await Promise.all(instances.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await fake.close();
  }
  console.log(table(rows));
  console.log('aim: 3 instances at least as fast as 1 on this 2-core machine, with zero duplicate effects');
}

export async function benchPostgres(): Promise<void> {
  let base = process.env.BENCH_DATABASE_URL;
  const own = base === undefined;
  if (own) base = execFileSync('scripts/pg-throwaway.sh', ['start', String(PORT)], { env: { ...process.env, KEEPWARM_PG_DURABLE: '1' }, encoding: 'utf8' }).trim();
  try {
    await benchCommandsOnPostgres(base!);
    await benchPlanningOnPostgres(base!);
    await benchInstancesOnPostgres(base!);
  } finally {
    if (own) execFileSync('scripts/pg-throwaway.sh', ['stop', String(PORT)]);
  }
}
