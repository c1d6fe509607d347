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
