/**
 * A 20-second PostgreSQL outage under two instances (webhook mode, the real
 * `src/main.ts` processes against the fake Bot API), while a user keeps
 * writing: no instance dies; /readyz is 503 while the database is gone and
 * 200 when it is back; every update that arrives meanwhile is refused (503)
 * and delivered again by "Telegram"; in the end nothing is lost and nothing
 * doubled, and the scheduler sends a nudge that came due during the outage,
 * once. Before the fix both instances died with an unhandled 'error' event
 * from pg's pool the moment the server went away.
 *
 * Needs PostgreSQL binaries: it stops a throwaway server of its own (never the
 * one TEST_DATABASE_URL names).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram, tgUser, type Update } from '../doubles/fake-telegram.ts';
import { freePort } from '../doubles/net.ts';
import { NO_POSTGRES_REASON, postgresAvailable, startOwnTestPostgres, type OwnTestPostgres } from '../doubles/postgres-server.ts';
import { deliverUntilAccepted } from '../doubles/webhook-delivery.ts';

const SECRET = 'outage-secret_1';
const OUTAGE_MS = 20_000;
const WRITE_EVERY_MS = 250;

interface Instance {
  child: ChildProcess;
  port: number;
  stderr: () => string;
}

let server: OwnTestPostgres;
let fake: FakeTelegram;
let url: string;
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: 'UTC',
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

async function ready(instance: Instance): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (instance.child.exitCode !== null) throw new Error(`instance exited ${instance.child.exitCode}: ${instance.stderr()}`);
    const answer = await fetch(`http://127.0.0.1:${instance.port}/readyz`).catch(() => undefined);
    if (answer?.status === 200) return;
    if (Date.now() > until) throw new Error(`instance on ${instance.port} never got ready: ${instance.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  if (!postgresAvailable) return;
  server = await startOwnTestPostgres(await freePort());
  // Its own server, so its own default database; server.query reads the same one.
  url = server.url;
  fake = await FakeTelegram.start();
  for (let i = 0; i < 2; i++) instances.push(await startInstance());
  await Promise.all(instances.map(ready));
}, 120_000);

afterAll(async () => {
  for (const { child } of instances) child.kill('SIGTERM');
  const codes = await Promise.all(instances.map(({ child }) => (child.exitCode !== null ? child.exitCode : new Promise((resolve) => child.once('exit', resolve)))));
  await fake?.close();
  await server?.stop();
  if (postgresAvailable) expect(codes).toEqual([0, 0]);
}, 60_000);

if (!postgresAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_POSTGRES_REASON}`);
describe.skipIf(!postgresAvailable)('a 20-second PostgreSQL outage under two instances', () => {
  it('no instance dies, /readyz is 503 only while the database is gone, updates meanwhile are refused and come again, nothing is lost or doubled, and the scheduler resumes', async () => {
    const hooks = instances.map((i) => `http://127.0.0.1:${i.port}/tg`);
    const ada = tgUser(7001, 'Ada', { language_code: 'en' });
    const bea = tgUser(7002, 'Bea', { language_code: 'en' });
    const toChat = (id: number) => fake.ok('sendMessage').filter((m) => m.chat_id === id).map((m) => String(m.text));

    // Bea has someone overdue; her nudge will come due in the middle of the outage.
    await deliverUntilAccepted(fake.push(fake.text(bea, '/add Bob Meyer, tier B, last talked 1 year ago')), hooks, SECRET);

    // /readyz of both instances, sampled all along.
    const samples: { at: number; instance: number; status: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await Promise.all(
          instances.map(async (instance, index) => {
            const status = await fetch(`http://127.0.0.1:${instance.port}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
              (r) => r.status,
              () => 0,
            );
            samples.push({ at: Date.now(), instance: index, status });
          }),
        );
        await sleep(200);
      }
    })();

    // Ada writes every 250 ms; "Telegram" delivers her updates one after another (one chat's updates wait for each other).
    const names: string[] = [];
    const queue: Update[] = [];
    const statuses: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let k = 1; writing; k++) {
        const name = `Kontakt ${String(k).padStart(3, '0')}`;
        names.push(name);
        queue.push(fake.push(fake.text(ada, `/add ${name}, tier C`)));
        await sleep(WRITE_EVERY_MS);
      }
    })();
    let delivered = 0;
    const deliverer = (async () => {
      while (writing || queue.length > 0) {
        const update = queue.shift();
        if (!update) {
          await sleep(20);
          continue;
        }
        const result = await deliverUntilAccepted(update, hooks, SECRET, { first: delivered % 2, giveUpAt: Date.now() + 120_000 });
        statuses.push(...result.statuses);
        delivered++;
      }
    })();

    await sleep(5000);
    await server.query(`update users set nudge_days = '1,2,3,4,5,6,7', next_nudge_at = $1 where platform_user_id = $2`, [new Date(Date.now() + 3000).toISOString(), String(bea.id)]);
    const outageStart = Date.now();
    await server.halt();
    await sleep(OUTAGE_MS);
    await server.resume();
    const outageEnd = Date.now();
    await sleep(5000);
    writing = false;
    await writer;
    await deliverer;
    // The nudge that came due during the outage, sent by the next minute's tick of one of the schedulers.
    const deadline = Date.now() + 90_000;
    while (!toChat(bea.id).some((t) => t.includes('Bob Meyer') && !t.includes('Added')) && Date.now() < deadline) await sleep(250);
    sampling = false;
    await sampler;

    // Nobody died.
    expect(instances.map((i) => i.child.exitCode)).toEqual([null, null]);
    for (const instance of instances) expect(instance.stderr()).not.toMatch(/Unhandled|uncaught/i);

    // Nothing lost, nothing doubled: every name once in the database, and answered once.
    const rows = (await server.query(`select c.name from contacts c join users u on u.id = c.user_id where u.platform_user_id = $1`, [String(ada.id)])).rows as { name: string }[];
    const stored = rows.map((r) => r.name);
    const lost = names.filter((n) => !stored.includes(n));
    const doubled = stored.length - new Set(stored).size;
    const added = toChat(ada.id).filter((t) => t.includes('Added <b>Kontakt'));
    const answeredTwice = names.filter((n) => added.filter((t) => t.includes(`<b>${n}</b>`)).length > 1);
    const refused = statuses.filter((s) => s === 503).length;
    const apologies = toChat(ada.id).filter((t) => t.includes('I cannot save right now')).length;

    // /readyz: 503 while the database was gone, 200 before and after.
    const spans = instances.map((_, index) => {
      const mine = samples.filter((s) => s.instance === index);
      const notReady = mine.filter((s) => s.status === 503);
      return {
        notReadyMs: notReady.length > 0 ? notReady.at(-1)!.at - notReady[0]!.at : 0,
        readyAfter: mine.filter((s) => s.at > outageEnd + 3000).every((s) => s.status === 200),
        readyBefore: mine.filter((s) => s.at < outageStart - 200).every((s) => s.status === 200),
        unanswered: mine.filter((s) => s.status === 0).length,
      };
    });
    const nudges = toChat(bea.id).filter((t) => t.includes('Bob Meyer') && !t.includes('Added'));
    console.log(
      `database outage of ${Math.round((outageEnd - outageStart) / 100) / 10} s: ${names.length} updates written, ${lost.length} lost, ${doubled} doubled, ${answeredTwice.length} answered twice; ` +
        `${refused} deliveries refused (503), ${apologies} "cannot save" answers; /readyz 503 for ${spans.map((s) => `${(s.notReadyMs / 1000).toFixed(1)} s`).join(' and ')}; nudges due during the outage sent: ${nudges.length}`,
    );
    expect({ lost, doubled, answeredTwice }).toEqual({ lost: [], doubled: 0, answeredTwice: [] });
    expect(stored).toHaveLength(names.length);
    expect(refused).toBeGreaterThan(0);
    for (const span of spans) {
      expect(span.notReadyMs).toBeGreaterThan(OUTAGE_MS / 2);
      expect(span).toMatchObject({ readyAfter: true, readyBefore: true, unanswered: 0 });
    }
    expect(nudges).toHaveLength(1);
  }, 300_000);
});
