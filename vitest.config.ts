import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that start real processes (keepwarm itself, scheduler processes,
 * faketime, kill -9, PostgreSQL, Dovecot, Radicale, poppler, a fresh clone). They run in the
 * `process` project; everything else runs in `unit`. A new file that starts
 * processes belongs in this list; test/dev/projects.test.ts fails until it is.
 */
export const processTests = [
  'test/cards/cli.test.ts',
  'test/cards/labels.test.ts',
  'test/console/cli.test.ts',
  'test/console/faketime.test.ts',
  'test/console/nudge.test.ts',
  'test/dev/ensure-deps.test.ts',
  'test/dev/fresh-clone.test.ts',
  'test/import/cli.test.ts',
  'test/ops/process.test.ts',
  'test/ops/secrets.test.ts',
  'test/scale/database-outage.test.ts',
  'test/scale/instances.test.ts',
  'test/scale/schedulers.test.ts',
  'test/scheduler/processes.test.ts',
  'test/slack/process.test.ts',
  'test/slack/shutdown.test.ts',
  'test/sources/caldav.test.ts',
  'test/sources/chat.test.ts',
  'test/sources/console.test.ts',
  'test/sources/mailbox.test.ts',
  'test/sources/platforms.test.ts',
  'test/sources/processes.test.ts',
  'test/store/copy-data-cli.test.ts',
  'test/store/copy-data.test.ts',
  'test/store/file-modes.test.ts',
  'test/store/legacy-text.test.ts',
  'test/store/migrate-race.test.ts',
  'test/store/postgres-connection.test.ts',
  'test/telegram/fairness.test.ts',
  'test/telegram/full-disk-process.test.ts',
  'test/telegram/process.test.ts',
  'test/telegram/start.test.ts',
];

// Every test resolves dates in an explicit zone; UTC here makes a leak of the
// machine's local time visible instead of silently right on one machine. Set
// on vitest's own process too: worker threads share its time zone, and
// `test.env` alone changes it only in forked workers.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // vitest leaves one core free by default: one worker on a 2-core machine.
    // The process tests mostly wait for their children, so a worker per core
    // (both projects share them) keeps the cores busy.
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: processTests,
          // Unit and conversation tests share no state but their module caches
          // (no mocks, no fake timers, no process-wide settings), so one thread
          // per worker loads the sources once instead of once per file.
          pool: 'threads',
          isolate: false,
          globalSetup: ['test/doubles/postgres-global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'process',
          include: processTests,
          // Their cost is in the child processes; a fork per file keeps each
          // file's signals, ports and children to itself.
          pool: 'forks',
          // Several process starts in one test take seconds each on a busy
          // machine; this bounds a hung test, it times nothing.
          testTimeout: 60_000,
          globalSetup: ['test/doubles/postgres-global.ts'],
        },
      },
    ],
  },
});
