/**
 * What keepwarm remembers about Slack users between messages, so it asks Slack
 * once rather than on every message: their time zone and locale (`users.info`,
 * Tier 4) and the id of their direct-message channel with the app
 * (`conversations.open`, Tier 3). Kept in memory, bounded and expiring.
 */
import type { webApi } from '@slack/bolt';

export interface Profile {
  timeZone?: string;
  locale?: string;
}

type Client = Pick<webApi.WebClient, 'users' | 'conversations'>;

/** A map that forgets its oldest entries beyond `max` and each entry after `ttlMs`. */
class Expiring<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly clock: () => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.clock() + ttlMs });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

const HOUR = 3600_000;

export class Directory {
  private readonly profiles: Expiring<Promise<Profile>>;
  private readonly dms: Expiring<Promise<string>>;

  constructor(options: { clock?: () => number; max?: number } = {}) {
    const clock = options.clock ?? Date.now;
    const max = options.max ?? 10_000;
    // A user changes zone when they travel: look again after a few hours.
    this.profiles = new Expiring(6 * HOUR, max, clock);
    this.dms = new Expiring(7 * 24 * HOUR, max, clock);
  }

  /** Time zone and locale from the user's Slack profile; empty when Slack will not say. */
  profile(client: Client, teamId: string, userId: string): Promise<Profile> {
    const key = `${teamId}:${userId}`;
    const known = this.profiles.get(key);
    if (known) return known;
    const asked = client.users.info({ user: userId, include_locale: true }).then(
      (result): Profile => ({
        ...(result.user?.tz ? { timeZone: result.user.tz } : {}),
        ...(result.user?.locale ? { locale: result.user.locale } : {}),
      }),
      (): Profile => {
        // Without a profile keepwarm still answers (in UTC and English until
        // the user sets both); ask again in a minute rather than in hours.
        this.profiles.set(key, Promise.resolve({}), 60_000);
        return {};
      },
    );
    this.profiles.set(key, asked);
    return asked;
  }

  /** The app's DM channel with the user, opened once. */
  dmChannel(client: Client, teamId: string, userId: string): Promise<string> {
    const key = `${teamId}:${userId}`;
    const known = this.dms.get(key);
    if (known) return known;
    const opened = client.conversations.open({ users: userId }).then((result) => {
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    });
    this.dms.set(key, opened);
    opened.catch(() => this.dms.delete(key));
    return opened;
  }

  /** A DM channel seen in an event: no need to open it. */
  rememberDm(teamId: string, userId: string, channel: string): void {
    this.dms.set(`${teamId}:${userId}`, Promise.resolve(channel));
  }
}

/** True for a direct-message channel id (`D…`). */
export function isDmChannel(id: string | null | undefined): id is string {
  return typeof id === 'string' && /^D[A-Z0-9]+$/.test(id);
}
