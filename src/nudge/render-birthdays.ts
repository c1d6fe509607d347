/** The birthday lines of a nudge: a greeting with Done / Skip for each birthday today, and the Monday preview. */
import { encodeAction } from '../commands/actions.ts';
import type { NudgeModel } from '../core/nudge-model.ts';
import type { LocalDate } from '../core/types.ts';
import type { Messages } from '../i18n/messages.ts';
import type { Button, Line } from '../port.ts';

export function birthdayBlock(model: NudgeModel, t: Messages, today: LocalDate): { lines: Line[]; buttons: Button[][] } {
  const lines: Line[] = [];
  const buttons: Button[][] = [];
  for (const birthday of model.birthdays ?? []) {
    lines.push(t.birthdayGreeting(birthday, model.date, today));
    // Done logs a touch like any answer; neither button counts against the day's calls.
    buttons.push([
      { label: t.birthdayDoneButton(birthday.name), action: encodeAction({ kind: 'done', contactId: birthday.contactId }), style: 'primary' },
      { label: t.skipButton(), action: encodeAction({ kind: 'skip', contactId: birthday.contactId }) },
    ]);
  }
  const week = model.weekBirthdays ?? [];
  if (week.length > 0) lines.push(t.weekBirthdays(week, today));
  return { lines, buttons };
}
