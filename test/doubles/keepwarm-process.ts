/**
 * keepwarm as a real process (`node --import tsx src/main.ts`, what `npm
 * start` execs), configured by environment variables only, in a process group
 * of its own so a failing test can take it down whole. `stopAll()` in an
 * afterEach kills whatever a test left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

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

export function startKeepwarm(env: Record<string, string>): KeepwarmProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
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
