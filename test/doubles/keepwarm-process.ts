/**
 * keepwarm as a real process, the way process tests start it: one node
 * process with tsx's loader — what `npm start` (`tsx src/main.ts`) and
 * `npx keepwarm` (bin/keepwarm.mjs) run, without npm's and npx's own start-up
 * (about a second of CPU each). `npm start` itself is proven by
 * test/console/cli.test.ts and test/dev/fresh-clone.test.ts.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The `keepwarm` command's script. */
export const BIN = join(ROOT, 'bin', 'keepwarm.mjs');

/** `npm start` without npm: node runs src/main.ts through tsx, in the repository. */
export function spawnStart(options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], { cwd: ROOT, ...options });
}

/** `npx keepwarm ARGS` without npx: node runs the bin script. */
export function spawnKeepwarm(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, ...options });
}

export interface KeepwarmProcess {
  child: ChildProcess;
  stdout(): string;
  /** Everything on stderr: the JSON log lines, and anything else written there. */
  stderr(): string;
  /** The JSON log lines so far. */
  logs(): Record<string, unknown>[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<number>();

/**
 * `npm start` configured by environment variables only, in a process group of
 * its own so a failing test can take it down whole: `stopAll()` in an
 * afterEach kills whatever a test left running.
 */
export function startKeepwarm(env: Record<string, string>): KeepwarmProcess {
  const child = spawnStart({
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'Europe/Berlin', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child.pid!);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    exit,
  };
}

/** Kills every process group a test started and left running. */
export function stopAll(): void {
  for (const group of running) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}
