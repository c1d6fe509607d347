/**
 * Slack mrkdwn from keepwarm's formatted text (`RichText`), with every piece of
 * text escaped: user text can never become a mention, a link or formatting.
 *
 * - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;` (Slack's own rule), so
 *   `<!channel>`, `<@U123>` or `<https://evil|Bank>` are shown, never parsed.
 * - `*`, `_`, `~` and `` ` `` are fenced with WORD JOINERs (U+2060): invisible,
 *   not whitespace, so they sit inside a "word" and can neither open nor close
 *   bold, italic, strike or code — around our own markers or in plain text.
 *   Inside a code span a backtick would end the span; it is shown as `ˋ`.
 * - Blocks carry `verbatim: true`, so Slack does not link-ify URLs or names.
 */
import type { Line, Span } from '../../src/port.ts';

const WJ = '\u2060';

/** Slack's three control characters as entities. */
function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped text that cannot open or close formatting. */
export function escapeMrkdwn(text: string): string {
  return escapeControl(text).replace(/[*_~`]/g, (c) => `${WJ}${c}${WJ}`);
}

const MARK: Record<NonNullable<Span['style']>, string> = { bold: '*', italic: '_', code: '`' };

export function spanMrkdwn(span: Span): string {
  if (span.text === '') return '';
  if (!span.style) return escapeMrkdwn(span.text);
  const inner = span.style === 'code' ? escapeControl(span.text).replace(/`/g, 'ˋ') : escapeMrkdwn(span.text);
  // Formatting needs non-space next to its markers: keep outer spaces outside.
  const lead = /^\s*/.exec(inner)![0];
  const trail = /\s*$/.exec(inner.slice(lead.length))![0];
  const core = inner.slice(lead.length, inner.length - trail.length);
  if (core === '') return inner;
  const mark = MARK[span.style];
  return `${lead}${mark}${core}${mark}${trail}`;
}

export function lineMrkdwn(line: Line): string {
  return line.map(spanMrkdwn).join('');
}

/** A line as plain notification text: escaped, without formatting. */
export function linePlain(line: Line): string {
  return escapeControl(line.map((s) => s.text).join(''));
}

/**
 * Cuts an over-long line into spans short enough that each rendered piece
 * stays under `max` characters (escaping grows text at most five-fold).
 */
export function splitLine(line: Line, max: number): Line[] {
  const rendered = lineMrkdwn(line);
  if (rendered.length <= max) return [line];
  const raw = Math.max(1, Math.floor((max - 2) / 5));
  const pieces: Line[] = [];
  let current: Line = [];
  let size = 0;
  for (const span of line) {
    const chars = Array.from(span.text);
    for (let start = 0; start < chars.length; start += raw) {
      const part: Span = { ...span, text: chars.slice(start, start + raw).join('') };
      const length = spanMrkdwn(part).length;
      if (size + length > max && current.length > 0) {
        pieces.push(current);
        current = [];
        size = 0;
      }
      current.push(part);
      size += length;
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** Cuts escaped text to `max` characters without leaving half an entity at the end. */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '') + '…';
}
