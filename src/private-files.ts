/**
 * Files and directories that only keepwarm's own user may read: 0600 and
 * 0700, whatever the umask (docs/operations.md, "Files"). The database holds
 * people's names and, in Slack OAuth mode, bot tokens; exports and backups
 * are copies of it. A mode given to open/mkdir is filtered through the umask,
 * so each one is set again explicitly after creating.
 */
import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `path` and any missing parents as 0700; directories already there are left as they are. */
export function makePrivateDir(path: string): void {
  const first = mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return;
  // mkdir returned the topmost directory it created; every one below it is new too.
  const created: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    created.push(dir);
    if (dir === resolve(first) || dir === dirname(dir)) break;
  }
  for (const dir of created) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty 0600 file unless one is there already (several processes may race: one wins, none truncates). */
export function createPrivateFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}

/** Writes `content` to `path` as a 0600 file, replacing what was there (and its mode). */
export function writePrivateFile(path: string, content: Uint8Array): void {
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** Makes a file that is about to be overwritten 0600 first (its old content may have been readable). */
export function makePrivate(path: string): void {
  chmodSync(path, PRIVATE_FILE_MODE);
}
