/**
 * Issue 5's benchmark: signed slash commands per second through keepwarm's
 * Slack app (bolt in HTTP mode: verify, ack, profile from cache, the bot's
 * /today on an SQLite file, the ephemeral answer POSTed to the response_url),
 * against the floor of a bare bolt app that only acknowledges — the same
 * requests, the same machine, the same run. Slack's Web API is the fake of
 * test/doubles on 127.0.0.1.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { startSlack } from '../adapters/slack/start.ts';
import { createConversation } from '../src/bot/conversation.ts';
import { warmUpParser } from '../src/commands/parse.ts';
import { createLogger } from '../src/log.ts';
import { openSqlite } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { FakeSlack } from '../test/doubles/fake-slack.ts';
import { SlackSender } from '../test/doubles/slack-requests.ts';
import { heading, ms, percentile, table } from './lib.ts';

const SECRET = 'bench-signing-secret';
const USERS = 50;
const REQUESTS = 1500;
const ROUNDS = 3;
const WARMUP = 300;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const FILE = 'bench/out/slack.db';

const silent: BoltLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

/** `total` requests from `CONCURRENCY` workers; each `one(i)` resolves when request i is done. */
async function load(total: number, one: (i: number) => Promise<void>): Promise<Run> {
  let next = 0;
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await one(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** Resolves when the fake has received the answer at a response_url path (before or after the ask). */
function answers(fake: FakeSlack): (path: string) => Promise<void> {
  const waiting = new Map<string, () => void>();
  const early = new Set<string>();
  fake.events.on('response', (path: string) => {
    const resolve = waiting.get(path);
    if (resolve) {
      waiting.delete(path);
      resolve();
    } else {
      early.add(path);
    }
  });
  return (path) => {
    if (early.delete(path)) return Promise.resolve();
    return new Promise((resolve) => waiting.set(path, resolve));
  };
}

/** keepwarm's Slack app on a database at `url`, users seeded so /today names people (with buttons). */
async function startKeepwarm(fake: FakeSlack, url: string) {
  if (url !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(url + suffix, { force: true });
  const database = openSqlite(url);
  await migrateToLatest(database.db);
  const log = createLogger('silent');
  const bot = createConversation({ db: database.db, log });
  for (let u = 0; u < USERS; u++) {
    for (const name of ['Anna Schmidt', 'Bob Meyer', 'Carla Rossi']) {
      await bot.handle({ from: { platform: 'slack', teamId: 'T1', userId: `U${u}` }, chatId: `DT1U${u}`, text: `/add ${name}, tier B, last talked 7 months ago` });
    }
  }
  const slack = await startSlack({
    conversation: bot,
    db: database.db,
    log,
    config: {
      mode: 'http',
      auth: { kind: 'token', botToken: 'xoxb-bench' },
      signingSecret: SECRET,
      appToken: undefined,
      port: 0,
      apiUrl: fake.apiUrl,
      sendPerSecond: 4,
      apiRetries: 0,
    },
  });
  return {
    sender: new SlackSender(`http://127.0.0.1:${slack.port}`, SECRET, fake),
    async stop() {
      await slack.stop();
      await database.close();
      if (url !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(url + suffix, { force: true });
    },
  };
}

const median = (runs: Run[], key: keyof Run) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;

export async function benchSlack(): Promise<void> {
  heading(`slack: signed slash commands over HTTP — ${ROUNDS} rounds x ${REQUESTS} requests, ${CONCURRENCY} in flight, ${USERS} users; bolt, fake Web API on 127.0.0.1`);
  warmUpParser();
  const fake = await FakeSlack.start();
  fake.addTeam({ id: 'T1', token: 'xoxb-bench' });
  mkdirSync('bench/out', { recursive: true });

  const bare = new App({ token: 'xoxb-bench', botId: 'BBOTT1', botUserId: 'UBOTT1', signingSecret: SECRET, logger: silent, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
  bare.command(/.*/, async ({ ack }) => ack());
  const bareServer = (await bare.start(0)) as { address(): { port: number } };
  const toBare = new SlackSender(`http://127.0.0.1:${bareServer.address().port}`, SECRET, fake);
  const onFile = await startKeepwarm(fake, FILE);
  const inMemory = await startKeepwarm(fake, ':memory:');

  const answered = answers(fake);
  const via = (sender: SlackSender) => async (i: number) => {
    const { response, responseUrl } = await sender.command('T1', `U${Math.abs(i) % USERS}`, '/today', '');
    if (response.status !== 200) throw new Error(`keepwarm answered ${response.status}`);
    await response.arrayBuffer();
    await answered(responseUrl);
  };
  const viaBare = async (i: number) => {
    const { response } = await toBare.command('T1', `U${Math.abs(i) % USERS}`, '/today', '');
    if (response.status !== 200) throw new Error(`bare bolt answered ${response.status}`);
    await response.arrayBuffer();
  };
  const cases = [
    { label: 'bare bolt app, ack only (floor)', run: viaBare, runs: [] as Run[] },
    { label: 'keepwarm /today, SQLite file', run: via(onFile.sender), runs: [] as Run[] },
    { label: 'keepwarm /today, SQLite in memory', run: via(inMemory.sender), runs: [] as Run[] },
  ];
  for (const c of cases) await load(WARMUP, c.run);
  // Rounds interleaved, medians reported: a busy machine slows every case alike.
  for (let round = 0; round < ROUNDS; round++) for (const c of cases) c.runs.push(await load(REQUESTS, c.run));

  const floor = median(cases[0]!.runs, 'perSecond');
  console.log(
    table([
      ['app (medians)', 'requests/s', 'p50', 'p99', 'ratio to floor'],
      ...cases.map((c) => [c.label, median(c.runs, 'perSecond').toFixed(0), ms(median(c.runs, 'p50')), ms(median(c.runs, 'p99')), (median(c.runs, 'perSecond') / floor).toFixed(2)]),
    ]),
  );
  console.log(
    `ratio keepwarm / bare bolt: ${(median(cases[1]!.runs, 'perSecond') / floor).toFixed(2)} on a file, ${(median(cases[2]!.runs, 'perSecond') / floor).toFixed(2)} in memory (aim >= 0.5); ` +
      `keepwarm = verified, acked, answered at the response_url (${fake.responses.length} answers)`,
  );

  await onFile.stop();
  await inMemory.stop();
  await bare.stop();
  await fake.stop();
}
