/**
 * The messages between the main thread and an import thread. One thread
 * serves one import: it reads the file (or the saved plan), says what kind
 * it is, waits for the user's network, plans, answers and is ended.
 */
import type { LocalDate } from '../core/types.ts';
import type { ImportPlan, PlanContext } from '../import/plan.ts';

/**
 * New contacts per message of a plan. One message of 50,000 would take the
 * main thread seconds to receive in one go; slices of this size take it
 * milliseconds each. Each slice is asked for: messages already waiting are
 * all received in one turn of the event loop.
 */
export const PLAN_SLICE = 1000;
import type { ImportRefusal, ImportSource } from '../import/record.ts';
import type { ImportSummary } from '../import/summary.ts';

export type ThreadRequest =
  /** A file the user sent. */
  | { type: 'read-file'; name: string; content: Uint8Array; today: LocalDate }
  /** A read file kept until the user confirms (import_plans.payload, payload.ts). */
  | { type: 'read-saved'; payload: string }
  /** The preview: the summary, and the read file as JSON to keep. */
  | { type: 'preview'; fileName: string; context: PlanContext }
  /** The plan to apply. */
  | { type: 'plan'; context: PlanContext }
  /** The next slice of the plan's new contacts. */
  | { type: 'plan-part'; part: number }
  /** The import is over: drop what was read (no answer). */
  | { type: 'reset' };

export type ThreadAnswer =
  | { type: 'read'; source: ImportSource }
  | { type: 'refused'; refusal: ImportRefusal }
  | { type: 'previewed'; summary: ImportSummary; noop: boolean; payload: string }
  /** The plan, its new contacts left out: they are asked for in `parts` slices. */
  | { type: 'planned'; plan: ImportPlan; parts: number }
  | { type: 'planned-part'; create: ImportPlan['create'] }
  | { type: 'failed'; name: string; message: string; stack?: string };
