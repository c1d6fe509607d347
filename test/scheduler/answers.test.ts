/** Answering the nudge: by button, by reply, by a plain "done"; and what the nudge then shows. */
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/rich.ts';
import { world } from './world.ts';

async function nudged() {
  const w = await world();
  await w.chat.say('/add Anna Schmidt, tier A, last talked 3 months ago');
  await w.chat.say('/note Anna promoted to CFO');
  await w.chat.say('/add Bob Meyer, tier B, last talked 1 year ago');
  await w.tickAt('2026-11-24T08:00:00Z');
  const nudge = w.messenger.sent[0]!;
  return { ...w, nudge };
}

const button = (labels: { label: string; action: string }[][] | undefined, label: string) => {
  const found = labels?.flat().find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label}`);
  return found.action;
};

describe('answers to the nudge', () => {
  it('the nudge carries the newest note as the thing to talk about', async () => {
    const { nudge } = await nudged();
    expect(nudge.text).toContain('talk about: promoted to CFO');
  });

  it('Done under the nudge logs the touch and edits the nudge in place to show it', async () => {
    const { chat, nudge } = await nudged();
    const replies = await chat.bot.handle(
      { from: chat.who, chatId: 'c', action: button(nudge.reply.buttons, '✅ Done: Anna Schmidt'), replyToMessageId: nudge.messageId },
      chat.now,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]!.editMessageId).toBe(nudge.messageId);
    const text = plainText(replies[0]!.text);
    expect(text).toContain('Anna Schmidt — ✅ done (next due Sat 23 Jan 2027)');
    expect(text).toContain('Bob Meyer (B) — 186 days overdue · last contact 366 days ago');
    expect(replies[0]!.buttons!.flat().map((b) => b.label)).not.toContain('✅ Done: Anna Schmidt');
    await chat.say('/show Anna');
    expect(chat.text()).toContain('Last contact: Tue 24 Nov (today)');
  });

  it('pressing Done twice logs one touch', async () => {
    const { chat, nudge } = await nudged();
    const press = { from: chat.who, chatId: 'c', action: button(nudge.reply.buttons, '✅ Done: Bob Meyer'), replyToMessageId: nudge.messageId };
    await chat.bot.handle({ ...press, eventId: 'cb-1' }, chat.now);
    await chat.bot.handle({ ...press, eventId: 'cb-1' }, chat.now);
    expect(await chat.db.selectFrom('touches').selectAll().where('touched_on', '=', '2026-11-24').execute()).toHaveLength(1);
  });

  it('a reply "done Bob" to the nudge message applies to it, and says what was logged', async () => {
    const { chat, nudge } = await nudged();
    const replies = await chat.bot.handle({ from: chat.who, chatId: 'c', text: 'done Bob', replyToMessageId: nudge.messageId }, chat.now);
    expect(plainText(replies[0]!.text)).toContain('Logged contact with Bob Meyer today');
    expect(replies[1]!.editMessageId).toBe(nudge.messageId);
    expect(plainText(replies[1]!.text)).toContain('Bob Meyer — ✅ done');
  });

  it('a plain "done" with two open asks which; "done both" takes both', async () => {
    const { chat } = await nudged();
    await chat.say('done');
    expect(chat.text()).toContain('Which one — Anna Schmidt or Bob Meyer?');
    expect(chat.buttons().map((b) => b.label)).toEqual(['Anna Schmidt', 'Bob Meyer', 'Both']);
    await chat.say('done both');
    expect(chat.text()).toContain('Logged contact with Anna Schmidt');
    expect(chat.text()).toContain('Logged contact with Bob Meyer');
    await chat.say('done');
    expect(chat.text()).toContain('Whom do you mean?');
  });

  it('the Both button answers both', async () => {
    const { chat } = await nudged();
    await chat.say('skip');
    await chat.press('Both');
    expect(chat.text()).toContain('Skipped Anna Schmidt for today');
    expect(chat.text()).toContain('Skipped Bob Meyer for today');
  });

  it('with one left open, a plain "done" applies to it; the note after a comma is kept', async () => {
    const { chat } = await nudged();
    await chat.say('done Anna');
    await chat.say('/done Bob, talked about the offer');
    await chat.say('/show Bob');
    expect(chat.text()).toContain('talked about the offer');
  });

  it('"no answer" logs the attempt, keeps the cadence and promises the person back on the nudge day 3 days on', async () => {
    const { chat, tickAt, messenger } = await nudged();
    await chat.say('no answer Anna');
    expect(chat.text()).toContain("tried Anna Schmidt, no answer. The cadence is unchanged; I'll suggest them again on Fri 27 Nov.");
    expect(chat.text()).toContain('Anna Schmidt — 📵 no answer — back Fri 27 Nov');
    await tickAt('2026-11-25T08:00:00Z');
    await tickAt('2026-11-26T08:00:00Z');
    expect(messenger.sent.slice(1).map((s) => s.text).join('\n')).not.toContain('Anna');
    await tickAt('2026-11-27T08:00:00Z');
    expect(messenger.sent.at(-1)!.text).toContain('Anna Schmidt (A)');
  });

  it('Snooze 1 week under the nudge leaves the person out for a week', async () => {
    const { chat, nudge, tickAt, messenger } = await nudged();
    await chat.bot.handle({ from: chat.who, chatId: 'c', action: button(nudge.reply.buttons, '💤 1 wk'), replyToMessageId: nudge.messageId }, chat.now);
    for (const day of ['25', '26', '27', '30']) await tickAt(`2026-11-${day}T08:00:00Z`);
    expect(messenger.sent.slice(1).map((s) => s.text).join('\n')).not.toContain('Anna');
    await tickAt('2026-12-01T08:00:00Z');
    expect(messenger.sent.at(-1)!.text).toContain('Anna Schmidt (A)');
  });
});

describe('whom the nudge names', () => {
  it('not the same person for their cadence two days running', async () => {
    const w = await world();
    await w.chat.say('/settings count 1');
    await w.chat.say('/add Anna, tier A, last talked 5 months ago');
    await w.chat.say('/add Bob, tier A, last talked 4 months ago');
    await w.tickAt('2026-11-24T08:00:00Z');
    await w.tickAt('2026-11-25T08:00:00Z');
    await w.tickAt('2026-11-26T08:00:00Z');
    expect(w.messenger.sent.map((s) => s.text.match(/1\. (\w+)/)?.[1])).toEqual(['Anna', 'Bob', 'Anna']);
  });

  it('follow-ups do not count against the cap, and people met at one event share a line', async () => {
    const w = await world();
    await w.chat.say('/settings count 1');
    await w.chat.say('/add Old Friend, tier A, last talked 5 months ago');
    for (const name of ['Ann', 'Ben', 'Cem', 'Dan']) await w.chat.say(`/met ${name} Vogt at Verbandstagung, tier B`);
    await w.chat.say('/met Eva Roth at Web Summit, tier A');
    await w.tickAt('2026-11-24T08:00:00Z');
    const nudge = w.messenger.sent[0]!;
    expect(nudge.text).toContain('1. Old Friend (A)');
    expect(nudge.text).toContain('the 4 people you met at Verbandstagung: Ann Vogt, Ben Vogt, Cem Vogt, Dan Vogt');
    expect(nudge.text).toContain('Eva Roth (Web Summit');
    const labels = nudge.reply.buttons!.flat().map((b) => b.label);
    expect(labels).toContain('✅ All 4 · Verbandstagung');
    expect(labels).toContain('✅ Eva Roth');

    const replies = await w.chat.bot.handle(
      { from: w.chat.who, chatId: 'c', action: button(nudge.reply.buttons, '✅ All 4 · Verbandstagung'), replyToMessageId: nudge.messageId },
      w.chat.now,
    );
    expect(plainText(replies[0]!.text)).toContain('Ann Vogt ✅, Ben Vogt ✅, Cem Vogt ✅, Dan Vogt ✅');
    await w.chat.say('/show Cem');
    expect(w.chat.text()).toContain('second touch');
  });

  it('a new acquaintance gets a second touch two weeks after the follow-up, then one tier question', async () => {
    const w = await world();
    await w.chat.say('/met Carla Rossi at Web Summit, tier B');
    await w.tickAt('2026-11-24T08:00:00Z');
    expect(w.messenger.sent[0]!.text).toContain('Quick follow-ups');
    await w.chat.say('done Carla');
    await w.tickAt('2026-12-08T08:00:00Z');
    expect(w.messenger.sent.at(-1)!.text).toContain('Carla Rossi — a second touch, two weeks on');
    await w.chat.say('done Carla');
    await w.tickAt('2026-12-09T08:00:00Z');
    const question = w.messenger.sent.at(-1)!;
    expect(question.text).toContain('Carla Rossi is tier B — tap to confirm or change.');
    const replies = await w.chat.bot.handle(
      { from: w.chat.who, chatId: 'c', action: button(question.reply.buttons, 'Carla Rossi: A'), replyToMessageId: question.messageId },
      w.chat.now,
    );
    // One mark per person, for what the answer was: a tier, not "done".
    expect(plainText(replies[0]!.text)).toContain('Carla Rossi — 🏷 now tier A');
    await w.tickAt('2026-12-10T08:00:00Z');
    expect(w.messenger.sent.map((s) => s.text).join('\n').match(/tap to confirm/g)).toHaveLength(1);
  });

  it('three ignored nudges in a row turn into a question: keep, move to C, or archive', async () => {
    const w = await world();
    await w.chat.say('/settings days daily');
    await w.chat.say('/settings count 1');
    await w.chat.say('/add Tom, tier A, last talked 1 year ago');
    await w.chat.say('/add Una, tier A, last talked 11 months ago');
    for (const day of ['24', '25', '26', '27', '28', '29', '30']) await w.tickAt(`2026-11-${day}T08:00:00Z`);
    const texts = w.messenger.sent.map((s) => s.text);
    const asked = texts.findIndex((t) => t.includes('Not contacted after three nudges'));
    expect(asked).toBeGreaterThan(0);
    expect(texts[asked]).toMatch(/• (Tom|Una) \(A\)/);
    const question = w.messenger.sent[asked]!;
    const name = question.text.match(/• (Tom|Una) \(A\)/)![1]!;
    await w.chat.bot.handle({ from: w.chat.who, chatId: 'c', action: button(question.reply.buttons, `${name} → C`), replyToMessageId: question.messageId }, w.chat.now);
    await w.chat.say(`/show ${name}`);
    expect(w.chat.text()).toContain('tier C');
  });

  it('Monday\'s nudge opens with last week in one line', async () => {
    const w = await world({ start: '2026-11-16T09:00:00Z' });
    await w.chat.say('/add Anna, tier A, last talked 5 months ago');
    await w.chat.say('/add Bob, tier B, last talked 1 year ago');
    w.at('2026-11-18T12:00:00Z');
    await w.chat.say('called Bob yesterday');
    await w.chat.say('/add Carl, tier A, last talked 4 months ago');
    await w.tickAt('2026-11-23T08:00:00Z');
    expect(w.messenger.sent.at(-1)!.text).toContain('Last week: 1 touch, 0 % on A contacts (aim 80 %).');
  });

  it('every 6 months the nudge invites a /review, once', async () => {
    const w = await world({ start: '2026-05-01T09:00:00Z' });
    await w.chat.say('/settings days daily');
    await w.chat.say('/settings count 1');
    await w.chat.say('/add Anna, tier A, last talked 5 months ago');
    await w.chat.say('/add Bob, tier A, last talked 6 months ago');
    // Berlin is back on UTC+1 since 25 October: 09:00 local is 08:00Z.
    for (const day of ['2026-10-30', '2026-10-31', '2026-11-01']) await w.tickAt(`${day}T08:00:00Z`);
    const invites = w.messenger.sent.filter((s) => s.text.includes('/review'));
    expect(w.messenger.sent).toHaveLength(3);
    expect(invites).toHaveLength(1);
  });
});
