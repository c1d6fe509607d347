import { describe, expect, it } from 'vitest';
import { dunbarWarning, networkSize } from '../../src/core/network.ts';
import type { Tier } from '../../src/core/types.ts';
import { contact } from './fixtures.ts';

function many(count: number, tier: Tier, status: 'active' | 'archived' = 'active') {
  return Array.from({ length: count }, () => contact({ tier, status }));
}

describe('network size and Dunbar’s number', () => {
  it('counts active contacts per tier and archived ones apart', () => {
    const list = [...many(3, 'A'), ...many(5, 'B'), ...many(2, 'C'), ...many(1, 'D'), ...many(4, 'A', 'archived')];
    expect(networkSize(list)).toEqual({ A: 3, B: 5, C: 2, D: 1, active: 11, archived: 4 });
  });

  it('an empty network has no contacts and no warning', () => {
    expect(networkSize([])).toEqual({ A: 0, B: 0, C: 0, D: 0, active: 0, archived: 0 });
    expect(dunbarWarning([])).toEqual({ close: 0, limit: 150, over: false });
  });

  it('150 close relationships (A + B) are the limit, not over it', () => {
    expect(dunbarWarning([...many(50, 'A'), ...many(100, 'B')])).toEqual({ close: 150, limit: 150, over: false });
  });

  it('warns when A + B exceed 150', () => {
    expect(dunbarWarning([...many(51, 'A'), ...many(100, 'B')]).over).toBe(true);
  });

  it('C, D and archived contacts do not count as close', () => {
    const list = [...many(140, 'B'), ...many(100, 'C'), ...many(100, 'D'), ...many(100, 'A', 'archived')];
    expect(dunbarWarning(list)).toEqual({ close: 140, limit: 150, over: false });
  });
});
