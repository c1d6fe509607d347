/** Block Kit rendering: user text is data, Slack's limits hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/port.ts';
import { b, code, i, l, text } from '../../src/rich.ts';
import { escapeMrkdwn, spanMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { LIMITS, renderHomeBlocks, renderMessages, type Block } from '../../adapters/slack/render.ts';
import { blocksButtons, blocksText, visible } from './harness.ts';

const INJECTIONS = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C123|general>', '<!subteam^S1|@team>', '<https://evil.example|Bank>', '<mailto:a@b.de|x>'];

function allText(blocks: Block[], fallback: string): string {
  return `${blocksText(blocks)}\n${fallback}`;
}

describe('mrkdwn escaping', () => {
  it('turns &, < and > into entities, so no mention, channel ping or disguised link survives', () => {
    for (const injection of INJECTIONS) {
      const [message] = renderMessages([{ text: [l`Met ${b(injection)} at ${injection}`] }]);
      const rendered = allText(message!.blocks, message!.text);
      expect(rendered).not.toMatch(/[<>]/);
      expect(visible(rendered)).toContain(injection.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
  });

  it('keeps &amp; and friends as typed (escaped once, not twice)', () => {
    expect(escapeMrkdwn('Tom & Jerry <3 &lt;')).toBe('Tom &amp; Jerry &lt;3 &amp;lt;');
  });

  it('fences *, _, ~ and ` in user text with word joiners, so they cannot open or close formatting', () => {
    const out = spanMrkdwn({ text: 'a*b_c~d`e' });
    expect(out).toBe('a\u2060*\u2060b\u2060_\u2060c\u2060~\u2060d\u2060`\u2060e');
    // Our own markers stay bare and outermost.
    expect(spanMrkdwn(b('*x*'))).toBe('*\u2060*\u2060x\u2060*\u2060*');
    expect(spanMrkdwn(i('Anna'))).toBe('_Anna_');
  });

  it('keeps a code span closed: a backtick inside shows as ˋ', () => {
    expect(spanMrkdwn(code('a`b'))).toBe('`aˋb`');
  });

  it('puts spaces outside the markers, where Slack needs them', () => {
    expect(spanMrkdwn(b(' Anna '))).toBe(' *Anna* ');
    expect(spanMrkdwn(b('   '))).toBe('   ');
  });

  it('never lets arbitrary text become markup (property)', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom(...INJECTIONS, '*', '_', '~', '`', '&', '&amp;', '<', '>'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom(undefined, 'bold', 'italic', 'code'), (parts, style) => {
        const raw = parts.join('');
        const reply: Reply = { text: [[{ text: raw, ...(style ? { style: style as 'bold' } : {}) }]] };
        for (const message of renderMessages([reply])) {
          const rendered = allText(message.blocks, message.text);
          expect(rendered).not.toMatch(/[<>]/);
          // Every & starts one of the three entities.
          expect(rendered.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("Slack's limits", () => {
  it('marks every text block verbatim (no auto-linking) and sends a plain fallback', () => {
    const [message] = renderMessages([{ text: [l`See https://example.com and #general`] }]);
    expect(message!.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'See https://example.com and #general', verbatim: true } });
    expect(message!.text).toBe('See https://example.com and #general');
  });

  it('splits a long reply into sections of at most 3,000 characters, and messages of at most 50 blocks', () => {
    const lines = Array.from({ length: 2000 }, (_, n) => `• Contact number ${n} — ${'x'.repeat(80)}`).join('\n');
    const messages = renderMessages([{ text: text(lines) }]);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackChars);
      for (const block of message.blocks) if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionChars);
      expect(blocksText(message.blocks).length).toBeLessThanOrEqual(LIMITS.messageChars + message.blocks.length);
    }
    // Nothing lost, nothing doubled.
    expect(messages.map((m) => blocksText(m.blocks)).join('\n')).toBe(lines);
  });

  it('cuts a single line longer than a section without breaking an entity or a bold span', () => {
    const long = '&<'.repeat(2500);
    const [message] = renderMessages([{ text: [[b(long)]] }]);
    for (const block of message!.blocks) {
      if (block.type !== 'section') continue;
      expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionChars);
      expect(block.text.text).toMatch(/^\*(&amp;|&lt;)+\*$/);
    }
  });

  it('gives buttons unique action ids per message, short labels and the bot payload as value', () => {
    const replies: Reply[] = [
      { text: [l`Anna`], buttons: [[{ label: `✅ Done: ${'Anna '.repeat(30)}`, action: 'done:1', style: 'primary' }, { label: 'Skip', action: 'skip:1' }]] },
      { text: [l`Bob`], buttons: [[{ label: 'Done', action: 'done:2' }], [{ label: '💤 3 d', action: 'snooze:2:3' }]] },
    ];
    const [message, ...rest] = renderMessages(replies);
    expect(rest).toHaveLength(0);
    const buttons = blocksButtons(message!.blocks);
    expect(buttons.map((x) => x.value)).toEqual(['done:1', 'skip:1', 'done:2', 'snooze:2:3']);
    expect(new Set(buttons.map((x) => x.actionId)).size).toBe(4);
    for (const button of buttons) expect(Array.from(button.label).length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect(buttons[0]!.label.endsWith('…')).toBe(true);
  });

  it('puts at most 25 buttons in one actions block', () => {
    const row = Array.from({ length: 30 }, (_, n) => ({ label: `#${n}`, action: `pick:abcdef12:${n}` }));
    const [message] = renderMessages([{ text: [l`Which one?`], buttons: [row] }]);
    const actions = message!.blocks.filter((x) => x.type === 'actions');
    expect(actions.map((x) => (x.type === 'actions' ? x.elements.length : 0))).toEqual([25, 5]);
  });

  it('never sends an empty section (Slack refuses one)', () => {
    const [message] = renderMessages([{ text: [[], l`  `], buttons: [[{ label: 'A', action: 'tier:1:A' }]] }]);
    expect(message!.blocks.map((x) => x.type)).toEqual(['actions']);
  });

  it('keeps a Home tab at 100 blocks with dividers between the parts', () => {
    const many: Reply[] = Array.from({ length: 80 }, (_, n) => ({ text: [l`Line ${String(n)}`], buttons: [[{ label: 'x', action: `done:${n}` }]] }));
    const blocks = renderHomeBlocks([[{ text: [l`Today`] }], many]);
    expect(blocks).toHaveLength(LIMITS.homeBlocks);
    expect(blocks[1]).toEqual({ type: 'divider' });
    const ids = blocksButtons(blocks).map((x) => x.actionId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
