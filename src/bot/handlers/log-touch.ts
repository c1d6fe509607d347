/** Logging a touch the same way everywhere: /touch, done, a nudge's buttons, /met, /intro. */
import type { ContactFacts } from '../../core/contact.ts';
import { applyTouch, isRealTouch } from '../../core/touches.ts';
import type { LocalDate, TouchKind } from '../../core/types.ts';
import type { WorkingDaySettings } from '../../core/working-day.ts';
import { insertTouch } from '../../store/activity.ts';
import type { Change } from '../../store/change.ts';
import { updateContact, type ContactPatch } from '../../store/contacts.ts';

export interface TouchOutcome {
  /** The contact as it is after the touch. */
  after: ContactFacts;
  /** The follow-up step this touch completed, if any. */
  completedFollowUp: ContactFacts['followUp'];
}

/**
 * Logs a touch and moves the contact on: last contact date, follow-up track
 * (its next step on a working day), and a promised return is settled by the
 * contact itself. An attempt only records itself. Reminders are the user's:
 * a touch never closes them (the reply asks instead).
 */
export async function logTouch(
  change: Change,
  contact: ContactFacts,
  on: LocalDate,
  kind: TouchKind,
  note: string | null,
  workdays: WorkingDaySettings,
): Promise<TouchOutcome> {
  await insertTouch(change, contact.id, on, kind, note);
  const after = applyTouch(contact, { on, kind }, workdays);
  const patch: ContactPatch = {};
  if (after.lastTouchOn !== contact.lastTouchOn || after.followUp !== contact.followUp) {
    patch.lastTouchOn = after.lastTouchOn;
    patch.followUp = after.followUp;
  }
  if (isRealTouch(kind) && (contact.backOn ?? null) !== null) patch.backOn = null;
  if (after.followUp !== contact.followUp && (contact.followUpAskedOn ?? null) !== null) patch.followUpAskedOn = null;
  await updateContact(change, contact.id, patch);
  const completedFollowUp = contact.followUp !== null && after.followUp !== contact.followUp ? contact.followUp : null;
  return { after: { ...after, ...(patch.backOn !== undefined ? { backOn: null } : {}) }, completedFollowUp };
}
