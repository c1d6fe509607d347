/** Files the console chat is sent (the card list, exports, the /stats picture) land in the data dir, for the owner only. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsoleChat } from '../../adapters/console/chat.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { readPicture } from '../doubles/png.ts';
import { memoryDatabase, MONDAY_10_BERLIN } from '../doubles/chat.ts';

describe('console files', () => {
  it('/cards and /stats write the CSV, the label PDF and the chart as 0600 files in a 0700 directory and prints their paths', async () => {
    const database = await memoryDatabase();
    const dir = join(mkdtempSync(join(tmpdir(), 'kw-console-')), 'exports');
    const input = new PassThrough();
    let printed = '';
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        printed += chunk.toString('utf8');
        callback();
      },
    });
    const chat = startConsoleChat({
      conversation: createConversation({ db: database.db }),
      user: { platform: 'console', teamId: '', userId: 'me' },
      timeZone: 'Europe/Berlin',
      input,
      output,
      interactive: false,
      filesDir: dir,
      now: () => MONDAY_10_BERLIN,
    });
    input.end(['/add Anna Keller, tier A', '/address Anna: Hauptstr. 5, 80331 München', '/cards', '/stats'].join('\n') + '\n');
    await chat.done;
    const csv = join(dir, 'holiday-cards-2026.csv');
    const pdf = join(dir, 'holiday-cards-2026-labels.pdf');
    expect(printed).toContain(`saved to ${csv}`);
    expect(printed).toContain(`saved to ${pdf}`);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(csv).mode & 0o777).toBe(0o600);
    expect(statSync(pdf).mode & 0o777).toBe(0o600);
    expect(readFileSync(csv, 'utf8')).toContain('Hauptstr. 5');
    const png = join(dir, 'keepwarm-stats-2026-11-23.png');
    expect(printed).toContain(`saved to ${png}`);
    expect(statSync(png).mode & 0o777).toBe(0o600);
    expect(readPicture(readFileSync(png))).toMatchObject({ width: 960, height: 540 });
    await database.close();
  }, 60_000);
});
