/**
 * /review: the network walked through one contact at a time, oldest reviewed
 * first, with a suggestion and buttons for tier, archive, keep or stop.
 */
import { reviewOrder, reviewSuggestion } from '../../core/review.ts';
import { getContact, listContacts, updateContact, type Contact } from '../../store/contacts.ts';
import { updateUserSettings } from '../../store/users.ts';
import { encodeAction, type ReviewChoice } from '../../commands/actions.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Button, Reply } from '../../port.ts';
import { change } from './undoable.ts';
import { ask, clearQuestion } from '../questions.ts';

function reviewButtons(ctx: Ctx, contact: Contact): Button[][] {
  const choice = (c: ReviewChoice) => encodeAction({ kind: 'review', contactId: contact.id, choice: c });
  return [
    (['A', 'B', 'C', 'D'] as const).map((tier) => ({ label: tier, action: choice(tier) })),
    [
      { label: ctx.t.keepButton(), action: choice('keep'), style: 'primary' as const },
      { label: ctx.t.archiveButton(), action: choice('archive') },
      { label: ctx.t.stopReviewButton(), action: choice('stop') },
    ],
  ];
}

async function nextToReview(ctx: Ctx): Promise<Reply[]> {
  const contacts = await listContacts(ctx.db, ctx.user.id);
  const order = reviewOrder(contacts);
  const remaining = order.filter((c) => c.reviewedOn === null || c.reviewedOn < ctx.today);
  const next = remaining[0];
  if (!next) {
    await clearQuestion(ctx, 'review');
    await change(ctx, null, (ch) => updateUserSettings(ch, { last_review_on: ctx.today }));
    return [{ text: [ctx.t.reviewFinished(order.length)] }];
  }
  // "behalten" or "archivieren" typed answers this card like its buttons.
  await ask(ctx, { kind: 'review', payload: { contactId: next.id } });
  return [
    {
      text: ctx.t.reviewCard(next, remaining.length, reviewSuggestion(next, ctx.today), ctx.today),
      buttons: reviewButtons(ctx, next),
    },
  ];
}

export const review: Handler = async (ctx) => nextToReview(ctx);

/** A review button: apply the choice, mark the contact reviewed today, show the next one. */
export async function reviewAnswer(ctx: Ctx, contactId: number, choice: ReviewChoice): Promise<Reply[]> {
  if (choice === 'stop') {
    await clearQuestion(ctx, 'review');
    return [{ text: [ctx.t.reviewStopped()] }];
  }
  const contact = await getContact(ctx.db, ctx.user.id, contactId);
  if (!contact) return [{ text: [ctx.t.contactGone()] }];
  await change(ctx, { key: 'review', name: contact.name }, (ch) =>
    updateContact(ch, contact.id, {
      reviewedOn: ctx.today,
      ...(choice === 'archive' ? { status: 'archived' as const } : {}),
      ...(choice !== 'archive' && choice !== 'keep' ? { tier: choice } : {}),
    }),
  );
  return [{ text: [ctx.t.reviewApplied(contact.name, choice)] }, ...(await nextToReview(ctx))];
}
