/** Never a silent guess: ambiguous and unknown names become questions with buttons. */
import { describe, expect, it } from 'vitest';
import { startChat } from '../doubles/chat.ts';

describe('asking instead of guessing', () => {
  it('two Annas are asked about, and the chosen one gets the note', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Schmidt, tier A');
    await chat.say('/add Anna Berg, tier B');
    await chat.say('/note Anna likes sailing');
    expect(chat.text()).toContain('2 contacts match Anna — which one?');
    expect(chat.buttons().map((b) => b.label)).toEqual(['Anna Berg (B)', 'Anna Schmidt (A)']);
    await chat.press('Anna Berg');
    expect(chat.text()).toContain('Note on Anna Berg: likes sailing');
    await chat.say('/show Anna Schmidt');
    expect(chat.text()).not.toContain('likes sailing');
  });

  it('a button of an answered question acts only once', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Schmidt');
    await chat.say('/add Anna Berg');
    await chat.say('/note Anna first');
    const pick = chat.buttons()[0]!.action;
    await chat.pressAction(pick);
    expect(chat.text()).toContain('Note on Anna Berg');
    await chat.pressAction(pick);
    expect(chat.text()).toContain('no longer open');
    await chat.say('/show Anna Berg');
    expect(chat.text().match(/first/g)).toHaveLength(1);
  });

  it('an unknown name offers to add the person, then logs the touch', async () => {
    const chat = await startChat();
    await chat.say('called Bob last Friday about the offer');
    await chat.press('Add Bob');
    expect(chat.text()).toContain('Added Bob — tier B');
    expect(chat.text()).toContain('Logged a call with Bob on Fri 20 Nov — about the offer');
  });

  it('a typed yes answers the offer to add', async () => {
    const chat = await startChat();
    await chat.say('emailed Carla');
    await chat.say('yes');
    expect(chat.text()).toContain('Logged an email with Carla today');
  });

  it('/met of a known name asks whether it is the same person', async () => {
    const chat = await startChat();
    await chat.say('/met Anna Schmidt at Verbandstagung, tier A');
    await chat.say('/met Anna at Web Summit');
    expect(chat.text()).toContain('You already have Anna Schmidt (tier A, Verbandstagung). Is Anna the same person?');
    await chat.press('Same: Anna Schmidt');
    expect(chat.text()).toContain('Logged a meeting with Anna Schmidt today');
    await chat.say('/list');
    expect(chat.text().match(/Anna/g)).toHaveLength(1);

    await chat.say('/met Anna at the Handelskammer');
    await chat.press('New contact');
    expect(chat.text()).toContain('Met Anna at Handelskammer today');
    await chat.say('/list');
    expect(chat.text().match(/• Anna/g)).toHaveLength(2);
  });

  it('/delete asks first; cancel keeps the contact, confirm deletes it, undo brings it back', async () => {
    const chat = await startChat();
    await chat.say('/met Tom at Hack Day');
    await chat.say('/note Tom builds robots');
    await chat.say('/delete Tom');
    expect(chat.text()).toContain('Delete Tom with all notes');
    await chat.press('Cancel');
    expect(chat.text()).toContain('cancelled');
    await chat.say('/show Tom');
    expect(chat.text()).toContain('builds robots');

    await chat.say('/delete Tom');
    await chat.press('Delete Tom');
    expect(chat.text()).toContain('Tom deleted');
    await chat.say('/show Tom');
    expect(chat.text()).toContain("I don't know Tom");

    await chat.say('/undo');
    expect(chat.text()).toContain('Undone: deleting Tom');
    await chat.say('/show Tom');
    expect(chat.text()).toContain('builds robots');
    expect(chat.text()).toContain('Hack Day');
  });

  it('a yes with nothing open says so', async () => {
    const chat = await startChat();
    await chat.say('yes');
    expect(chat.text()).toContain('no open question');
  });
});

describe('forwarded messages', () => {
  it('a message forwarded from a known contact logs a message touch on the day it was written', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Schmidt, tier A, last talked 5 months ago');
    chat.replies = await chat.bot.handle(
      { from: chat.who, chatId: 'c', forwardedFrom: { name: 'Anna Schmidt', at: new Date('2026-11-22T15:00:00Z') } },
      chat.now,
    );
    expect(chat.text()).toContain('Logged a message with Anna Schmidt on Sun 22 Nov');
  });

  it('an unknown sender is offered as a new contact', async () => {
    const chat = await startChat();
    chat.replies = await chat.bot.handle({ from: chat.who, chatId: 'c', forwardedFrom: { name: 'Zoe Park' } }, chat.now);
    expect(chat.text()).toContain("I don't know Zoe Park yet");
  });
});
