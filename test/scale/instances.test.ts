/**
 * Several identical instances behind a load balancer, as real processes on one
 * database (PostgreSQL under `npm run test:pg`, one SQLite file otherwise),
 * Telegram webhook updates posted to them round-robin. Every effect happens
 * once; a question asked by one instance is answered on another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { FakeTelegram, tgUser, type Update } from '../doubles/fake-telegram.ts';
import { freePort } from '../doubles/net.ts';

const SECRET = 'instances-secret_1';
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-instances-'));
let fake: FakeTelegram;
let url: string;
let database: Database;
const instances: { child: ChildProcess; port: number; stderr: () => string }[] = [];

async function startInstance(): Promise<(typeof instances)[number]> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, port, stderr: () => stderr };
}

async function ready(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited ${child.exitCode}: ${stderr()}`);
    // An empty body with the right secret: the server answers once it listens.
    const answer = await fetch(`http://127.0.0.1:${port}/healthz-probe`).catch(() => undefined);
    if (answer) return;
    if (Date.now() > until) throw new Error(`instance on ${port} never listened: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function post(instance: number, update: Update): Promise<Response> {
  return fetch(`http://127.0.0.1:${instances[instance]!.port}/tg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
    body: JSON.stringify(update),
  });
}

const ada = tgUser(7001, 'Ada', { language_code: 'en' });
const replies = () => fake.ok('sendMessage').filter((m) => m.chat_id === ada.id);

beforeAll(async () => {
  fake = await FakeTelegram.start();
  url = await freshDatabaseUrl(dir, 'instances');
  // All three start at once on an empty database: the migrations must not trip over each other.
  for (let i = 0; i < 3; i++) instances.push(await startInstance());
  await Promise.all(instances.map((i) => ready(i.port, i.child, i.stderr)));
  database = await openDatabase(url);
}, 60_000);

afterAll(async () => {
  for (const { child } of instances) child.kill('SIGTERM');
  const codes = await Promise.all(instances.map(({ child }) => (child.exitCode !== null ? child.exitCode : new Promise((resolve) => child.once('exit', resolve)))));
  await database?.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  expect(codes).toEqual([0, 0, 0]);
}, 60_000);

describe('three instances on one database', () => {
  it('round-robin updates each take effect once, and a question asked on one is answered on another', async () => {
    const names = ['Anna Schmidt', 'Anna Berg', 'Bob Meyer', 'Carla Rossi', 'Dora Klein', 'Emil Weber'];
    for (const [index, name] of names.entries()) {
      expect((await post(index % 3, fake.push(fake.text(ada, `/add ${name}, tier B`)))).status).toBe(200);
    }
    const contacts = await database.db.selectFrom('contacts').select('name').orderBy('id').execute();
    expect(contacts.map((c) => c.name)).toEqual(names);

    // The question comes from instance 0 …
    await post(0, fake.push(fake.text(ada, '/note Anna likes sailing')));
    const question = replies().at(-1)!;
    expect(question.text).toContain('which one?');
    const berg = (question.reply_markup.inline_keyboard as { text: string; callback_data: string }[][]).flat().find((b) => b.text.startsWith('Anna Berg'))!;
    const asked = fake.botMessages(ada.id).at(-1)!;
    // … and the button press lands on instance 2.
    await post(2, fake.push(fake.press(ada, asked.messageId, berg.callback_data)));
    expect(replies().at(-1)!.text).toContain('Note on <b>Anna Berg</b>: <i>likes sailing</i>');
    const notes = await database.db.selectFrom('notes').innerJoin('contacts', 'contacts.id', 'notes.contact_id').select(['contacts.name', 'notes.text']).execute();
    expect(notes).toEqual([{ name: 'Anna Berg', text: 'likes sailing' }]);
  }, 60_000);

  it('one update posted to two instances at the same moment takes effect once and is answered once', async () => {
    const before = replies().length;
    const update = fake.push(fake.text(ada, '/met Zora Quist at Web Summit'));
    const answers = await Promise.all([post(0, update), post(1, update), post(2, update)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const zoras = await database.db.selectFrom('contacts').select('id').where('name', '=', 'Zora Quist').execute();
    expect(zoras).toHaveLength(1);
    const touches = await database.db.selectFrom('touches').select('id').where('contact_id', '=', zoras[0]!.id).execute();
    expect(touches).toHaveLength(1);
    expect(replies().length - before).toBe(1);
  }, 60_000);

  it('a burst of updates for many users, spread over the instances, loses and doubles nothing', async () => {
    const users = Array.from({ length: 12 }, (_, i) => tgUser(8000 + i, `User${i}`, { language_code: 'de' }));
    const posts: Promise<Response>[] = [];
    users.forEach((user, u) => {
      for (let k = 0; k < 3; k++) posts.push(post((u + k) % 3, fake.push(fake.text(user, `/add Kontakt ${k}, Stufe A`))));
    });
    expect((await Promise.all(posts)).every((r) => r.status === 200)).toBe(true);
    const rows = await database.db
      .selectFrom('contacts')
      .innerJoin('users', 'users.id', 'contacts.user_id')
      .select(['users.platform_user_id', 'contacts.name'])
      .where('users.platform_user_id', 'in', users.map((u) => String(u.id)))
      .execute();
    expect(rows).toHaveLength(36);
    expect(new Set(rows.map((r) => `${r.platform_user_id}/${r.name}`)).size).toBe(36);
  }, 60_000);
});
