/**
 * One truth about a contact's last contact: a logged touch (a meeting is one —
 * /met logs it). A contact added without a last-contact date has had none yet,
 * and every view says so: /list, /find, /show, /overdue, /review and the
 * exports. Its cadence still counts from the day it was added (DESIGN §2), so
 * it does come due.
 */
import { describe, expect, it } from 'vitest';
import { startChat } from '../doubles/chat.ts';

describe('a contact added without a last-contact date', () => {
  it('has had no contact yet in every view and export, in English', async () => {
    const chat = await startChat();
    await chat.say('/add Bob Meyer, tier B');
    await chat.say('/list');
    expect(chat.text()).toContain('Bob Meyer (B) · no contact yet');
    await chat.say('/find Bob');
    expect(chat.text()).toContain('Bob Meyer (B) · no contact yet');
    await chat.say('/show Bob');
    expect(chat.text()).toContain('Last contact: none yet');
    await chat.say('/export csv');
    const csv = chat.replies.find((r) => r.file)!.file!.content.toString().trim().split('\n');
    const header = csv[0]!.replace(/^\uFEFF/, '').split(',');
    expect(csv[1]!.split(',')[header.indexOf('Last contact')]).toBe('');
    await chat.say('/export json');
    expect(JSON.parse(chat.replies.find((r) => r.file)!.file!.content.toString()).contacts[0].lastTouchOn).toBeNull();

    // 200 days on, the cadence (180 days, counted from the day it was added) has run out.
    chat.advanceDays(200);
    await chat.say('/overdue');
    expect(chat.text()).toContain('Bob Meyer — no contact yet, 20 days over');
    await chat.say('/list');
    expect(chat.text()).toContain('Bob Meyer (B) · no contact yet');
    await chat.say('/review');
    expect(chat.text()).toContain('Bob Meyer (tier B) · no contact yet');
    await chat.say('/today');
    expect(chat.text()).toContain('Bob Meyer (B) — 20 days overdue · no contact yet');
  });

  it('has had no contact yet, in German', async () => {
    const chat = await startChat({ locale: 'de' });
    await chat.say('/add Bob Meyer, Stufe B');
    await chat.say('/list');
    expect(chat.text()).toContain('Bob Meyer (B) · noch kein Kontakt');
    chat.advanceDays(200);
    await chat.say('/overdue');
    expect(chat.text()).toContain('Bob Meyer — noch kein Kontakt, 20 Tage drüber');
  });

  it('once a call is logged, every view names that call', async () => {
    const chat = await startChat();
    await chat.say('/add Bob Meyer, tier B');
    await chat.say('called Bob');
    await chat.say('/list');
    expect(chat.text()).toContain('Bob Meyer (B) · last contact today');
    await chat.say('/show Bob');
    expect(chat.text()).toMatch(/Last contact: .*today/);
  });
});
