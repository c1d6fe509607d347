/** A messenger that records what it sends and fails when a test scripts it to. */
import { DeliveryError, type Messenger, type Platform, type Recipient, type Reply } from '../../src/port.ts';
import { plainText } from '../../src/rich.ts';

export interface Sent {
  to: Recipient;
  reply: Reply;
  messageId: string;
  text: string;
}

export type Failure = DeliveryError | Error;

export class FakeMessenger implements Messenger {
  readonly sent: Sent[] = [];
  readonly attempts: Recipient[] = [];
  /** Failures to throw, in order, for a user id (or '*' for anyone). */
  readonly script = new Map<string, Failure[]>();
  rateLimit: { perSecond: number; perChatPerSecond?: number } = { perSecond: 10_000 };
  private counter = 0;

  constructor(readonly platform: Platform = 'console') {}

  failNext(userId: string, ...failures: Failure[]): void {
    this.script.set(userId, [...(this.script.get(userId) ?? []), ...failures]);
  }

  async send(to: Recipient, reply: Reply): Promise<{ messageId: string }> {
    this.attempts.push(to);
    const own = this.script.get(to.userId);
    const failure = own?.shift() ?? this.script.get('*')?.shift();
    if (failure) throw failure;
    const messageId = `m${++this.counter}`;
    this.sent.push({ to, reply, messageId, text: plainText(reply.text) });
    return { messageId };
  }

  to(userId: string): Sent[] {
    return this.sent.filter((s) => s.to.userId === userId);
  }
}

export const rateLimited = (ms: number) => new DeliveryError('rate_limited', 'Too Many Requests', ms);
export const blocked = () => new DeliveryError('blocked', 'Forbidden: bot was blocked by the user');
export const serverError = () => new DeliveryError('transient', 'Internal Server Error');
