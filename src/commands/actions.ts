/**
 * Button payloads. Short (Telegram allows 64 bytes), opaque to the platforms,
 * and always re-checked against the pressing user's own data: a payload names
 * an id, never grants access to it.
 */
import type { Tier } from '../core/types.ts';

export type Action =
  /** Answer to "which one?": the chosen contact. */
  | { kind: 'pick'; token: string; contactId: number }
  /** Answer to "I don't know Bob — add him?". */
  | { kind: 'add'; token: string }
  /** /met of a known name: the same person, or a new contact. */
  | { kind: 'same'; token: string; contactId: number }
  | { kind: 'new'; token: string }
  /** Yes / no to a confirmation. */
  | { kind: 'yes'; token: string }
  | { kind: 'no'; token: string }
  | { kind: 'tier'; contactId: number; tier: Tier }
  /**
   * Answers about a person. `nudgeId` names the nudge or /today list the
   * button is under, so the answer marks that list and edits it in place;
   * buttons from before it was added carry none.
   */
  | { kind: 'done'; contactId: number; nudgeId?: number }
  | { kind: 'snooze'; contactId: number; days: number; nudgeId?: number }
  | { kind: 'skip'; contactId: number; nudgeId?: number }
  | { kind: 'noanswer'; contactId: number; nudgeId?: number }
  /** A follow-up two weeks late: still follow up, or drop it. */
  | { kind: 'followup'; contactId: number; choice: 'keep' | 'drop' }
  /** "Also mark the reminder … as done?" after a touch: yes or keep it open. */
  | { kind: 'reminder'; reminderId: number; choice: 'done' | 'keep' }
  | { kind: 'review'; contactId: number; choice: ReviewChoice }
  /** Keep / move to C / archive, for a contact who ignored three nudges. */
  | { kind: 'ignored'; contactId: number; choice: 'keep' | 'C' | 'archive' }
  /** All open follow-ups of a nudge who were met where this contact was met. */
  | { kind: 'groupdone'; nudgeId: number; contactId: number }
  /** "Add the address" under the card list: asks for this contact's postal address. */
  | { kind: 'address'; contactId: number }
  /** The same answer for every open person of a nudge ("done both"). */
  | { kind: 'all'; nudgeId: number; answer: 'done' | 'skip' | 'noanswer' };

export type ReviewChoice = Tier | 'archive' | 'keep' | 'stop';

const TIER = /^[ABCD]$/;
const TOKEN = /^[0-9a-f]{8}$/;

function id(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'pick':
    case 'same':
      return `${action.kind}:${action.token}:${action.contactId}`;
    case 'add':
    case 'new':
    case 'yes':
    case 'no':
      return `${action.kind}:${action.token}`;
    case 'tier':
      return `tier:${action.contactId}:${action.tier}`;
    case 'done':
    case 'skip':
    case 'noanswer':
      return `${action.kind}:${action.contactId}${action.nudgeId !== undefined ? `:${action.nudgeId}` : ''}`;
    case 'snooze':
      return `snooze:${action.contactId}:${action.days}${action.nudgeId !== undefined ? `:${action.nudgeId}` : ''}`;
    case 'followup':
      return `fu:${action.contactId}:${action.choice}`;
    case 'reminder':
      return `rem:${action.reminderId}:${action.choice}`;
    case 'review':
      return `rv:${action.contactId}:${action.choice}`;
    case 'ignored':
      return `ign:${action.contactId}:${action.choice}`;
    case 'groupdone':
      return `gd:${action.nudgeId}:${action.contactId}`;
    case 'all':
      return `all:${action.nudgeId}:${action.answer}`;
    case 'address':
      return `adr:${action.contactId}`;
  }
}

/** Reads a payload back; anything malformed or forged is undefined. */
export function decodeAction(payload: string): Action | undefined {
  if (payload.length > 64) return undefined;
  const [kind, a, b, c, extra] = payload.split(':');
  if (extra !== undefined) return undefined;
  // Only the snooze button has a third field (its nudge); every other payload has at most two.
  if (c !== undefined && kind !== 'snooze') return undefined;
  switch (kind) {
    case 'pick':
    case 'same': {
      const contactId = id(b);
      return a && TOKEN.test(a) && contactId !== undefined ? { kind, token: a, contactId } : undefined;
    }
    case 'add':
    case 'new':
    case 'yes':
    case 'no':
      return a && TOKEN.test(a) && b === undefined ? { kind, token: a } : undefined;
    case 'tier': {
      const contactId = id(a);
      return contactId !== undefined && b && TIER.test(b) ? { kind, contactId, tier: b as Tier } : undefined;
    }
    case 'done':
    case 'skip':
    case 'noanswer': {
      const contactId = id(a);
      const nudgeId = id(b);
      if (contactId === undefined || (b !== undefined && nudgeId === undefined)) return undefined;
      return nudgeId !== undefined ? { kind, contactId, nudgeId } : { kind, contactId };
    }
    case 'snooze': {
      const contactId = id(a);
      const days = id(b);
      const nudgeId = id(c);
      if (contactId === undefined || days === undefined || days < 1 || days > 365 || (c !== undefined && nudgeId === undefined)) return undefined;
      return nudgeId !== undefined ? { kind, contactId, days, nudgeId } : { kind, contactId, days };
    }
    case 'fu': {
      const contactId = id(a);
      return contactId !== undefined && (b === 'keep' || b === 'drop') ? { kind: 'followup', contactId, choice: b } : undefined;
    }
    case 'rem': {
      const reminderId = id(a);
      return reminderId !== undefined && (b === 'done' || b === 'keep') ? { kind: 'reminder', reminderId, choice: b } : undefined;
    }
    case 'rv': {
      const contactId = id(a);
      const ok = b !== undefined && (TIER.test(b) || b === 'archive' || b === 'keep' || b === 'stop');
      return contactId !== undefined && ok ? { kind: 'review', contactId, choice: b as ReviewChoice } : undefined;
    }
    case 'ign': {
      const contactId = id(a);
      const ok = b === 'keep' || b === 'C' || b === 'archive';
      return contactId !== undefined && ok ? { kind: 'ignored', contactId, choice: b } : undefined;
    }
    case 'all': {
      const nudgeId = id(a);
      const ok = b === 'done' || b === 'skip' || b === 'noanswer';
      return nudgeId !== undefined && ok ? { kind: 'all', nudgeId, answer: b } : undefined;
    }
    case 'gd': {
      const nudgeId = id(a);
      const contactId = id(b);
      return nudgeId !== undefined && contactId !== undefined ? { kind: 'groupdone', nudgeId, contactId } : undefined;
    }
    case 'adr': {
      const contactId = id(a);
      return contactId !== undefined && b === undefined ? { kind: 'address', contactId } : undefined;
    }
    default:
      return undefined;
  }
}
