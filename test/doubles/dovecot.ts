/**
 * A real Dovecot (Debian's dovecot-imapd) for tests: started on a free port
 * of 127.0.0.1 with a temporary configuration, passwd-file users and maildir
 * storage, no TLS (keepwarm allows plain IMAP only to this machine). Mail is
 * delivered by writing maildir files (fast, for thousands) or appended over
 * IMAP by the test. Its log records every login, what each session read
 * (hdr_count, body_count) and — through the mail_log plugin — any change to a
 * mail, so tests can prove keepwarm read headers only and wrote nothing.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net.ts';
import { waitForPort } from './wait-port.ts';

const DOVECOT = '/usr/sbin/dovecot';
/** Dovecot drops privileges to its own users, which needs root (as CI runs). */
export const dovecotAvailable = existsSync(DOVECOT) && process.getuid?.() === 0;
export const NO_DOVECOT_REASON = "needs Debian's dovecot-imapd and root (apt-get install dovecot-imapd)";

export interface MailUser {
  user: string;
  password: string;
}

export interface TestDovecot {
  host: string;
  port: number;
  /** Writes mails as maildir files into a folder ('INBOX' or 'Sent'); Dovecot gives them UIDs when it next looks. */
  deliver(user: string, folder: 'INBOX' | 'Sent', messages: string[]): void;
  /** Everything Dovecot logged so far. */
  log(): string;
  /** How many times a user logged in. */
  logins(user: string): number;
  stop(): Promise<void>;
}

function idOf(name: string, flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, name]).toString().trim());
}

export async function startDovecot(users: MailUser[]): Promise<TestDovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'keepwarm-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'state'));
  const uid = idOf('dovecot', '-u');
  const gid = idOf('dovecot', '-g');
  execFileSync('chown', [`${uid}:${gid}`, mail]);
  const logFile = join(dir, 'dovecot.log');
  writeFileSync(join(dir, 'passwd'), users.map((u) => `${u.user}:{PLAIN}${u.password}`).join('\n') + '\n');
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logFile}
info_log_path = ${logFile}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:${mail}/%u
mail_uid = dovecot
mail_gid = dovecot
mail_plugins = mail_log notify
plugin {
  mail_log_events = delete undelete expunge copy mailbox_delete mailbox_rename flag_change save mailbox_create
  mail_log_fields = uid box msgid flags
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  await waitForPort(port);

  const folderDir = (user: string, folder: 'INBOX' | 'Sent') => (folder === 'INBOX' ? join(mail, user) : join(mail, user, '.Sent'));
  return {
    host: '127.0.0.1',
    port,
    deliver(user, folder, messages) {
      const base = folderDir(user, folder);
      for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(base, sub), { recursive: true });
      const stamp = Math.floor(Date.now() / 1000);
      messages.forEach((text, i) => writeFileSync(join(base, 'new', `${stamp}.M${i}P${randomBytes(4).toString('hex')}.keepwarm-test`), text.replace(/\r?\n/g, '\n')));
      execFileSync('chown', ['-R', `${uid}:${gid}`, join(mail, user)]);
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    logins(user) {
      const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      return text.split('\n').filter((line) => line.includes(`Login: user=<${user}>`)).length;
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

/** A plain RFC 5322 mail with the headers keepwarm reads, and a body it must never read. */
export function mailText(fields: { from: string; to: string[]; cc?: string[]; date: Date; messageId: string; subject?: string; body?: string }): string {
  return [
    `From: ${fields.from}`,
    `To: ${fields.to.join(', ')}`,
    ...(fields.cc && fields.cc.length > 0 ? [`Cc: ${fields.cc.join(', ')}`] : []),
    `Date: ${fields.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${fields.messageId}`,
    `Subject: ${fields.subject ?? 'Hello'}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.body ?? 'A body keepwarm never reads.',
    '',
  ].join('\r\n');
}
