/**
 * Replies as Slack messages: each Reply becomes mrkdwn section blocks (text
 * escaped, see mrkdwn.ts) and `actions` blocks for its buttons; consecutive
 * replies share a message while Slack's limits allow. Every message carries a
 * plain `text` fallback for notifications.
 *
 * Limits kept (docs.slack.dev/reference/block-kit): ≤ 50 blocks a message,
 * ≤ 100 in a Home tab, ≤ 3,000 characters a section text, ≤ 25 elements an
 * actions block, button text ≤ 75 characters, value ≤ 2,000, action ids unique
 * within a message; and ≤ 12,000 characters of section text a message, under
 * the undocumented aggregate limit (`msg_blocks_too_long`, bolt-js#2509).
 */
import type { Button, Line, Reply } from '../../src/port.ts';
import { lineMrkdwn, linePlain, splitLine, truncateEscaped } from './mrkdwn.ts';

export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionChars: 3000,
  messageChars: 12_000,
  fallbackChars: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
} as const;

/** Buttons share this prefix; the number makes each unique in its message. */
export const ACTION_ID = /^kw-\d+$/;

export interface SectionBlock {
  type: 'section';
  text: { type: 'mrkdwn'; text: string; verbatim: true };
}
export interface ButtonElement {
  type: 'button';
  text: { type: 'plain_text'; text: string; emoji: true };
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
}
export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}
export interface DividerBlock {
  type: 'divider';
}
export type Block = SectionBlock | ActionsBlock | DividerBlock;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A block with the plain text it shows, for the notification fallback. */
interface Piece {
  block: Block;
  plain: string;
}

function sections(lines: Line[]): Piece[] {
  const parts: { text: string; plain: string }[] = [];
  let current = { text: '', plain: '' };
  for (const line of lines) {
    for (const piece of splitLine(line, LIMITS.sectionChars)) {
      const text = lineMrkdwn(piece);
      const plain = linePlain(piece);
      if (current.text !== '' && current.text.length + 1 + text.length > LIMITS.sectionChars) {
        parts.push(current);
        current = { text, plain };
      } else {
        current = current.text === '' && current.plain === '' ? { text, plain } : { text: `${current.text}\n${text}`, plain: `${current.plain}\n${plain}` };
      }
    }
  }
  parts.push(current);
  // Slack refuses an empty or blank section text.
  return parts
    .filter((p) => p.text.trim() !== '')
    .map((p) => ({ block: { type: 'section', text: { type: 'mrkdwn', text: p.text, verbatim: true } }, plain: p.plain }));
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Button rows as actions blocks; `action_id`s are given when the block lands in a message. */
function buttonRows(rows: Button[][]): Piece[] {
  const pieces: Piece[] = [];
  for (const row of rows) {
    const elements = row
      .filter((b) => b.action.length <= LIMITS.buttonValue)
      .map((b): ButtonElement => ({
        type: 'button',
        text: { type: 'plain_text', text: truncate(b.label, LIMITS.buttonText), emoji: true },
        action_id: '',
        value: b.action,
        ...(b.style ? { style: b.style } : {}),
      }));
    for (let i = 0; i < elements.length; i += LIMITS.actionsElements) {
      pieces.push({ block: { type: 'actions', elements: elements.slice(i, i + LIMITS.actionsElements) }, plain: '' });
    }
  }
  return pieces;
}

function pieces(reply: Reply): Piece[] {
  return [...sections(reply.text), ...buttonRows(reply.buttons ?? [])];
}

const charsOf = (block: Block) => (block.type === 'section' ? block.text.text.length : 0);

/** Gives the buttons of a block the next free ids of its message. */
function numbered(block: Block, ids: { next: number }): Block {
  if (block.type !== 'actions') return block;
  return { ...block, elements: block.elements.map((e) => ({ ...e, action_id: `kw-${ids.next++}` })) };
}

/**
 * Replies as few messages as the limits allow, in order. A reply too big for
 * one message is spread over several; its buttons stay with its last part.
 */
export function renderMessages(replies: Reply[]): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let blocks: Block[] = [];
  let plain: string[] = [];
  let chars = 0;
  let ids = { next: 1 };
  const flush = () => {
    if (blocks.length > 0) {
      const text = plain.filter((p) => p !== '').join('\n').trim();
      messages.push({ text: truncateEscaped(text === '' ? '…' : text, LIMITS.fallbackChars), blocks });
    }
    blocks = [];
    plain = [];
    chars = 0;
    ids = { next: 1 };
  };
  for (const reply of replies) {
    const all = pieces(reply);
    const size = all.reduce((sum, p) => sum + charsOf(p.block), 0);
    // A reply that fits a fresh message is not cut in two.
    if (blocks.length + all.length > LIMITS.messageBlocks || chars + size > LIMITS.messageChars) flush();
    for (const piece of all) {
      if (blocks.length >= LIMITS.messageBlocks || chars + charsOf(piece.block) > LIMITS.messageChars) flush();
      blocks.push(numbered(piece.block, ids));
      plain.push(piece.plain);
      chars += charsOf(piece.block);
    }
  }
  flush();
  return messages;
}

/** The blocks of a Home tab: groups of replies with a divider between, at most 100 blocks. */
export function renderHomeBlocks(groups: Reply[][]): Block[] {
  const blocks: Block[] = [];
  const ids = { next: 1 };
  for (const replies of groups) {
    if (blocks.length > 0) blocks.push({ type: 'divider' });
    for (const reply of replies) blocks.push(...pieces(reply).map((p) => numbered(p.block, ids)));
  }
  return blocks.slice(0, LIMITS.homeBlocks);
}
