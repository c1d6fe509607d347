/** Every follow-up keepwarm promises after /met is a follow-up the nudge brings; none is promised for D. */
import { expect, it } from 'vitest';
import { world } from '../scheduler/world.ts';

it('a follow-up is promised and nudged for tiers A, B and C; a D contact is promised none and never named', async () => {
  // Monday 23 November 2026, 10:00 in Berlin: after the day's nudge time.
  const w = await world({ start: '2026-11-23T09:00:00Z' });
  const promised = new Map<string, string>();
  for (const [name, tier] of [['Alma Aho', 'A'], ['Bert Bolt', 'B'], ['Cleo Cruz', 'C'], ['Dina Dorn', 'D']] as const) {
    await w.chat.say(`/met ${name} at the fair, tier ${tier}`);
    promised.set(name, w.chat.text());
  }
  for (const name of ['Alma Aho', 'Bert Bolt', 'Cleo Cruz']) expect(promised.get(name)).toContain("I'll suggest the follow-up on Tue 24 Nov");
  expect(promised.get('Dina Dorn')).not.toContain('follow-up');

  await w.tickAt('2026-11-24T08:00:00Z');
  const nudge = w.messenger.sent.at(-1)!.text;
  expect(nudge).toContain('the 3 people you met at fair: Alma Aho, Bert Bolt, Cleo Cruz');
  for (const day of ['25', '26', '27']) await w.tickAt(`2026-11-${day}T08:00:00Z`);
  for (const sent of w.messenger.sent) expect(sent.text).not.toContain('Dina Dorn');
});
