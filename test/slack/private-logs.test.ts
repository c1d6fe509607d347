/**
 * No contact name and no message text in the log at any level (issue 16):
 * bolt and its Web API client log request and response bodies as strings at
 * debug level; keepwarm's bolt logger keeps what happened and drops what was
 * said. The real Slack adapter at LOG_LEVEL=trace, a conversation with names
 * and texts found nowhere else, then the whole log scanned.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET, startSlackTest, type SlackTest } from './harness.ts';

let t: SlackTest | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** Words of the conversation that must never reach the log. */
const SAID = ['Zelda', 'Quux', 'Hafenfest', 'Kieler', 'regatta', 'spinnaker', 'Yorick', 'Plimpton', 'Fjordwerk'];

describe('the Slack log at debug and trace level', () => {
  it('says what happened, and names no contact and quotes no message, token or secret', async () => {
    t = await startSlackTest({ logLevel: 'trace' });
    const { sender, fake } = t;
    const met = await sender.command('T1', 'U1', '/met', 'Zelda Quux at Hafenfest Kieler Woche, tier A');
    await fake.waitFor(() => fake.responses.find((r) => r.path === met.responseUrl), 'the /met answer');
    await sender.message('T1', 'U1', 'called Zelda yesterday about the regatta and the new spinnaker');
    await fake.waitFor(() => fake.callsTo('chat.postMessage')[0], 'the answer in the DM');
    await sender.message('T1', 'U1', '/add Yorick Plimpton, tier B, company Fjordwerk');
    await fake.waitFor(() => fake.callsTo('chat.postMessage')[1], 'the second answer in the DM');
    await sender.homeOpened('T1', 'U1');
    await fake.waitFor(() => fake.callsTo('views.publish')[0], 'the Home tab');
    // A failing call is logged too.
    fake.fail('chat.postMessage', { error: 'internal_error' }, { times: 5 });
    await sender.message('T1', 'U1', 'note Zelda: loves the regatta');
    await fake.waitFor(() => t!.logs.find((l) => l.level >= 40), 'the failure to be logged');

    const lines = t.rawLogs;
    // The debug lines are there: bolt's and the Web API client's.
    expect(lines.filter((line) => line.includes('"level":20')).length).toBeGreaterThan(10);
    expect(lines.some((line) => line.includes('chat.postMessage'))).toBe(true);
    const all = lines.join('').toLowerCase();
    for (const word of SAID) expect(all, `"${word}" in the log`).not.toContain(word.toLowerCase());
    for (const secret of [t.team.token, SECRET]) expect(all).not.toContain(secret);
  });
});
