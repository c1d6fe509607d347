/**
 * One user's heavy work never holds the others up — shown with keepwarm as a
 * real process (`tsx src/main.ts`, long polling) against the fake Bot API,
 * by the order of the answers, not by timings: another user's `/today` is
 * answered while the heavy work is still going on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keepwarmExport } from '../doubles/big-files.ts';
import { FakeTelegram, tgUser, type RecordedCall } from '../doubles/fake-telegram.ts';
import { startKeepwarm, stopAll, type KeepwarmProcess } from '../doubles/keepwarm-process.ts';
import { tempDir, until } from './harness.ts';

const dir = tempDir();
let fake: FakeTelegram;
beforeAll(async () => {
  fake = await FakeTelegram.start();
});
afterEach(stopAll);
afterAll(async () => {
  await fake.close();
  dir.remove();
});

const ada = tgUser(2001, 'Ada', { language_code: 'en' });
const bea = tgUser(2002, 'Bea', { language_code: 'en' });

async function startPolling(name: string, env: Record<string, string> = {}): Promise<KeepwarmProcess> {
  const keepwarm = startKeepwarm({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: `${dir.path}/${name}.db`, ...env });
  await until(() => fake.calls.some((c) => c.method === 'deleteWebhook'), 'keepwarm to start polling', 40_000);
  return keepwarm;
}

function answersTo(chatId: number): RecordedCall[] {
  return fake.calls.filter((c) => c.method === 'sendMessage' && !c.fault && c.errorCode === undefined && Number(c.payload.chat_id) === chatId);
}

/** The position in the fake's call log of the first message sent to `chatId` whose text matches. */
function sentAt(chatId: number, text: RegExp): number {
  return fake.calls.findIndex((c: RecordedCall) => c.method === 'sendMessage' && !c.fault && c.errorCode === undefined && Number(c.payload.chat_id) === chatId && text.test(String(c.payload.text)));
}

describe('one user does not hold the others up', () => {
  it("another user's /today is answered three times over while a 50,000-contact file is being read, all before that file's preview", async () => {
    const keepwarm = await startPolling('import');
    fake.push(fake.document(ada, 'keepwarm-export.json', keepwarmExport(50_000)));
    // The file is in; now the other user asks, waits for the answer, and asks again. Each round trip
    // needs keepwarm's main thread free: a blocked one answers the first only when the preview goes too.
    await until(() => fake.downloadsFinished > 0, 'the file to be downloaded', 20_000);
    for (let round = 1; round <= 3; round++) {
      fake.push(fake.text(bea, '/today'));
      await until(() => answersTo(bea.id).length >= round, `answer ${round} to the other user`, 60_000);
      expect(sentAt(ada.id, /50,000/), `the preview came before answer ${round} to the other user`).toBe(-1);
    }
    await until(() => sentAt(ada.id, /50,000/) >= 0, 'the preview of the big file', 60_000);
    keepwarm.child.kill('SIGTERM');
    expect((await keepwarm.exit).code).toBe(0);
  }, 120_000);

  it("one user's 2,000 messages at once: they are told once that some were skipped, and another user's /today is answered among the first of theirs", async () => {
    const keepwarm = await startPolling('flood');
    const cyd = tgUser(2003, 'Cyd', { language_code: 'de' });
    const dan = tgUser(2004, 'Dan', { language_code: 'en' });
    fake.push(fake.text(cyd, '/add Anna Schmidt, Stufe A'));
    await until(() => answersTo(cyd.id).length === 1, 'the first answer', 40_000);
    for (let i = 0; i < 2000; i++) fake.push(fake.text(cyd, i % 2 ? '/today' : 'Anna gestern angerufen'));
    fake.push(fake.text(dan, '/today'));
    await until(() => answersTo(dan.id).length === 1, "the other user's answer", 120_000);
    const before = fake.calls.indexOf(answersTo(dan.id)[0]!);
    // Answers to the flooding user that came before the other user's one.
    const ahead = answersTo(cyd.id).filter((call) => fake.calls.indexOf(call) < before).length;
    expect(ahead).toBeLessThan(100);
    // The flood is over once every update is confirmed; then count what the flooding user heard.
    await until(() => fake.pending.length === 0 && fake.confirmedOffset > 2002, 'the flood to be worked off', 120_000);
    keepwarm.child.kill('SIGTERM');
    expect((await keepwarm.exit).code).toBe(0);
    const told = answersTo(cyd.id).filter((call) => /schneller, als ich sie beantworten kann/.test(String(call.payload.text)));
    expect(told).toHaveLength(1);
    // Every answer but the notice answers a command; far fewer than were sent.
    expect(answersTo(cyd.id).length).toBeLessThan(200);
  }, 240_000);

  it("a chat with 1,500 updates waiting (a share that allows them) holds one of the runner's places, so another chat's /today is fetched and answered among the first", async () => {
    const keepwarm = await startPolling('queue', { USER_RATE_LIMIT: '5000,1' });
    const eve = tgUser(2005, 'Eve', { language_code: 'en' });
    const fay = tgUser(2006, 'Fay', { language_code: 'en' });
    for (let i = 0; i < 1500; i++) fake.push(fake.text(eve, '/today'));
    // The runner fetches 100 at a time: the other chat's update comes after all of those.
    fake.push(fake.text(fay, '/today'));
    await until(() => answersTo(fay.id).length === 1, "the other chat's answer", 120_000);
    const at = fake.calls.indexOf(answersTo(fay.id)[0]!);
    expect(answersTo(eve.id).filter((call) => fake.calls.indexOf(call) < at).length).toBeLessThan(300);
    keepwarm.child.kill('SIGTERM');
    expect((await keepwarm.exit).code).toBe(0);
  }, 240_000);
});
