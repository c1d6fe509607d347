/**
 * keepwarm as a Slack app, end to end: the real bolt app in HTTP mode, signed
 * requests as Slack sends them, and a fake Web API recording every call.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngInside, readPicture } from '../doubles/png.ts';
import { blocksButtons, blocksText, startSlackTest, visible, type SlackTest } from './harness.ts';

let t: SlackTest;
beforeEach(async () => {
  t = await startSlackTest();
});
afterEach(async () => {
  await t.stop();
});

type Seen = Record<string, unknown> & { shown: string; buttons: ReturnType<typeof blocksButtons> };

/** The ephemeral answer that reached `path` (a command's or a button's response_url). */
async function answerAt(path: string): Promise<Seen> {
  const response = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path), `an answer at ${path}`);
  return { ...response.body, shown: visible(blocksText(response.body.blocks)), buttons: blocksButtons(response.body.blocks) };
}

/** The nth chat.postMessage (0-based), once it has happened. */
async function posted(n: number): Promise<Seen> {
  const call = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[n], `message ${n + 1}`);
  return { ...call.args, shown: visible(blocksText(call.args.blocks)), buttons: blocksButtons(call.args.blocks) };
}

async function touches(): Promise<number> {
  const row = await t.database.db.selectFrom('touches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('slash commands', () => {
  it('a /met conversation: acknowledged at once, answered to the user alone, "which Anna?" settled by a button', async () => {
    const first = await t.sender.command('T1', 'U1', '/met', 'Anna Schmidt at Verbandstagung, tier A');
    expect(first.response.status).toBe(200);
    expect(await first.response.text()).toBe('');
    const met = await answerAt(first.responseUrl);
    expect(met.response_type).toBe('ephemeral');
    expect(met.shown).toContain('Met *Anna Schmidt* at Verbandstagung');

    await answerAt((await t.sender.command('T1', 'U1', '/met', 'Anna Berg at Web Summit')).responseUrl);
    const which = await answerAt((await t.sender.command('T1', 'U1', '/note', 'Anna promoted to CFO')).responseUrl);
    expect(which.shown).toContain('which one?');
    const schmidt = which.buttons.find((button) => button.label.includes('Schmidt'))!;
    expect(schmidt.value).toMatch(/^pick:/);

    const press = await t.sender.press('T1', 'U1', schmidt.value, { type: 'message', channel: 'C0GENERAL', ts: '1700000300.000001', ephemeral: true });
    expect(press.response.status).toBe(200);
    const noted = await answerAt(press.responseUrl);
    expect(noted.response_type).toBe('ephemeral');
    expect(noted.shown).toContain('Note on *Anna Schmidt*: _promoted to CFO_');

    // One keepwarm user for (T1, U1), reached in the app's DM, in the zone and language of their Slack profile.
    const incoming = t.seen[0]!;
    expect(incoming).toMatchObject({ from: { platform: 'slack', teamId: 'T1', userId: 'U1' }, chatId: 'DT1U1', timeZone: 'Europe/Berlin', locale: 'en-US', text: '/met Anna Schmidt at Verbandstagung, tier A' });
    expect(incoming.eventId).toMatch(/^command:/);
    expect(t.seen[3]).toMatchObject({ action: schmidt.value, replyToMessageId: '1700000300.000001' });
    const users = await t.database.db.selectFrom('users').selectAll().execute();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ platform: 'slack', team_id: 'T1', platform_user_id: 'U1', chat_id: 'DT1U1' });
    // Slack was asked once, not once a message.
    expect(t.fake.callsTo('users.info')).toHaveLength(1);
    expect(t.fake.callsTo('conversations.open')).toHaveLength(1);
  });

  it('/keepwarm carries every other intent, and alone is the help with how commands work in Slack', async () => {
    await answerAt((await t.sender.command('T1', 'U1', '/keepwarm', 'add Bob Meyer, tier B')).responseUrl);
    const tier = await answerAt((await t.sender.command('T1', 'U1', '/keepwarm', 'tier Bob C')).responseUrl);
    expect(tier.shown).toContain('Bob Meyer');
    expect(tier.shown).toContain('tier C');
    const help = await answerAt((await t.sender.command('T1', 'U1', '/keepwarm', '')).responseUrl);
    expect(help.shown).toContain('What I understand');
    expect(help.shown).toContain('every other command goes after `/keepwarm`');
  });
});

describe('the app DM', () => {
  it('answers plain text in the DM, in the zone and language of the Slack profile', async () => {
    t.fake.users.set('T1:U2', { tz: 'America/New_York', locale: 'de-DE' });
    await t.sender.message('T1', 'U2', '/met Lena Vogel gestern beim Gründerstammtisch, Stufe B');
    const reply = await posted(0);
    expect(reply.channel).toBe('DT1U2');
    expect(reply.shown).toContain('kennengelernt');
    expect(reply.unfurl_links).toBe('false');
    expect(t.seen[0]).toMatchObject({ chatId: 'DT1U2', timeZone: 'America/New_York', locale: 'de-DE' });
    // The DM came with the event: no conversations.open.
    expect(t.fake.callsTo('conversations.open')).toHaveLength(0);
  });

  it('ignores messages from bots, edits and other channels', async () => {
    await t.sender.event('T1', { type: 'message', channel_type: 'im', channel: 'DT1U1', bot_id: 'B9', text: 'done', ts: '1.1' });
    await t.sender.event('T1', { type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'DT1U1', ts: '1.2' });
    await t.sender.event('T1', { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'stats', ts: '1.3' });
    await t.sender.message('T1', 'U1', '/stats');
    await posted(0);
    expect(t.seen.map((s) => s.text)).toEqual(['/stats']);
  });

  it("a retried event (x-slack-retry-num) changes nothing twice: one touch, one answer", async () => {
    await t.sender.message('T1', 'U1', '/add Bob Meyer, tier B, last talked 7 months ago');
    await posted(0);
    const before = await touches();
    const first = await t.sender.message('T1', 'U1', 'called Bob yesterday', { eventId: 'EvCALL' });
    await posted(1);
    for (const retry of ['1', '2']) {
      const again = await t.sender.message('T1', 'U1', 'called Bob yesterday', { eventId: first.eventId, headers: { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } });
      expect(again.response.status).toBe(200);
    }
    // A later message is handled after the retries (one user's updates run in order).
    await t.sender.message('T1', 'U1', '/overdue');
    const overdue = await posted(2);
    expect(overdue.shown).toContain('Nobody is overdue');
    expect(await touches()).toBe(before + 1);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('refuses a request with a bad signature (401) and changes nothing', async () => {
    const forged = await t.sender.command('T1', 'U1', '/met', 'Mallory at Nowhere', { secret: 'not-the-secret' });
    expect(forged.response.status).toBe(401);
    const tampered = await t.sender.post('command=%2Fmet&text=Eve&team_id=T1&user_id=U1', 'application/x-www-form-urlencoded', {
      headers: { 'x-slack-signature': 'v0=' + '0'.repeat(64) },
    });
    expect(tampered.status).toBe(401);
    expect(t.seen).toHaveLength(0);
    expect(await t.database.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a correctly signed request with a stale timestamp (a replay)', async () => {
    const replay = await t.sender.message('T1', 'U1', '/met Mallory at Nowhere', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(replay.response.status).toBe(401);
    expect(t.seen).toHaveLength(0);
  });

  it('shows a contact named <!channel> <@U123> <!here> <https://x|y> without pinging or linking anyone', async () => {
    // Slack sends what the user typed with &, < and > as entities.
    await t.sender.message('T1', 'U1', '/add &lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt; &lt;https://x|y&gt; *x*, tier B, last talked 7 months ago');
    const added = await posted(0);
    expect(t.seen[0]!.text).toContain('<!channel> <@U123> <!here> <https://x|y>');
    await t.sender.message('T1', 'U1', '/today');
    const today = await posted(1);
    for (const message of [added, today]) {
      // Everything Slack parses: section texts and the fallback (button labels are plain_text, never parsed).
      const parsed = `${blocksText(message.blocks)}\n${String(message.text)}`;
      expect(parsed).not.toMatch(/[<>]/);
      expect(message.shown).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt; &lt;https://x|y&gt;');
      expect(String(message.text)).toContain('&lt;!channel&gt;');
      for (const block of message.blocks as { type: string; text?: { verbatim: boolean } }[]) if (block.type === 'section') expect(block.text!.verbatim).toBe(true);
    }
    // The Done button carries the payload (the contact and the list it is under), the name only in its plain-text label.
    expect(today.buttons[0]!.value).toMatch(/^done:1:\d+$/);
  });

  it('hands a shared .vcf to the bot, downloaded with the bot token', async () => {
    const card = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nEND:VCARD\r\n');
    t.fake.files.set('F1', { name: 'contacts.vcf', content: card, filetype: 'vcard', teamId: 'T1' });
    await t.sender.message('T1', 'U1', '', { files: [{ id: 'F1' }] });
    const reply = await posted(0);
    expect(t.seen[0]!.file).toEqual({ name: 'contacts.vcf', content: card });
    expect(reply.shown).toContain('vCard file *contacts.vcf*');
  });

  it('does not download a file it cannot import, or one over 20 MB, and says why', async () => {
    t.fake.files.set('F2', { name: 'holiday.png', content: Buffer.from('png'), teamId: 'T1' });
    t.fake.files.set('F3', { name: 'huge.csv', content: Buffer.from('a,b'), size: 21 * 1024 * 1024, teamId: 'T1' });
    await t.sender.message('T1', 'U1', '', { files: [{ id: 'F2' }] });
    expect((await posted(0)).shown).toContain('*holiday.png* is neither');
    await t.sender.message('T1', 'U1', '', { files: [{ id: 'F3' }] });
    expect((await posted(1)).shown).toContain('*huge.csv* is too large');
    expect(t.seen).toHaveLength(0);
  });
});

describe('exports', () => {
  it('uploads the file into the DM; a slash command says so in its ephemeral answer', async () => {
    await t.sender.message('T1', 'U1', '/add Bob Meyer, tier B');
    await posted(0);
    const exported = await t.sender.command('T1', 'U1', '/keepwarm', 'export json');
    const answer = await answerAt(exported.responseUrl);
    expect(answer.shown).toContain('is in our direct messages');
    const ask = t.fake.callsTo('files.getUploadURLExternal')[0]!;
    expect(String(ask.args.filename)).toMatch(/\.json$/);
    const complete = t.fake.callsTo('files.completeUploadExternal')[0]!;
    expect(complete.args.channel_id).toBe('DT1U1');
    expect(t.fake.uploads[0]!.bytes).toBeGreaterThan(Number(ask.args.length) - 1);

    await t.sender.message('T1', 'U1', 'export json');
    await t.fake.waitFor(() => t.fake.callsTo('files.completeUploadExternal')[1], 'the second upload');
    expect(t.fake.callsTo('files.completeUploadExternal')[1]!.args.channel_id).toBe('DT1U1');
  });
});

describe('the card list', () => {
  it('a DM "/weihnachtskarten" posts the list with an address button, then uploads the CSV and the label PDF into the DM', async () => {
    await t.sender.message('T1', 'U1', '/add Anna Keller, tier A');
    await posted(0);
    await t.sender.message('T1', 'U1', '/address Anna: Hauptstr. 5, 80331 München');
    await posted(1);
    await t.sender.message('T1', 'U1', '/add Bob Meyer, tier B');
    await posted(2);
    await t.sender.message('T1', 'U1', '/weihnachtskarten');
    await t.fake.waitFor(() => t.fake.callsTo('files.completeUploadExternal')[1], 'the second upload');
    const names = t.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename).replace(/\d{4}/, 'YYYY'));
    expect(names).toEqual(['holiday-cards-YYYY.csv', 'holiday-cards-YYYY-labels.pdf']);
    expect(t.fake.callsTo('files.completeUploadExternal').map((c) => c.args.channel_id)).toEqual(['DT1U1', 'DT1U1']);
    const messages = await Promise.all([3, 4].map((n) => posted(n)));
    expect(messages.map((m) => m.shown).join('\n')).toContain('Anna Keller — München');
    expect(messages.flatMap((m) => m.buttons).map((b) => b.label)).toEqual(['📮 Bob Meyer']);
  });
});

describe('the /stats picture', () => {
  it('a DM "stats" posts the figures and uploads the chart into the DM as a PNG with something drawn on it', async () => {
    await t.sender.message('T1', 'U1', '/add Anna Keller, tier A');
    await posted(0);
    await t.sender.message('T1', 'U1', 'stats');
    expect((await posted(1)).shown).toContain('Your network');
    const complete = await t.fake.waitFor(() => t.fake.callsTo('files.completeUploadExternal')[0], 'the upload');
    expect(complete.args.channel_id).toBe('DT1U1');
    expect(String(t.fake.callsTo('files.getUploadURLExternal')[0]!.args.filename)).toMatch(/\.png$/);
    const picture = readPicture(pngInside(t.fake.uploads[0]!.body));
    expect([picture.width, picture.height]).toEqual([960, 540]);
    expect(picture.white).toBeGreaterThan(0.5);
    expect(picture.white).toBeLessThan(0.99);
    expect(picture.colours).toBeGreaterThan(20);
  }, 60_000);
});

describe('the Home tab', () => {
  it("shows today's picks with buttons, the overdue list, the figures and the settings; a press there answers in the DM", async () => {
    await t.sender.message('T1', 'U1', '/add Bob Meyer, tier B, last talked 7 months ago');
    await posted(0);
    const before = await touches();
    await t.sender.homeOpened('T1', 'U1');
    const publish = await t.fake.waitFor(() => t.fake.callsTo('views.publish')[0], 'views.publish');
    expect(publish.args.user_id).toBe('U1');
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const shown = visible(blocksText(view.blocks));
    expect(shown).toContain('One person to contact now');
    expect(shown).toContain('Tier B (1)');
    expect(shown).toContain('Your network');
    expect(shown).toContain('Settings');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const done = blocksButtons(view.blocks).find((button) => button.value.startsWith('done:'))!;

    await t.sender.press('T1', 'U1', done.value, { type: 'view' });
    const answer = await posted(1);
    expect(answer.channel).toBe('DT1U1');
    expect(answer.shown).toContain('Logged contact with *Bob Meyer*');
    // The tab is published again with what changed.
    const again = await t.fake.waitFor(() => t.fake.callsTo('views.publish')[1], 'a second views.publish');
    expect(visible(blocksText((again.args.view as { blocks: unknown[] }).blocks))).toContain('Nobody is due today');
    expect(await touches()).toBe(before + 1);
  });
});
