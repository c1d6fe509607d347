/**
 * The pace of messages keepwarm starts itself (nudges): below Slack's limits
 * rather than into them. `chat.postMessage` allows about one message a second
 * per channel and an unpublished workspace-wide rate ("special" tier); after a
 * 429 nothing goes to that workspace before its Retry-After has passed.
 */
import { DeliveryError } from '../../src/port.ts';

export interface PaceOptions {
  /** Messages per second into one workspace. */
  perSecond: number;
  /** Messages per second into one channel. */
  perChatPerSecond: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Pace {
  private readonly workspaceNext = new Map<string, number>();
  private readonly channelNext = new Map<string, number>();
  private readonly coolUntil = new Map<string, number>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PaceOptions) {
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? wait;
  }

  /**
   * Waits for the next free slot of the workspace and the channel. While
   * Slack has asked to wait it does not wait: it fails at once with
   * `rate_limited` and the time left, so the caller decides what to do.
   */
  async acquire(teamId: string, channel: string): Promise<void> {
    const now = this.clock();
    const cool = this.coolUntil.get(teamId) ?? 0;
    if (cool > now) throw new DeliveryError('rate_limited', `Slack asked to wait (workspace ${teamId})`, cool - now);
    const channelKey = `${teamId}:${channel}`;
    const at = Math.max(now, this.workspaceNext.get(teamId) ?? 0, this.channelNext.get(channelKey) ?? 0);
    this.workspaceNext.set(teamId, at + 1000 / this.options.perSecond);
    this.channelNext.set(channelKey, at + 1000 / this.options.perChatPerSecond);
    this.forgetPast(now);
    if (at > now) await this.sleep(at - now);
  }

  /** Slack answered 429: hold the whole workspace for `ms`. */
  coolDown(teamId: string, ms: number): void {
    this.coolUntil.set(teamId, Math.max(this.coolUntil.get(teamId) ?? 0, this.clock() + ms));
  }

  /** Slots in the past say nothing; dropping them keeps the maps small. */
  private forgetPast(now: number): void {
    if (this.channelNext.size < 10_000) return;
    for (const map of [this.channelNext, this.workspaceNext, this.coolUntil]) {
      for (const [key, at] of map) if (at <= now) map.delete(key);
    }
  }
}
