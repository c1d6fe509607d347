/**
 * Building formatted replies as data (see `RichText` in port.ts). Text passed
 * in is always plain: the adapters escape it for their markup.
 */
import type { Line, RichText, Span } from './port.ts';

export type Inline = string | Span | Line | null | undefined | false;

export const b = (text: string): Span => ({ text, style: 'bold' });
export const i = (text: string): Span => ({ text, style: 'italic' });
export const code = (text: string): Span => ({ text, style: 'code' });

/** A line from pieces; strings are plain text, empty pieces are dropped. */
export function line(...parts: Inline[]): Line {
  const spans: Span[] = [];
  for (const part of parts) {
    if (part === null || part === undefined || part === false || part === '') continue;
    if (typeof part === 'string') spans.push({ text: part });
    else if (Array.isArray(part)) spans.push(...part);
    else spans.push(part);
  }
  return spans;
}

/** Tagged template: `l\`Met ${b(name)} at ${place}\`` -> a Line. */
export function l(strings: TemplateStringsArray, ...values: Inline[]): Line {
  const parts: Inline[] = [];
  strings.forEach((s, index) => {
    parts.push(s);
    if (index < values.length) parts.push(values[index]);
  });
  return line(...parts);
}

/** Plain text, one line per `\n`. */
export function text(value: string): RichText {
  return value.split('\n').map((row) => line(row));
}

/** The text of a line without formatting (console without a TTY, tests, fallbacks). */
export function plainLine(row: Line): string {
  return row.map((span) => span.text).join('');
}

export function plainText(rich: RichText): string {
  return rich.map(plainLine).join('\n');
}
