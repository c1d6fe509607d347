/**
 * Configuration from the environment, validated once at start. A missing or
 * malformed variable stops keepwarm with a message naming it.
 */
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from './store/db.ts';
import { DEFAULT_USER_LIMIT, type UserLimit } from './user-limit.ts';
import type { ImapTls } from './sources/model.ts';
import { createSecretBox, parseSecretKey, type SecretBox } from './sources/secret-box.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A TCP port (0 picks a free one); empty means unset. */
const port = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional());

const schema = z.object({
  DATABASE_URL: optionalText.transform((v) => v ?? DEFAULT_DATABASE_URL),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  KEEPWARM_USER: optionalText,
  TZ: optionalText,
  LANG: optionalText,
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full', 'NORMAL', 'FULL']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  NUDGE_CATCH_UP_HOURS: z.coerce.number().min(0).max(24).optional(),
  NUDGE_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  OPS_PORT: port,
  OPS_HOST: optionalText,
  PORT: port,
  USER_RATE_LIMIT: optionalText.refine((v) => v === undefined || /^[1-9]\d*(,\d+(\.\d+)?)?$/.test(v), 'must be BURST or BURST,PER_SECOND, e.g. 60,1'),
  // Sources (docs/sources.md). The key is never echoed in an error message.
  KEEPWARM_SECRET_KEY: optionalText.refine((v) => v === undefined || parseSecretKey(v) !== undefined, {
    message: 'must be 32 random bytes as base64 or hex (openssl rand -base64 32)',
  }),
  KEEPWARM_SOURCES_PRIVATE_HOSTS: z.enum(['allow', 'deny', '']).optional(),
  KEEPWARM_IMAP_HOST: optionalText,
  KEEPWARM_IMAP_PORT: port,
  KEEPWARM_IMAP_USER: optionalText,
  KEEPWARM_IMAP_PASSWORD: z.string().optional(),
  KEEPWARM_IMAP_TLS: z.enum(['implicit', 'starttls', 'none', '']).optional(),
  KEEPWARM_IMAP_INBOX: z.enum(['true', 'false', 'yes', 'no', '1', '0', '']).optional(),
  KEEPWARM_IMAP_FOR: optionalText,
}).superRefine((e, ctx) => {
  const given = [e.KEEPWARM_IMAP_HOST, e.KEEPWARM_IMAP_USER, e.KEEPWARM_IMAP_PASSWORD || undefined].filter((v) => v !== undefined).length;
  if (given > 0 && given < 3) {
    ctx.addIssue({ code: 'custom', path: ['KEEPWARM_IMAP_HOST'], message: 'the operator mailbox needs KEEPWARM_IMAP_HOST, KEEPWARM_IMAP_USER and KEEPWARM_IMAP_PASSWORD together' });
  }
});

/** One mailbox the operator configures for a single-user install (KEEPWARM_IMAP_*). */
export interface OperatorMailbox {
  host: string;
  port: number;
  tls: ImapTls;
  user: string;
  password: string;
  inbox: boolean;
  /** Whose mailbox: a keepwarm user (console:NAME, telegram:ID, slack:TEAM:USER); default the console user. */
  owner: string | undefined;
}

export type Config = {
  databaseUrl: string;
  logLevel: string | undefined;
  consoleUser: string | undefined;
  timeZone: string | undefined;
  locale: string | undefined;
  /** A nudge missed while the bot was down is still sent this late (default 6 h). */
  catchUpMs: number;
  sendConcurrency: number;
  /** SQLite durability: `normal` (default) or `full`; see docs/storage.md. */
  sqliteSynchronous: 'normal' | 'full';
  /** PostgreSQL connections per instance (default 10). */
  poolSize: number;
  /** OPS_PORT: /healthz, /readyz and /metrics on a port of their own (docs/operations.md). */
  opsPort: number | undefined;
  /** OPS_HOST: the address the ops server listens on (default 0.0.0.0). */
  opsHost: string;
  /** PORT: the ops server's port when no platform serves HTTP (Slack and Telegram read it too). */
  port: number | undefined;
  /** USER_RATE_LIMIT: each user's bounded share of keepwarm (src/user-limit.ts). */
  userLimit: UserLimit;
  /** KEEPWARM_SECRET_KEY as a sealing box; undefined when unset (sources then refuse to store credentials). */
  secretBox: SecretBox | undefined;
  /** KEEPWARM_SOURCES_PRIVATE_HOSTS=allow: sources may reach loopback and private addresses (a home server). */
  allowPrivateHosts: boolean;
  operatorMailbox: OperatorMailbox | undefined;
};

function userLimitOf(value: string | undefined): UserLimit {
  if (value === undefined) return DEFAULT_USER_LIMIT;
  const [burst, perSecond] = value.split(',').map(Number);
  if (perSecond !== undefined && perSecond <= 0) throw new ConfigError('invalid configuration — USER_RATE_LIMIT: the rate a second must be above 0');
  return { ...DEFAULT_USER_LIMIT, burst: burst ?? DEFAULT_USER_LIMIT.burst, perSecond: perSecond ?? DEFAULT_USER_LIMIT.perSecond };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    consoleUser: e.KEEPWARM_USER,
    timeZone: e.TZ,
    locale: e.LANG,
    catchUpMs: (e.NUDGE_CATCH_UP_HOURS ?? 6) * 3600_000,
    sendConcurrency: e.NUDGE_SEND_CONCURRENCY ?? 4,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS?.toLowerCase() === 'full' ? 'full' : 'normal',
    poolSize: e.DATABASE_POOL_SIZE ?? 10,
    opsPort: e.OPS_PORT,
    opsHost: e.OPS_HOST ?? '0.0.0.0',
    port: e.PORT,
    userLimit: userLimitOf(e.USER_RATE_LIMIT),
    secretBox: e.KEEPWARM_SECRET_KEY ? createSecretBox(parseSecretKey(e.KEEPWARM_SECRET_KEY)!) : undefined,
    allowPrivateHosts: e.KEEPWARM_SOURCES_PRIVATE_HOSTS === 'allow',
    operatorMailbox: operatorMailbox(e),
  };
}

function operatorMailbox(e: z.infer<typeof schema>): OperatorMailbox | undefined {
  if (!e.KEEPWARM_IMAP_HOST || !e.KEEPWARM_IMAP_USER || !e.KEEPWARM_IMAP_PASSWORD) return undefined;
  const tls: ImapTls = e.KEEPWARM_IMAP_TLS || 'implicit';
  return {
    host: e.KEEPWARM_IMAP_HOST,
    port: e.KEEPWARM_IMAP_PORT ?? (tls === 'implicit' ? 993 : 143),
    tls,
    user: e.KEEPWARM_IMAP_USER,
    password: e.KEEPWARM_IMAP_PASSWORD,
    inbox: ['true', 'yes', '1'].includes(e.KEEPWARM_IMAP_INBOX ?? ''),
    owner: e.KEEPWARM_IMAP_FOR,
  };
}
