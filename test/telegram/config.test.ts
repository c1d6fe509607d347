/** TELEGRAM_* variables: what turns Telegram on, what is checked, what is derived. */
import { describe, expect, it } from 'vitest';
import { deriveWebhookSecret, telegramConfig } from '../../adapters/telegram/config.ts';
import { ConfigError } from '../../src/config.ts';

const TOKEN = '123456:ABC-def_ghi';

describe('telegramConfig', () => {
  it('is off without TELEGRAM_BOT_TOKEN', () => {
    expect(telegramConfig({})).toBeUndefined();
    expect(telegramConfig({ TELEGRAM_BOT_TOKEN: '  ' })).toBeUndefined();
  });

  it('polls api.telegram.org by default, sending at most 30 messages a second and 1 per chat', () => {
    const config = telegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN })!;
    expect(config).toMatchObject({ token: TOKEN, apiRoot: 'https://api.telegram.org', sendRate: { perSecond: 28, perChatPerSecond: 1 } });
    expect(config.webhook).toBeUndefined();
  });

  it('points at another Bot API server with TELEGRAM_API_ROOT, trailing slash removed', () => {
    expect(telegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' })!.apiRoot).toBe('http://127.0.0.1:8081');
  });

  it('serves a webhook on PORT at the path of TELEGRAM_WEBHOOK_URL, with a secret derived from the token unless one is given', () => {
    const derived = telegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook', PORT: '3000' })!;
    expect(derived.webhook).toEqual({
      url: 'https://bot.example.com/telegram/hook',
      path: '/telegram/hook',
      secret: deriveWebhookSecret(TOKEN),
      secretDerived: true,
      port: 3000,
      host: '0.0.0.0',
    });
    expect(derived.webhook!.secret).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(derived.webhook!.secret).not.toContain(TOKEN.split(':')[1]);
    const given = telegramConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_-X',
      PORT: '3000',
      TELEGRAM_WEBHOOK_PORT: '8443',
    })!;
    expect(given.webhook).toMatchObject({ secret: 's3cret_-X', secretDerived: false, port: 8443 });
  });

  it('reads TELEGRAM_SEND_RATE as PER_SECOND or PER_SECOND,PER_CHAT', () => {
    expect(telegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_SEND_RATE: '20' })!.sendRate).toEqual({ perSecond: 20, perChatPerSecond: 1 });
    expect(telegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_SEND_RATE: '25,0.5' })!.sendRate).toEqual({ perSecond: 25, perChatPerSecond: 0.5 });
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'not a token' }],
    ['TELEGRAM_API_ROOT', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'ftp://x' }],
    ['TELEGRAM_WEBHOOK_URL', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'bot.example.com' }],
    ['TELEGRAM_WEBHOOK_SECRET', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://x.example/h', TELEGRAM_WEBHOOK_SECRET: 'has spaces' }],
    ['PORT', { TELEGRAM_BOT_TOKEN: TOKEN, PORT: 'eighty' }],
    ['TELEGRAM_SEND_RATE', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_SEND_RATE: 'fast' }],
    ['TELEGRAM_SEND_RATE', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_SEND_RATE: '0' }],
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_WEBHOOK_URL: 'https://x.example/h' }],
  ])('stops with a message naming %s when it is malformed', (name, env) => {
    expect(() => telegramConfig(env)).toThrow(ConfigError);
    expect(() => telegramConfig(env)).toThrow(name);
  });
});
