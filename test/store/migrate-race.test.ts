/**
 * Several keepwarm processes starting at once on a new SQLite file (several
 * instances, or a restart racing a `keepwarm` command): real processes, so the
 * file's locks are what keeps the migrations apart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('several processes starting at once on a new SQLite file', () => {
  it('migrate it exactly once, every one of them succeeding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keepwarm-migrate-race-'));
    try {
      for (let round = 0; round < 3; round++) {
        const file = join(dir, `race-${round}.db`);
        const outputs = await Promise.all(
          Array.from({ length: 4 }, () =>
            new Promise<string>((resolve) => {
              const child = spawn(process.execPath, ['--import', 'tsx', 'test/doubles/migrate-process.ts', file]);
              let out = '';
              child.stdout.on('data', (d: Buffer) => (out += d.toString()));
              child.on('close', () => resolve(out.trim()));
            }),
          ),
        );
        expect(outputs).toEqual(['ok', 'ok', 'ok', 'ok']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
