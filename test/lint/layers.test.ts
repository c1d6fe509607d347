/**
 * The layering rule (lint/layers.js) as `npm run lint` runs it: the real
 * eslint.config.js, on a one-line file placed in each layer.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layering complaints about `import ... from spec` in a file at `path`. */
async function layerErrors(path: string, spec: string): Promise<string[]> {
  const code = `import type { Probe } from '${spec}';\nexport type Seen = Probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'keepwarm/layers').map((m) => m.message);
}

describe('dependencies point inward', () => {
  it.each([
    ['src/store/probe.ts', '../bot/conversation.ts'],
    ['src/store/probe.ts', '../bot/questions.ts'],
    ['src/scheduler/probe.ts', '../bot/context.ts'],
    ['src/i18n/probe.ts', '../bot/handlers/help.ts'],
    ['src/migrate-data/probe.ts', '../bot/conversation.ts'],
    ['src/nudge/probe.ts', '../bot/resolve.ts'],
  ])('%s may not import %s: it belongs to the conversation', async (path, spec) => {
    expect(await layerErrors(path, spec)).toEqual([expect.stringContaining('belongs to the conversation')]);
  });

  it('nothing but main.ts, cli.ts and cli-data.ts imports an adapter', async () => {
    expect(await layerErrors('src/scheduler/probe.ts', '../../adapters/telegram/start.ts')).toHaveLength(1);
    expect(await layerErrors('src/main.ts', '../adapters/telegram/start.ts')).toEqual([]);
  });
});

describe('the pure layers do no I/O', () => {
  it.each([
    ['src/core/probe.ts', 'kysely'],
    ['src/core/probe.ts', 'node:fs'],
    ['src/commands/probe.ts', 'grammy'],
    ['src/import/probe.ts', 'better-sqlite3'],
    ['src/export/probe.ts', 'node:fs'],
    ['src/export/probe.ts', 'pg'],
  ])('%s may not import the package %s', async (path, spec) => {
    expect(await layerErrors(path, spec)).toEqual([expect.stringContaining('is pure')]);
  });

  it.each([
    ['src/core/probe.ts', '../store/db.ts'],
    ['src/commands/probe.ts', '../store/users.ts'],
    ['src/import/probe.ts', '../scheduler/send.ts'],
    ['src/export/probe.ts', '../store/export.ts'],
    ['src/core/probe.ts', '../commands/parse.ts'],
  ])('%s may not import %s', async (path, spec) => {
    expect(await layerErrors(path, spec)).toEqual([expect.stringContaining('is pure')]);
  });

  it('may import each other, and parsers and formatters that do no I/O', async () => {
    expect(await layerErrors('src/commands/probe.ts', '../core/dates.ts')).toEqual([]);
    expect(await layerErrors('src/commands/probe.ts', 'chrono-node')).toEqual([]);
    expect(await layerErrors('src/export/probe.ts', 'ical-generator')).toEqual([]);
  });
});

describe('adapters come in through one door', () => {
  it.each([
    '../../src/store/users.ts',
    '../../src/store/schema.ts',
    '../../src/commands/keywords.ts',
    '../../src/bot/handlers/help.ts',
    '../../src/scheduler/scheduler.ts',
  ])('an adapter may not import %s', async (spec) => {
    expect(await layerErrors('adapters/telegram/probe.ts', spec)).toHaveLength(1);
  });

  it('an adapter may import the conversation, the port, the catalogs and its SDK', async () => {
    for (const spec of ['../../src/bot/conversation.ts', '../../src/port.ts', '../../src/i18n/index.ts', '@slack/bolt']) {
      expect(await layerErrors('adapters/slack/probe.ts', spec)).toEqual([]);
    }
  });

  it('only adapters import a platform SDK', async () => {
    expect(await layerErrors('src/bot/probe.ts', 'grammy')).toEqual([expect.stringContaining('platform SDK')]);
    expect(await layerErrors('src/store/probe.ts', '@slack/bolt')).toEqual([expect.stringContaining('platform SDK')]);
  });
});
