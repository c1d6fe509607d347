/**
 * A real Radicale (Debian's radicale) CalDAV server for tests: started on a
 * free port of 127.0.0.1 with htpasswd users and a temporary collection
 * folder; calendars are made (MKCALENDAR) and events written (PUT) by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailUser } from './dovecot.ts';
import { freePort } from './net.ts';
import { waitForPort } from './wait-port.ts';

const RADICALE = '/usr/bin/radicale';
export const radicaleAvailable = existsSync(RADICALE);
export const NO_RADICALE_REASON = "needs Debian's radicale (apt-get install radicale)";

export interface TestRadicale {
  /** The server's root URL, as a user would give it. */
  url: string;
  port: number;
  makeCalendar(user: MailUser, name: string): Promise<string>;
  putEvent(user: MailUser, calendar: string, uid: string, ics: string): Promise<void>;
  deleteEvent(user: MailUser, calendar: string, uid: string): Promise<void>;
  stop(): Promise<void>;
}

const auth = (u: MailUser) => `Basic ${Buffer.from(`${u.user}:${u.password}`).toString('base64')}`;

async function ok(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`radicale: ${what} answered ${response.status} ${await response.text()}`);
}

export async function startRadicale(users: MailUser[]): Promise<TestRadicale> {
  const dir = mkdtempSync(join(tmpdir(), 'keepwarm-radicale-'));
  const port = await freePort();
  writeFileSync(join(dir, 'users'), users.map((u) => `${u.user}:${u.password}`).join('\n') + '\n');
  writeFileSync(
    join(dir, 'config'),
    `[server]\nhosts = 127.0.0.1:${port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = ${dir}/users\nhtpasswd_encryption = plain\n[storage]\nfilesystem_folder = ${dir}/collections\n[logging]\nlevel = warning\n`,
  );
  const child: ChildProcess = spawn(RADICALE, ['--config', join(dir, 'config')], { stdio: 'ignore' });
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  await waitForPort(port);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    async makeCalendar(user, name) {
      const path = `${url}${user.user}/${name}/`;
      await ok(await fetch(path, { method: 'MKCALENDAR', headers: { authorization: auth(user) } }), 'MKCALENDAR');
      return path;
    },
    async putEvent(user, calendar, uid, ics) {
      await ok(await fetch(`${url}${user.user}/${calendar}/${encodeURIComponent(uid)}.ics`, { method: 'PUT', headers: { authorization: auth(user), 'content-type': 'text/calendar' }, body: ics }), 'PUT');
    },
    async deleteEvent(user, calendar, uid) {
      await ok(await fetch(`${url}${user.user}/${calendar}/${encodeURIComponent(uid)}.ics`, { method: 'DELETE', headers: { authorization: auth(user) } }), 'DELETE');
    },
    async stop() {
      process.removeListener('exit', kill);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
