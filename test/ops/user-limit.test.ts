/** Each user's bounded share of keepwarm (src/user-limit.ts): a token bucket per user, and one notice a window. */
import { describe, expect, it } from 'vitest';
import { userLimiter } from '../../src/user-limit.ts';

describe('a user limiter', () => {
  it('admits a burst at once, then one a second; what comes faster is declined and the user told once a window', () => {
    let now = 0;
    const limiter = userLimiter({ burst: 3, perSecond: 1, noticeEveryMs: 60_000 }, () => now);
    expect(['a', 'a', 'a', 'a', 'a'].map((user) => limiter.admit(user))).toEqual(['admitted', 'admitted', 'admitted', 'notice', 'declined']);
    now = 1000;
    expect(limiter.admit('a')).toBe('admitted');
    expect(limiter.admit('a')).toBe('declined');
    now = 61_000;
    // A minute on: the bucket is full again, and a new flood gets a new notice.
    expect([1, 2, 3, 4].map(() => limiter.admit('a'))).toEqual(['admitted', 'admitted', 'admitted', 'notice']);
  });

  it("one user's flood leaves every other user's share whole", () => {
    const limiter = userLimiter({ burst: 2, perSecond: 1, noticeEveryMs: 60_000 }, () => 0);
    for (let i = 0; i < 1000; i++) limiter.admit('flood');
    expect([limiter.admit('other'), limiter.admit('other')]).toEqual(['admitted', 'admitted']);
  });
});
