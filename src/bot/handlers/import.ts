/**
 * A file sent in the chat: read it, show what an import would do, and import
 * only after the user confirms (button, or a typed yes). The read file waits
 * in the store (import_plans) under the user's pending question, so the
 * answer may come later or reach another instance. The import itself is one
 * transaction and one undo step; afterwards the newest new contacts are
 * offered for a quick triage into tiers.
 */
import type { Kysely } from 'kysely';
import type { LocalDate, Tier } from '../../core/types.ts';
import type { ImportFile } from '../../import/parse.ts';
import { isRefusal, type ImportRefusal, type ImportSource } from '../../import/record.ts';
import type { ImportSummary } from '../../import/summary.ts';
import { readImportFile, readSavedImport } from '../../import-thread/thread.ts';
import { withChange, type Owner } from '../../store/change.ts';
import { applyImport, dropImportPlans, loadImportPlan, loadPlanContext, saveImportPlan, type CreatedContact, type ImportOutcome } from '../../store/import.ts';
import type { DB } from '../../store/schema.ts';
import { encodeAction } from '../../commands/actions.ts';
import type { Ctx } from '../context.ts';
import { ask, type PayloadOf } from '../questions.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Reply } from '../../port.ts';
import { encodeLabel } from '../../store/undo-label.ts';

/** How many new contacts the triage after an import offers. */
const TRIAGE_SIZE = 20;

export interface ImportPreview {
  summary: ImportSummary;
  /** True when confirming would change nothing. */
  noop: boolean;
  /** The read file as it waits for the user's confirmation (src/import-thread/payload.ts). */
  payload: string;
}

/**
 * Reads a file and plans it against the user's network, writing nothing.
 * Reading and planning run in a thread of their own (src/import-thread), so
 * a big file holds up nobody else.
 */
export async function previewImport(db: Kysely<DB>, userId: number, file: ImportFile, today: LocalDate): Promise<ImportPreview | ImportRefusal> {
  const thread = await readImportFile(file, today);
  if (isRefusal(thread)) return thread;
  try {
    const context = await loadPlanContext(db, userId, today, thread.source === 'keepwarm');
    return await thread.preview(file.name, context);
  } finally {
    await thread.close();
  }
}

/**
 * Imports a read file (its saved payload) as one change (one transaction, one undo
 * step). The plan is made again inside the transaction, against the network
 * as it is now — the user may have added contacts since the preview — in
 * the import's own thread.
 */
export async function importNow(db: Kysely<DB>, owner: Owner, payload: string, now: Date, today: LocalDate, t: Messages): Promise<{ outcome: ImportOutcome; source: ImportSource }> {
  const thread = await readSavedImport(payload);
  try {
    const { source } = thread;
    const outcome = await withChange(db, owner, now, encodeLabel({ key: 'import' }), async (change) => {
      const context = await loadPlanContext(change.tx, owner.id, today, source === 'keepwarm');
      const plan = await thread.plan(context);
      return applyImport(change, plan, { today, touchNote: t.connectedNote(source) });
    });
    return { outcome, source };
  } finally {
    await thread.close();
  }
}

export async function receiveFile(ctx: Ctx, file: ImportFile): Promise<Reply[]> {
  const { t } = ctx;
  const preview = await previewImport(ctx.db, ctx.user.id, file, ctx.today);
  if (isRefusal(preview)) return [{ text: t.importRefused(preview, file.name) }];
  if (preview.noop) return [{ text: t.importNothingNew(preview.summary) }];
  const planId = await saveImportPlan(ctx.db, ctx.user.id, file.name, preview.payload, ctx.now);
  const token = await ask(ctx, { kind: 'import', payload: { planId } });
  const { created, merged } = preview.summary;
  return [
    {
      text: t.importPreview(preview.summary),
      buttons: [[
        { label: t.importButton(created + merged), action: encodeAction({ kind: 'yes', token }), style: 'primary' },
        { label: t.cancelButton(), action: encodeAction({ kind: 'no', token }) },
      ]],
    },
  ];
}

/**
 * The new contacts worth a triage, newest first: by the file's last-contact
 * date (LinkedIn's "Connected On"), then in file order. Only those with the
 * default tier — a tier the file gave was a choice already made.
 */
function triageCandidates(created: CreatedContact[]): CreatedContact[] {
  return created
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => !c.archived && c.defaultTier)
    .sort((a, b) => (b.c.lastContactOn ?? '').localeCompare(a.c.lastContactOn ?? '') || a.order - b.order)
    .map(({ c }) => c);
}

/** The answer to the import question: the planned file is imported now. */
export async function confirmImport(ctx: Ctx, payload: PayloadOf<'import'>): Promise<Reply[]> {
  const { t } = ctx;
  const saved = await loadImportPlan(ctx.db, ctx.user.id, payload.planId);
  if (!saved) return [{ text: [t.questionExpired()] }];
  const { outcome, source } = await importNow(ctx.db, ctx.user, saved.payload, ctx.now, ctx.today, t);
  await dropImportPlans(ctx.db, ctx.user.id);
  const replies: Reply[] = [{ text: t.importDone(outcome) }];
  if (source === 'keepwarm') return replies;
  const candidates = triageCandidates(outcome.created);
  const chosen = candidates.slice(0, TRIAGE_SIZE);
  if (chosen.length === 0) return replies;
  replies.push({ text: t.triageHead(chosen.length, candidates.length) });
  for (const contact of chosen) {
    replies.push({
      text: [t.triageEntry(contact)],
      buttons: [(['A', 'B', 'C', 'D'] as Tier[]).map((tier) => ({ label: tier, action: encodeAction({ kind: 'tier', contactId: contact.id, tier }) }))],
    });
  }
  return replies;
}
