/**
 * The messages between the main thread and an import thread. One thread
 * serves one import: it reads the file (or the saved plan), says what kind
 * it is, waits for the user's network, plans, answers and is ended.
 */
import type { LocalDate } from '../core/types.ts';
import type { ImportPlan, PlanContext } from '../import/plan.ts';
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
  /** The import is over: drop what was read (no answer). */
  | { type: 'reset' };

export type ThreadAnswer =
  | { type: 'read'; source: ImportSource }
  | { type: 'refused'; refusal: ImportRefusal }
  | { type: 'previewed'; summary: ImportSummary; noop: boolean; payload: string }
  | { type: 'planned'; plan: ImportPlan }
  | { type: 'failed'; name: string; message: string; stack?: string };
