/**
 * The real Slack adapter (bolt in HTTP mode) on an in-memory database, talking
 * to a fake Slack Web API; tests play Slack with signed requests.
 */
import { createConversation, type Conversation, type SourcesAccess } from '../../src/bot/conversation.ts';
import { createLogger } from '../../src/log.ts';
import type { Incoming } from '../../src/port.ts';
import type { UserLimiter } from '../../src/user-limit.ts';
import type { Database } from '../../src/store/db.ts';
import type { SlackConfig } from '../../adapters/slack/config.ts';
import { startSlack, type RunningSlack } from '../../adapters/slack/start.ts';
import { memoryDatabase } from '../doubles/chat.ts';
import { FakeSlack, type FakeTeam } from '../doubles/fake-slack.ts';
import { SlackSender } from '../doubles/slack-requests.ts';

export const SECRET = 'test-signing-secret';

export interface SlackTest {
  fake: FakeSlack;
  slack: RunningSlack;
  sender: SlackSender;
  database: Database;
  /** Every Incoming the bot was handed, in order. */
  seen: Incoming[];
  /** What the app logged at warn or error (or at `logLevel`). */
  logs: { level: number; msg: string; [key: string]: unknown }[];
  /** Every log line as written. */
  rawLogs: string[];
  team: FakeTeam;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** OAuth distribution instead of one SLACK_BOT_TOKEN workspace. */
  oauth?: boolean;
  /** Wraps the real bot (to watch or to play a part of main's bot). */
  wrap?: (bot: Conversation) => Pick<Conversation, 'handle'>;
  config?: Partial<SlackConfig>;
  now?: () => Date;
  /** The log level of the app (default warn). */
  logLevel?: string;
  /** Each user's bounded share (default: the production default). */
  limiter?: UserLimiter;
  /** Calendars and mailboxes for the conversation (test/sources/platforms.test.ts). */
  sources?: SourcesAccess;
}

export async function startSlackTest(options: HarnessOptions = {}): Promise<SlackTest> {
  const fake = await FakeSlack.start();
  const team = fake.addTeam({ id: 'T1', token: 'xoxb-t1' });
  const database = await memoryDatabase();
  const logs: SlackTest['logs'] = [];
  const rawLogs: string[] = [];
  // The logger main.ts makes, with the secrets the test configures.
  const log = createLogger(
    options.logLevel ?? 'warn',
    {
      write: (line: string) => {
        rawLogs.push(line);
        logs.push(JSON.parse(line) as SlackTest['logs'][number]);
      },
    },
    { secrets: [team.token, SECRET, fake.clientSecret, 'state-secret'] },
  );
  const real = createConversation({ db: database.db, log, ...(options.sources ? { sources: options.sources } : {}) });
  const seen: Incoming[] = [];
  const watched: Conversation = {
    ...real,
    handle(incoming, now) {
      seen.push(incoming);
      return real.handle(incoming, now);
    },
  };
  const conversation = options.wrap ? { ...watched, ...options.wrap(watched) } : watched;
  const config: SlackConfig = {
    mode: 'http',
    auth: options.oauth
      ? { kind: 'oauth', clientId: fake.clientId, clientSecret: fake.clientSecret, stateSecret: 'state-secret' }
      : { kind: 'token', botToken: team.token },
    signingSecret: SECRET,
    appToken: undefined,
    port: 0,
    apiUrl: fake.apiUrl,
    sendPerSecond: 50,
    // A failing call must fail the test now, not after half an hour of retries.
    apiRetries: 0,
    ...options.config,
  };
  const slack = await startSlack({ conversation, db: database.db, log, config, ...(options.now ? { now: options.now } : {}), ...(options.limiter ? { limiter: options.limiter } : {}) });
  const sender = new SlackSender(`http://127.0.0.1:${slack.port}`, SECRET, fake);
  return {
    fake,
    slack,
    sender,
    database,
    seen,
    logs,
    rawLogs,
    team,
    async stop() {
      await slack.stop();
      await fake.stop();
      await database.close();
    },
  };
}

/** The text of a rendered message or view: every section's mrkdwn, joined. */
export function blocksText(blocks: unknown): string {
  return ((blocks ?? []) as { type: string; text?: { text: string } }[])
    .filter((b) => b.type === 'section')
    .map((b) => b.text?.text ?? '')
    .join('\n');
}

/** The buttons of rendered blocks: label and value. */
export function blocksButtons(blocks: unknown): { label: string; value: string; actionId: string }[] {
  return ((blocks ?? []) as { type: string; elements?: { text: { text: string }; value: string; action_id: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ label: e.text.text, value: e.value, actionId: e.action_id }));
}

/** Slack shows mrkdwn without its invisible joiners; tests read it the same way. */
export function visible(text: string): string {
  return text.replace(/\u2060/g, '');
}
