/** Replies as Telegram HTML: escaped, styled, split below the message limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callbackStore, CALLBACK_DATA_LIMIT } from '../../adapters/telegram/callbacks.ts';
import { inlineKeyboard } from '../../adapters/telegram/outgoing.ts';
import { escapeHtml, MESSAGE_LIMIT, renderChunks, renderHtml } from '../../adapters/telegram/render.ts';
import type { RichText } from '../../src/port.ts';
import { b, code, i, l, line } from '../../src/rich.ts';
import { memoryDatabase } from '../doubles/chat.ts';
import { parseTelegramHtml } from '../doubles/telegram-html.ts';

describe('escaping', () => {
  it('escapes &, <, > and " in user text, so a name can never become markup', () => {
    expect(escapeHtml(`<b>x</b> & "q" &amp;`)).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &amp;amp;');
  });

  it('renders bold, italic and code spans as <b>, <i> and <code>, with their text escaped', () => {
    expect(renderHtml([l`Met ${b('<Anna>')} at ${i('A&B')} — ${code('/met')}`])).toBe('Met <b>&lt;Anna&gt;</b> at <i>A&amp;B</i> — <code>/met</code>');
  });

  it('shows any text exactly as typed after Telegram parses it', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ text: fc.string(), style: fc.constantFrom('bold' as const, 'italic' as const, 'code' as const) }, { requiredKeys: ['text'] }))), (rich) => {
        const html = renderHtml(rich);
        expect(parseTelegramHtml(html).text).toBe(rich.map((row) => row.map((s) => s.text).join('')).join('\n'));
      }),
    );
  });
});

describe('splitting long replies', () => {
  const lines = (count: number, width: number): RichText => Array.from({ length: count }, (_, n) => line(`${String(n).padStart(4, '0')} ${'x'.repeat(width - 5)}`));

  it('keeps a reply under the limit in one message', () => {
    expect(renderChunks(lines(10, 50))).toHaveLength(1);
  });

  it('splits a 5,000-character reply at line breaks into messages of at most 4,096 characters', () => {
    const text = lines(100, 49); // 100 lines of 49 characters + 99 breaks = 4,999
    const chunks = renderChunks(text);
    expect(chunks.length).toBe(2);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    // Whole lines only: every message starts a line and together they are the text.
    expect(chunks.join('\n')).toBe(renderHtml(text));
    expect(chunks[1]).toMatch(/^\d{4} x+/);
  });

  it('cuts a single over-long line between characters, at a space where possible, with its style closed and reopened', () => {
    const words = Array.from({ length: 1200 }, (_, n) => `w${n}`).join(' ');
    const chunks = renderChunks([line('Notes: ', b(words))]);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(() => parseTelegramHtml(chunk)).not.toThrow();
      expect(chunk).toMatch(/<\/b>$/);
    }
    const shown = chunks.map((chunk) => parseTelegramHtml(chunk).text);
    expect(shown.join('').replace(/\s+/g, ' ')).toBe(`Notes: ${words}`);
    expect(shown[0]!.endsWith(' ')).toBe(true);
  });

  it('never cuts inside an entity or a tag, and never splits a character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('&', '<', '>', '"', 'a', ' ', '😀', 'ü'), maxLength: 3000 }), { maxLength: 6 }), fc.integer({ min: 40, max: 400 }), (texts, limit) => {
        const rich = texts.map((t, n) => line(n % 2 ? b(t) : t));
        const chunks = renderChunks(rich, limit);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          expect(() => parseTelegramHtml(chunk)).not.toThrow();
          expect(chunk).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
        }
        const shown = chunks.map((chunk) => parseTelegramHtml(chunk).text).join('');
        expect(shown.replace(/\s/g, '')).toBe(texts.join('').replace(/\s/g, ''));
      }),
      { numRuns: 200 },
    );
  });

  it('sends nothing for an empty text (Telegram refuses empty messages)', () => {
    expect(renderChunks([])).toEqual([]);
    expect(renderChunks([line(''), line('  ')])).toEqual([]);
  });
});

describe('inline keyboards', () => {
  it('turns each row of buttons into a keyboard row, the payload as callback_data', async () => {
    const database = await memoryDatabase();
    const markup = await inlineKeyboard(
      { text: [], buttons: [[{ label: 'A', action: 'tier:1:A' }, { label: 'B', action: 'tier:1:B' }], [{ label: '✅ Done', action: 'done:1' }]] },
      callbackStore(database.db),
    );
    expect(markup).toEqual({
      inline_keyboard: [
        [{ text: 'A', callback_data: 'tier:1:A' }, { text: 'B', callback_data: 'tier:1:B' }],
        [{ text: '✅ Done', callback_data: 'done:1' }],
      ],
    });
    await database.close();
  });

  it('stores a payload over 64 bytes under a short key and resolves it when pressed', async () => {
    const database = await memoryDatabase();
    const store = callbackStore(database.db);
    const long = `pick:${'ü'.repeat(40)}`; // 85 bytes in UTF-8
    const data = await store.encode(long);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(data).not.toBe(long);
    expect(await store.decode(data)).toBe(long);
    // Short payloads travel as they are, and unknown keys stay unknown.
    expect(await store.encode('done:7')).toBe('done:7');
    expect(await store.decode('cb:nosuchkey')).toBe('cb:nosuchkey');
    await database.close();
  });
});
