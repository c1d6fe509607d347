/**
 * Slack's part of the configuration, read from the environment (README
 * "Slack"). Undefined when no Slack variable is set; a malformed or
 * incomplete set stops keepwarm with a ConfigError naming the variable.
 */
import { z } from 'zod';
import { ConfigError } from '../../src/config.ts';

export interface SlackConfig {
  /** Socket Mode (an app-level token, no public URL) or HTTP (signed requests on `port`). */
  mode: 'socket' | 'http';
  /** One workspace with a bot token, or any number installed through OAuth. */
  auth: { kind: 'token'; botToken: string } | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };
  signingSecret: string | undefined;
  appToken: string | undefined;
  /** HTTP mode: the request URL port; Socket Mode with OAuth: the install pages' port. */
  port: number;
  /** The Web API base URL (default Slack's); a test fake or a proxy. */
  apiUrl: string | undefined;
  /** Messages per second keepwarm sends into one workspace on its own initiative (nudges). */
  sendPerSecond: number;
  /** Retries of a failed Web API call while answering a user (never for nudges). */
  apiRetries: number;
}

const text = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const prefixed = (prefix: string, what: string) => text.refine((v) => v === undefined || v.startsWith(prefix), `must be ${what} starting with ${prefix}`);

const number = (ok: (n: number) => boolean, what: string) =>
  text.transform((v) => (v === undefined ? undefined : Number(v))).refine((n) => n === undefined || (Number.isFinite(n) && ok(n)), `must be ${what}`);

const schema = z.object({
  SLACK_BOT_TOKEN: prefixed('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: prefixed('xapp-', 'an app-level token'),
  SLACK_SIGNING_SECRET: text,
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: text,
  SLACK_API_URL: text.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL'),
  PORT: number((n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number (0–65535)'),
  SLACK_SEND_PER_SECOND: number((n) => n > 0 && n <= 50, 'a number of messages per second above 0, at most 50'),
  SLACK_API_RETRIES: number((n) => Number.isInteger(n) && n >= 0 && n <= 10, 'a whole number from 0 to 10'),
});

/** The Slack configuration, or undefined when Slack is not configured at all. */
export function slackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const oauthVars = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const any = [e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET, ...oauthVars].some((v) => v !== undefined);
  if (!any) return undefined;

  const oauth = oauthVars.some((v) => v !== undefined);
  if (oauth) {
    const missing = (['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const).filter((name) => e[name] === undefined);
    if (missing.length > 0) throw new ConfigError(`invalid configuration — ${missing.join(', ')}: required for the Slack OAuth install flow`);
    if (e.SLACK_BOT_TOKEN !== undefined) {
      throw new ConfigError('invalid configuration — SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID (OAuth stores a token per workspace)');
    }
  } else if (e.SLACK_BOT_TOKEN === undefined) {
    throw new ConfigError('invalid configuration — SLACK_BOT_TOKEN: required for Slack (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth)');
  }
  if (e.SLACK_APP_TOKEN === undefined && e.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError('invalid configuration — SLACK_SIGNING_SECRET: required for Slack over HTTP (or SLACK_APP_TOKEN for Socket Mode)');
  }

  return {
    mode: e.SLACK_APP_TOKEN !== undefined ? 'socket' : 'http',
    auth: oauth
      ? { kind: 'oauth', clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET! }
      : { kind: 'token', botToken: e.SLACK_BOT_TOKEN! },
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    port: e.PORT ?? 3000,
    apiUrl: e.SLACK_API_URL,
    sendPerSecond: e.SLACK_SEND_PER_SECOND ?? 4,
    apiRetries: e.SLACK_API_RETRIES ?? 2,
  };
}
