/** Who a keepwarm user is on their chat platform. */
export type Platform = 'console' | 'telegram' | 'slack';
export const PLATFORMS: readonly Platform[] = ['console', 'telegram', 'slack'];

/** `teamId` is the Slack workspace; '' on platforms without one. */
export interface PlatformIdentity {
  platform: Platform;
  teamId: string;
  userId: string;
}

/**
 * The command-line spelling of an identity: `console:NAME`, `telegram:ID`,
 * `slack:TEAM:USER`; a bare NAME means `console:NAME`.
 */
export function parseIdentity(text: string): PlatformIdentity | undefined {
  const parts = text.split(':');
  if (parts.length === 1 && parts[0]) return { platform: 'console', teamId: '', userId: parts[0] };
  const [platform, a, b] = parts;
  if ((platform === 'console' || platform === 'telegram') && parts.length === 2 && a) return { platform, teamId: '', userId: a };
  if (platform === 'slack' && parts.length === 3 && a && b) return { platform, teamId: a, userId: b };
  return undefined;
}
