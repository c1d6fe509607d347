/** Replies as terminal text: bold and italic by ANSI codes on a TTY, buttons as numbered choices. */
import type { Button, Reply, Span } from '../../src/port.ts';

const STYLE: Record<NonNullable<Span['style']>, [string, string]> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  italic: ['\x1b[3m', '\x1b[23m'],
  code: ['\x1b[36m', '\x1b[39m'],
};

/** Control characters in user text could move the cursor or recolour the terminal. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, '�');
}

function span(s: Span, color: boolean): string {
  const text = clean(s.text);
  if (!s.style) return text;
  if (color) return STYLE[s.style][0] + text + STYLE[s.style][1];
  return s.style === 'code' ? `\`${text}\`` : text;
}

export interface RenderedReply {
  text: string;
  /** The buttons in the order of their numbers, starting at `firstNumber`. */
  buttons: Button[];
}

export function renderConsole(reply: Reply, options: { color: boolean; firstNumber: number }): RenderedReply {
  const lines = reply.text.map((line) => line.map((s) => span(s, options.color)).join(''));
  const buttons: Button[] = [];
  for (const row of reply.buttons ?? []) {
    const cells = row.map((button) => {
      buttons.push(button);
      return `[${options.firstNumber + buttons.length - 1}] ${clean(button.label)}`;
    });
    lines.push('   ' + cells.join('  '));
  }
  if (reply.file) lines.push(`   📎 ${clean(reply.file.name)} (${reply.file.content.length} bytes)`);
  return { text: lines.join('\n'), buttons };
}
