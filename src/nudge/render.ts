/**
 * Draws a nudge (or a /today list) from its model and the answers so far: one
 * message, the calls numbered with Done / No answer / Skip / Snooze buttons,
 * follow-ups grouped by where people were met, questions last. Answered
 * entries show what was logged and lose their buttons.
 */
import { CALL_REASONS } from '../core/nudge-choice.ts';
import type { EntryStates, NudgeEntryView, NudgeModel } from '../core/nudge-model.ts';
import { encodeAction } from '../commands/actions.ts';
import type { Messages } from '../i18n/messages.ts';
import type { Button, Line, Reply } from '../port.ts';
import { birthdayBlock } from './render-birthdays.ts';

const FOLLOW_UP_BUTTONS_PER_ROW = 3;
/** From this size on, a group of follow-ups gets one "all done" button instead of one each. */
const GROUP_BUTTON_FROM = 3;

/** The nudge (or list) a button belongs to, so its answer marks that message and edits it in place. */
function under(nudgeId: number | undefined): { nudgeId?: number } {
  return nudgeId !== undefined ? { nudgeId } : {};
}

function answerRows(t: Messages, contact: { id: number; name: string }, nudgeId: number | undefined): Button[][] {
  const on = under(nudgeId);
  return [
    [
      { label: t.doneButton(contact.name), action: encodeAction({ kind: 'done', contactId: contact.id, ...on }), style: 'primary' },
      { label: t.noAnswerButton(), action: encodeAction({ kind: 'noanswer', contactId: contact.id, ...on }) },
      { label: t.skipButton(), action: encodeAction({ kind: 'skip', contactId: contact.id, ...on }) },
    ],
    [3, 7, 14].map((days) => ({ label: t.snoozeButton(days), action: encodeAction({ kind: 'snooze', contactId: contact.id, days, ...on }) })),
  ];
}

/** Follow-ups of one place, in the order they were planned. */
function groupByPlace(entries: NudgeEntryView[]): { place: string | null; entries: NudgeEntryView[] }[] {
  const groups: { place: string | null; entries: NudgeEntryView[] }[] = [];
  for (const entry of entries) {
    const group = entry.place !== null ? groups.find((g) => g.place === entry.place) : undefined;
    if (group) group.entries.push(entry);
    else groups.push({ place: entry.place, entries: [entry] });
  }
  return groups;
}

export function renderNudge(model: NudgeModel, states: EntryStates, t: Messages, today: string, nudgeId?: number): Reply {
  const lines: Line[] = [];
  const buttons: Button[][] = [];
  const isOpen = (v: NudgeEntryView) => !states.has(v.contactId);
  const answered = (v: NudgeEntryView): Line => {
    const s = states.get(v.contactId)!;
    return t.answered(v, s.state === 'open' ? 'done' : s.state, s.detail, today);
  };

  const picks = model.entries.filter((e) => CALL_REASONS.has(e.reason));
  lines.push(t.nudgeGreeting(model.kind, picks.length));
  if (model.week) lines.push(t.weekLine(model.week));
  if (model.sources) lines.push(...t.sourceDigest(model.sources, today));
  const occasions = birthdayBlock(model, t, today);
  lines.push(...occasions.lines);
  buttons.push(...occasions.buttons);

  picks.forEach((v, index) => {
    if (!isOpen(v)) {
      lines.push(answered(v));
      return;
    }
    lines.push(t.pickHead(index + 1, v));
    if (v.reason === 'reminder') lines.push(t.agendaReminder(v.reminderText ?? null, v.reminderDue ?? model.date, today));
    if (v.place) lines.push(t.agendaPlace(v.place, v.metOn, today));
    // A dated hook is the reminder and the newest note at once: said once.
    if (v.note && v.note !== v.reminderText) lines.push(t.talkAbout(v.note));
    if (v.lost) lines.push(t.lostWarning(v.daysSince));
    buttons.push(...answerRows(t, { id: v.contactId, name: v.name }, nudgeId));
  });

  const followUps = model.entries.filter((e) => e.reason === 'followup' && e.stage !== 'tier');
  if (followUps.length > 0) {
    lines.push(t.followUpsHead());
    let row: Button[] = [];
    for (const group of groupByPlace(followUps)) {
      const open = group.entries.filter(isOpen);
      if (group.place !== null && group.entries.length >= GROUP_BUTTON_FROM) {
        lines.push(t.followUpGroup(group.place, group.entries.map((e) => (isOpen(e) ? e.name : `${e.name} ✅`))));
        const first = open[0];
        if (first && nudgeId !== undefined) {
          buttons.push([{ label: t.groupDoneButton(group.place, open.length), action: encodeAction({ kind: 'groupdone', nudgeId, contactId: first.contactId }) }]);
        }
        continue;
      }
      for (const v of group.entries) {
        lines.push(isOpen(v) ? t.followUpOne(v, today, v.stage ?? 'first') : answered(v));
        if (!isOpen(v)) continue;
        if (v.note) lines.push(t.talkAbout(v.note));
        row.push({ label: t.followUpDoneButton(v.name), action: encodeAction({ kind: 'done', contactId: v.contactId, ...under(nudgeId) }) });
        if (row.length === FOLLOW_UP_BUTTONS_PER_ROW) {
          buttons.push(row);
          row = [];
        }
      }
    }
    if (row.length > 0) buttons.push(row);
  }

  const tierQuestions = model.entries.filter((e) => e.reason === 'followup' && e.stage === 'tier');
  if (tierQuestions.length > 0) {
    lines.push(t.tierQuestionsHead());
    for (const v of tierQuestions) {
      lines.push(isOpen(v) ? t.tierQuestion(v) : answered(v));
      if (isOpen(v)) {
        buttons.push((['A', 'B', 'C', 'D'] as const).map((tier, index) => ({
          label: index === 0 ? t.tierQuestionButton(v.name, tier) : tier,
          action: encodeAction({ kind: 'tier', contactId: v.contactId, tier }),
        })));
      }
    }
  }

  const stale = model.entries.filter((e) => e.reason === 'stale');
  if (stale.length > 0) {
    lines.push(t.staleHead());
    for (const v of stale) {
      lines.push(isOpen(v) ? t.staleQuestion(v, today) : answered(v));
      if (isOpen(v)) {
        buttons.push([
          { label: t.followUpDoneButton(v.name), action: encodeAction({ kind: 'done', contactId: v.contactId, ...under(nudgeId) }), style: 'primary' },
          { label: t.staleKeepButton(v.name), action: encodeAction({ kind: 'followup', contactId: v.contactId, choice: 'keep' }) },
          { label: t.staleDropButton(), action: encodeAction({ kind: 'followup', contactId: v.contactId, choice: 'drop' }) },
        ]);
      }
    }
  }

  const ignored = model.entries.filter((e) => e.reason === 'ignored');
  if (ignored.length > 0) {
    lines.push(t.ignoredHead());
    for (const v of ignored) {
      lines.push(isOpen(v) ? t.ignoredQuestion(v) : answered(v));
      if (isOpen(v)) {
        buttons.push([
          { label: t.keepPersonButton(v.name), action: encodeAction({ kind: 'ignored', contactId: v.contactId, choice: 'keep' }) },
          { label: t.toCButton(v.name), action: encodeAction({ kind: 'ignored', contactId: v.contactId, choice: 'C' }) },
          { label: t.archivePersonButton(v.name), action: encodeAction({ kind: 'ignored', contactId: v.contactId, choice: 'archive' }) },
        ]);
      }
    }
  }

  if (model.reviewInvite) lines.push(t.reviewInvite());
  return buttons.length > 0 ? { text: lines, buttons } : { text: lines };
}
