/**
 * Replies as Telegram HTML. Every span of text is escaped, so a contact named
 * `<b>x</b>` or `&amp;` is shown exactly as typed and can never become markup;
 * styles become <b>, <i> and <code>. Long replies are split into messages below
 * Telegram's 4,096-character limit at line breaks, never inside a tag or an
 * entity.
 */
import type { Line, RichText, Span } from '../../src/port.ts';

/** Telegram's limit for one message; we measure the HTML source, which is never shorter than the text shown. */
export const MESSAGE_LIMIT = 4096;

const TAG: Record<NonNullable<Span['style']>, [string, string]> = {
  bold: ['<b>', '</b>'],
  italic: ['<i>', '</i>'],
  code: ['<code>', '</code>'],
};

/** The four characters Telegram's HTML parser treats specially (`"` matters inside attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function renderSpan(span: Span): string {
  const body = escapeHtml(span.text);
  if (!span.style || body === '') return body;
  const [open, close] = TAG[span.style];
  return open + body + close;
}

function renderLine(line: Line): string {
  return line.map(renderSpan).join('');
}

/** The whole text as one HTML string (may exceed the limit; see `renderChunks`). */
export function renderHtml(text: RichText): string {
  return text.map(renderLine).join('\n');
}

/**
 * The longest prefix of `text` (in whole code points) whose escaped form fits
 * in `room`, cut at the last whitespace when there is one in its second half.
 */
function cut(text: string, room: number): number {
  let used = 0;
  let end = 0;
  let lastSpace = -1;
  for (const char of text) {
    const size = escapeHtml(char).length;
    if (used + size > room) break;
    used += size;
    end += char.length;
    if (/\s/.test(char)) lastSpace = end;
  }
  return lastSpace > end / 2 && end < text.length ? lastSpace : end;
}

/** One over-long line as several lines, each within `limit`, tags closed in each piece. */
function splitLine(line: Line, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const queue: Span[] = line.map((span) => ({ ...span }));
  while (queue.length > 0) {
    const span = queue[0]!;
    const rendered = renderSpan(span);
    if (current.length + rendered.length <= limit) {
      current += rendered;
      queue.shift();
      continue;
    }
    const [open, close] = span.style ? TAG[span.style] : ['', ''];
    const room = limit - current.length - open.length - close.length;
    const end = room > 0 ? cut(span.text, room) : 0;
    if (end === 0) {
      // Nothing of this span fits here: start a new piece (an empty piece only
      // happens when even one character cannot fit, which MESSAGE_LIMIT rules out).
      if (current === '') throw new Error('message limit too small for one character');
      pieces.push(current);
      current = '';
      continue;
    }
    current += renderSpan({ ...span, text: span.text.slice(0, end) });
    span.text = span.text.slice(end);
    pieces.push(current);
    current = '';
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * The text as HTML messages, each at most `limit` characters: whole lines
 * joined with line breaks, an over-long line cut between characters (at a
 * space where possible) with its styles closed and reopened.
 */
export function renderChunks(text: RichText, limit = MESSAGE_LIMIT): string[] {
  const lines = text.flatMap((line) => {
    const html = renderLine(line);
    return html.length <= limit ? [html] : splitLine(line, limit);
  });
  const chunks: string[] = [];
  let current: string | undefined;
  for (const html of lines) {
    if (current === undefined) current = html;
    else if (current.length + 1 + html.length <= limit) current += '\n' + html;
    else {
      chunks.push(current);
      current = html;
    }
  }
  if (current !== undefined) chunks.push(current);
  // Telegram refuses empty and whitespace-only messages.
  return chunks.filter((chunk) => chunk.trim() !== '');
}
