/** What the preview of an import says, as numbers and a short list of problems. */
import { MAX_LISTED_ISSUES } from './limits.ts';
import type { ImportPlan } from './plan.ts';
import type { ImportIssue, ImportSource, ParsedImport } from './record.ts';

export interface ImportSummary {
  fileName: string;
  source: ImportSource;
  /** Contacts read from the file (cards or rows that had a person in them). */
  read: number;
  created: number;
  /** Known contacts that gain something (an address, a note, a later last contact…). */
  merged: number;
  /** Known contacts the file has nothing new about. */
  unchanged: number;
  /** Records that repeat an earlier record of the same file. */
  duplicates: number;
  /** Cards or rows left out. */
  skipped: number;
  /** The first problems, line by line. */
  issues: ImportIssue[];
  /** Problems not listed. */
  moreIssues: number;
  /** keepwarm files: settings that will be restored, introductions that will be added. */
  settings: boolean;
  introductions: number;
}

export function summarize(fileName: string, parsed: ParsedImport, plan: ImportPlan): ImportSummary {
  return {
    fileName,
    source: parsed.source,
    read: parsed.records.length,
    created: plan.create.length,
    merged: plan.merge.length,
    unchanged: plan.unchanged,
    duplicates: plan.duplicates,
    skipped: plan.issues.filter((i) => i.skipped).length,
    issues: plan.issues.slice(0, MAX_LISTED_ISSUES),
    moreIssues: Math.max(0, plan.issues.length - MAX_LISTED_ISSUES),
    settings: plan.settings !== null,
    introductions: plan.introductions.length,
  };
}

/** True when confirming would change nothing: the preview then says so and asks nothing. */
export function isNoop(plan: ImportPlan): boolean {
  return plan.create.length === 0 && plan.merge.length === 0 && plan.settings === null && plan.introductions.length === 0;
}
