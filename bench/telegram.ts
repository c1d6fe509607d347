/**
 * Issue 4's benchmark: text updates per second through keepwarm on Telegram
 * (runner long polling, command -> conversation -> SQLite -> HTML reply)
 * against the floor of a bare grammY bot that only echoes, both on the same
 * fake Bot API on 127.0.0.1 in the same run. The ratio is the claim.
 *
 * Issue 16's part (suite `flood`): another user's /today while one user
 * floods keepwarm with 2,000 messages, against the same /today with nobody
 * flooding (the floor).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { run } from '@grammyjs/runner';
import SQLite from 'better-sqlite3';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { telegramConfig } from '../adapters/telegram/config.ts';
import { startTelegram } from '../adapters/telegram/start.ts';
import { createConversation } from '../src/bot/conversation.ts';
import { warmUpParser } from '../src/commands/parse.ts';
import { nameKey } from '../src/core/names.ts';
import { openSqlite } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { FakeTelegram, tgUser } from '../test/doubles/fake-telegram.ts';
import { schemaTag, heading, ratio, table } from './lib.ts';

const USERS = 200;
const CONTACTS = 50;
const UPDATES = 3000;
const WARMUP = 300;
const ROUNDS = 3;
const FILE = `bench/out/telegram-${USERS}x${CONTACTS}-${schemaTag()}.db`;
const RUN_FILE = 'bench/out/telegram-run.db';
const FIRST = ['Anna', 'Bob', 'Carla', 'Jürgen', 'Lena', 'Tom', 'Sophie', 'Jan', 'Ingrid', 'Omar'];
const LAST = ['Schmidt', 'Meyer', 'Rossi', 'Müller', 'Vogel', 'Berg', 'Martin', 'Larsen', 'Chen', 'Patel'];
const userId = (u: number) => 50_000 + u;
const contactName = (c: number) => `${FIRST[c % FIRST.length]} ${LAST[Math.floor(c / FIRST.length) % LAST.length]}`;

/** 200 Telegram users with 50 contacts and a few touches each. */
async function build(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync('bench/out', { recursive: true });
  const database = openSqlite(`${FILE}.tmp`);
  await migrateToLatest(database.db);
  await database.close();
  const sqlite = new SQLite(`${FILE}.tmp`);
  const insertUser = sqlite.prepare(
    `insert into users (platform, team_id, platform_user_id, chat_id, platform_time_zone, created_on, created_at) values ('telegram', '', ?, ?, 'Europe/Berlin', '2025-01-01', '2025-01-01T00:00:00.000Z')`,
  );
  const insertContact = sqlite.prepare(
    `insert into contacts (user_id, name, name_key, tier, source, tags, last_touch_on, due_on, created_on, created_at) values (?, ?, ?, ?, 'add', '[]', ?, ?, '2025-01-01', '2025-01-01T00:00:00.000Z')`,
  );
  const insertTouch = sqlite.prepare(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at) values (?, ?, ?, 'call', null, '2025-01-01T00:00:00.000Z')`);
  sqlite.transaction(() => {
    for (let u = 0; u < USERS; u++) {
      const id = Number(insertUser.run(String(userId(u)), String(userId(u))).lastInsertRowid);
      for (let c = 0; c < CONTACTS; c++) {
        const last = `2026-0${1 + (c % 9)}-1${c % 10}`;
        const contact = Number(insertContact.run(id, contactName(c), nameKey(contactName(c)), c % 3 === 0 ? 'A' : 'B', last, '2026-10-01').lastInsertRowid);
        for (let t = 0; t < 5; t++) insertTouch.run(id, contact, `2025-0${1 + t}-15`);
      }
    }
  })();
  sqlite.close();
  renameSync(`${FILE}.tmp`, FILE);
}

/** Sends `count` text updates from the users in turn and returns updates per second until every reply was sent. */
async function throughput(fake: FakeTelegram, count: number, text: (i: number) => string): Promise<number> {
  const target = fake.okCount('sendMessage') + count;
  const started = performance.now();
  for (let i = 0; i < count; i++) fake.push(fake.text(tgUser(userId(i % USERS), 'Bench', { language_code: 'en' }), text(i)));
  await fake.waitFor('sendMessage', target, 300_000);
  return count / ((performance.now() - started) / 1000);
}

async function bareEcho(fake: FakeTelegram) {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.me as UserFromGetMe });
  bot.on('message:text', (ctx) => ctx.reply(ctx.msg.text));
  const handle = run(bot, { runner: { fetch: { timeout: 1 }, silent: true } });
  return { stop: () => handle.stop() };
}

interface Variant {
  /** A conversation that only echoes: what the adapter itself costs. */
  stub?: boolean;
  /** SQLite durability (keepwarm's default is NORMAL; FULL syncs every commit to the disk). */
  synchronous?: 'full' | 'normal';
}

async function keepwarm(fake: FakeTelegram, variant: Variant) {
  rmSync(RUN_FILE, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${RUN_FILE}${suffix}`, { force: true });
  copyFileSync(FILE, RUN_FILE);
  const database = openSqlite(RUN_FILE, variant.synchronous ? { synchronous: variant.synchronous } : {});
  await migrateToLatest(database.db);
  const log = { info: () => undefined, warn: () => undefined, error: (fields: object, message: string) => console.error(message, fields) };
  const config = telegramConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }, { pollTimeoutSeconds: 1 })!;
  const real = createConversation({ db: database.db, log });
  const conversation = variant.stub ? { ...real, handle: async (incoming: { text?: string }) => [{ text: [[{ text: incoming.text ?? '' }]] }] } : real;
  const runtime = await startTelegram({ conversation, db: database.db, log, config });
  return {
    async stop() {
      await runtime.stop();
      await database.close();
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Measures one case: the bare echo bot, then keepwarm, each on a fresh fake
 * with the same updates; repeated, and the median of each taken.
 */
async function measureCase(text: (i: number) => string, variant: Variant): Promise<{ ours: number; floor: number }> {
  const floors: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const floorFake = await FakeTelegram.start();
    const bare = await bareEcho(floorFake);
    await throughput(floorFake, WARMUP, text);
    floors.push(await throughput(floorFake, UPDATES, text));
    await bare.stop();
    await floorFake.close();

    const fake = await FakeTelegram.start();
    const bot = await keepwarm(fake, variant);
    await throughput(fake, WARMUP, text);
    ours.push(await throughput(fake, UPDATES, text));
    await bot.stop();
    await fake.close();
  }
  return { ours: median(ours), floor: median(floors) };
}

const FLOOD = 2000;

/** Milliseconds until the reply to one /today of `user` reaches the fake. */
async function todayLatency(fake: FakeTelegram, user: number): Promise<number> {
  const chat = userId(user);
  const before = fake.botMessages(chat).length;
  const started = performance.now();
  fake.push(fake.text(tgUser(chat, 'Bench', { language_code: 'en' }), '/today'));
  while (fake.botMessages(chat).length === before) await new Promise((resolve) => setTimeout(resolve, 1));
  return performance.now() - started;
}

/** Another user's /today alone, and right after one user sent FLOOD messages at once (medians of ROUNDS). */
async function floodCase(): Promise<{ alone: number; flooded: number }> {
  const alone: number[] = [];
  const flooded: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const fake = await FakeTelegram.start();
    const bot = await keepwarm(fake, {});
    for (let i = 0; i < 5; i++) await todayLatency(fake, 1);
    alone.push(await todayLatency(fake, 1));
    const flooder = tgUser(userId(0), 'Flood', { language_code: 'en' });
    for (let i = 0; i < FLOOD; i++) fake.push(fake.text(flooder, `called ${contactName(i % CONTACTS)} yesterday`));
    flooded.push(await todayLatency(fake, 1));
    await bot.stop();
    await fake.close();
  }
  return { alone: median(alone), flooded: median(flooded) };
}

export async function benchTelegram(): Promise<void> {
  heading(`telegram: text updates per second through keepwarm vs a bare grammY echo bot — runner long polling, fake Bot API on 127.0.0.1, ${USERS} chats, SQLite file`);
  await build();
  warmUpParser();
  const called = (i: number) => `called ${contactName(i % CONTACTS)} yesterday`;
  const cases: [string, (i: number) => string, Variant][] = [
    ['/today', () => '/today', {}],
    ['called NAME yesterday', called, {}],
    ['called NAME yesterday, SQLITE_SYNCHRONOUS=full', called, { synchronous: 'full' }],
    ['adapter only (echo conversation)', (i) => `echo ${i}`, { stub: true }],
  ];
  const rows: string[][] = [['command', 'keepwarm updates/s', 'bare echo updates/s', 'ratio']];
  for (const [label, text, variant] of cases) {
    const { ours, floor } = await measureCase(text, variant);
    rows.push([label, ours.toFixed(0), floor.toFixed(0), ratio(ours, floor)]);
  }
  console.log(table(rows));
  console.log(`aim: ratio >= 0.5 of the bare bot (median of ${ROUNDS} rounds of ${UPDATES} updates after ${WARMUP} warm-up; replies counted at the fake)`);
}

/** `npm run bench -- flood`: one user's flood and another user's answer. */
export async function benchFlood(): Promise<void> {
  await build();
  warmUpParser();
  heading(`telegram: another user's /today while one user sends ${FLOOD.toLocaleString('en')} messages at once — runner long polling, fake Bot API on 127.0.0.1`);
  const { alone, flooded } = await floodCase();
  console.log(table([['/today of another user', 'alone (floor)', `during the flood`, 'ratio'], ['', `${alone.toFixed(1)} ms`, `${flooded.toFixed(1)} ms`, ratio(flooded, alone)]]));
  console.log(`aim: the flood costs the other user well under a second (median of ${ROUNDS} rounds)`);
}
