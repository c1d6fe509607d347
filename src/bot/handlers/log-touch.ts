/** Logging a touch the same way everywhere: /touch, done, a nudge's buttons, /met. */
import type { ContactFacts } from '../../core/contact.ts';
import { applyTouch, isRealTouch } from '../../core/touches.ts';
import type { LocalDate, TouchKind } from '../../core/types.ts';
import { completeDueReminders, insertTouch } from '../../store/activity.ts';
import type { Change } from '../../store/change.ts';
import { updateContact } from '../../store/contacts.ts';

export interface TouchOutcome {
  /** The contact as it is after the touch. */
  after: ContactFacts;
  /** The follow-up step this touch completed, if any. */
  completedFollowUp: ContactFacts['followUp'];
}

/**
 * Logs a touch and moves the contact on: last contact date, follow-up track,
 * reminders that were due. An attempt only records itself.
 */
export async function logTouch(
  change: Change,
  contact: ContactFacts,
  on: LocalDate,
  kind: TouchKind,
  note: string | null,
  today: LocalDate,
): Promise<TouchOutcome> {
  await insertTouch(change, contact.id, on, kind, note);
  const after = applyTouch(contact, { on, kind });
  if (after.lastTouchOn !== contact.lastTouchOn || after.followUp !== contact.followUp) {
    await updateContact(change, contact.id, { lastTouchOn: after.lastTouchOn, followUp: after.followUp });
  }
  if (isRealTouch(kind)) await completeDueReminders(change, contact.id, today);
  const completedFollowUp = contact.followUp !== null && after.followUp !== contact.followUp ? contact.followUp : null;
  return { after, completedFollowUp };
}
