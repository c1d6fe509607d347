/** The scheduler's minute tick starts the source sync, and stopping the scheduler waits for it. */
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { testDatabase } from '../doubles/database.ts';

describe('the minute tick', () => {
  it('starts the source sync beside the nudges, and stopping waits for it', async () => {
    const database = await testDatabase();
    let kicks = 0;
    let stopped = false;
    let kicked!: () => void;
    const firstKick = new Promise<void>((resolve) => (kicked = resolve));
    const scheduler = startScheduler({
      db: database.db,
      messengers: [],
      sources: {
        kick: () => {
          kicks++;
          kicked();
        },
        stop: async () => {
          stopped = true;
        },
      },
    });
    await firstKick;
    await scheduler.stop();
    expect(kicks).toBeGreaterThanOrEqual(1);
    expect(stopped).toBe(true);
    await database.close();
  });
});
