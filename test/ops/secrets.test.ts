/**
 * No token, secret or password in any log line (issue 16): the logger blanks
 * out every configured secret, and anything shaped like a token, in every
 * line whatever wrote it — shown on the logger itself and on keepwarm as a
 * real process whose connections to the Bot API are dropped.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { redactor, secretsIn } from '../../src/secrets.ts';
import { FakeTelegram, faults, tgUser } from '../doubles/fake-telegram.ts';
import { startKeepwarm, stopAll } from '../doubles/keepwarm-process.ts';
import { tempDir, until } from '../telegram/harness.ts';

/** Invented values in the shapes of the real ones. */
const ENV = {
  TELEGRAM_BOT_TOKEN: '7734021985:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  TELEGRAM_WEBHOOK_SECRET: 'hook-SecretValue_0123',
  SLACK_BOT_TOKEN: 'xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx',
  SLACK_APP_TOKEN: 'xapp-1-A0123456789-1234567890123-0123456789abcdef',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  SLACK_CLIENT_SECRET: '3c1f0a9d8e7b6c5d4e3f2a1b0c9d8e7f',
  SLACK_STATE_SECRET: 'my-very-own state "secret"',
  KEEPWARM_SECRET_KEY: 'q3VyZm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5',
  KEEPWARM_IMAP_PASSWORD: 'imap pass-w0rd',
  DATABASE_URL: 'postgres://keepwarm:p%40ss%2Fw0rd!x@db.example.org:5432/keepwarm',
};
const SECRETS = [...Object.values(ENV).slice(0, -1), 'p@ss/w0rd!x'];

function capture(secrets: readonly string[]) {
  const raw: string[] = [];
  const log = createLogger('trace', { write: (line: string) => void raw.push(line) }, { secrets });
  return { log, all: () => raw.join('') };
}

describe('the logger', () => {
  it('blanks out every configured secret in every line: in the message, in a field, in an error and its cause, escaped or percent-encoded', () => {
    const { log, all } = capture(secretsIn(ENV));
    for (const secret of SECRETS) {
      log.debug({}, `url /bot${secret}/getUpdates`);
      log.debug({ header: `Bearer ${secret}`, nested: { list: [secret] } }, 'request');
      log.info({ encoded: encodeURIComponent(secret) }, 'encoded');
      log.warn({ err: new Error(`request to http://h/bot${secret}/x failed`, { cause: new Error(`reason: ${secret}`) }) }, 'failed');
      log.error({ http: `connect ${JSON.stringify({ secret })}` }, secret);
    }
    const text = all();
    expect(text).toContain('[redacted]');
    for (const secret of SECRETS) {
      for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) expect(text).not.toContain(form);
    }
    // The lines are still JSON.
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('blanks out tokens nobody configured by their shape: Slack tokens, a Bot API URL, a password in a connection string', () => {
    const redact = redactor([]);
    expect(redact('token xoxb-9999-8888-zzzzzzzzzz and xoxe.xoxp-1-abc')).not.toMatch(/xoxb-9999/);
    expect(redact('xapp-1-A0123-456-abcdef')).toBe('[redacted]');
    expect(redact('request to https://api.telegram.org/bot123:abc/getMe failed')).toBe('request to https://api.telegram.org/bot[redacted]/getMe failed');
    expect(redact('connect postgres://kw:hunter2secret@db:5432/kw')).toBe('connect postgres://kw:[redacted]@db:5432/kw');
    // Ordinary text stays as it is.
    expect(redact('met Anna at 10:30 on 2026-12-05T10:30:00Z, /bottom/line')).toBe('met Anna at 10:30 on 2026-12-05T10:30:00Z, /bottom/line');
  });
});

describe('keepwarm as a process', () => {
  const dir = tempDir();
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await FakeTelegram.start({ token: ENV.TELEGRAM_BOT_TOKEN });
  });
  afterEach(stopAll);
  afterAll(async () => {
    await fake.close();
    dir.remove();
  });

  it('logs dropped connections to the Bot API (polling and replies) without the token', async () => {
    const keepwarm = startKeepwarm({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: `${dir.path}/keepwarm.db`, LOG_LEVEL: 'debug' });
    await until(() => fake.calls.some((c) => c.method === 'deleteWebhook'), 'keepwarm to start polling', 40_000);
    fake.fail('getUpdates', faults.drop(), 2);
    await until(() => keepwarm.logs().filter((l) => l.msg === 'telegram: getUpdates failed; retrying').length >= 2, 'the dropped polls to be logged', 40_000);
    // Every try of the reply is dropped: it is given up and logged.
    fake.fail('sendMessage', faults.drop(), 10);
    fake.push(fake.text(tgUser(3001, 'Ada'), '/help'));
    await until(() => keepwarm.logs().some((l) => l.msg === 'telegram: a reply could not be delivered'), 'the lost reply to be logged', 40_000);
    keepwarm.child.kill('SIGTERM');
    expect((await keepwarm.exit).code).toBe(0);

    const log = keepwarm.stderr();
    expect(log).toContain('getUpdates');
    expect(log).not.toContain(ENV.TELEGRAM_BOT_TOKEN);
    expect(log).not.toContain(ENV.TELEGRAM_BOT_TOKEN.split(':')[1]);
    expect(log).toContain('[redacted]');
  }, 120_000);
});
