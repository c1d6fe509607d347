/**
 * The import plan: which records become new contacts, which are people the
 * network already has (and what they gain), which are left alone. Pure — the
 * network is passed in — so the preview and the confirmed import compute the
 * same plan, the latter inside the import's transaction.
 *
 * Matching (never a guess): a record is the contact with the same email
 * address; else the one contact whose name is the same spelling (nameKey:
 * case, accents, umlaut spellings and titles aside) and whose address does
 * not contradict it. A name shared by several contacts is left alone and
 * reported. Records of one file match each other the same way (duplicates),
 * except in keepwarm's own export, which lists every contact once.
 *
 * Merging fills what is empty (email, phone, company, role, place), adds
 * tags, notes and a later last contact; it never changes a tier, a cadence,
 * a status or an existing note.
 */
import type { PostalAddress } from '../core/address.ts';
import { nameKey } from '../core/names.ts';
import { isRealTouch } from '../core/touches.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import { fold, folded, mergeInto, type Folded, type MergeState } from './fold.ts';
import { peopleIndex } from './matching.ts';
import type { ImportIssue, ImportRecord, KeepwarmContact, KeepwarmSettings, ParsedImport } from './record.ts';

/** A contact of the network as the planner needs it. */
export interface ExistingContact {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  role: string | null;
  place: string | null;
  tags: string[];
  lastTouchOn: LocalDate | null;
  /** Optional so callers written before occasions existed still type-check; absent means empty. */
  birthday?: string | null;
  address?: PostalAddress | null;
  salutation?: string | null;
  academicTitle?: string | null;
  /** Texts of the contact's notes. */
  notes: string[];
  /** `on|kind|note` of each touch; only loaded for keepwarm's own files. */
  touches?: string[];
  /** `due|text` of each open reminder; only loaded for keepwarm's own files. */
  reminders?: string[];
}

export interface PlanContext {
  today: LocalDate;
  existing: ExistingContact[];
  /** `fromId|toId|on` of existing introductions (keepwarm files). */
  introductions?: string[];
  /** The user's settings now, to restore only what differs (keepwarm files). */
  settings?: KeepwarmSettings;
}

/** What a new contact is made of: the record (duplicates of the file folded in) and its tier. */
export interface PlannedContact {
  record: ImportRecord;
  tier: Tier;
  /** nameKey(record.name), computed once. */
  key: string;
}

export interface PlannedMerge {
  contactId: number;
  name: string;
  /** Empty fields filled, tags added, last contact moved forward. */
  patch: {
    email?: string;
    phone?: string;
    company?: string;
    role?: string;
    place?: string;
    tags?: string[];
    lastTouchOn?: LocalDate;
    birthday?: string;
    address?: PostalAddress;
    salutation?: string;
    academicTitle?: string;
  };
  notes: string[];
  /** A touch of kind `other` on the file's last-contact date, when later than the contact's. */
  touch: LocalDate | null;
  keepwarm: Pick<KeepwarmContact, 'dated' | 'touches' | 'reminders'>;
}

/** A contact of the plan: one to be created (by index into `create`) or one that exists. */
export type Target = { created: number } | { existing: number };

export interface ImportPlan {
  create: PlannedContact[];
  merge: PlannedMerge[];
  /** Known contacts the file has nothing new about. */
  unchanged: number;
  /** Records folded into an earlier record of the same file. */
  duplicates: number;
  issues: ImportIssue[];
  introductions: { from: Target; to: Target; on: LocalDate; note: string | null }[];
  /** Settings of a keepwarm file that differ from the user's. */
  settings: Partial<KeepwarmSettings> | null;
}

const DEFAULT_TIER: Tier = 'C';

export function planImport(parsed: ParsedImport, context: PlanContext): ImportPlan {
  const issues: ImportIssue[] = [...parsed.issues];
  const create: PlannedContact[] = [];
  const foldedInto = new Map<number, Folded>();
  const merges = new Map<number, MergeState>();
  const existing = new Map(context.existing.map((c) => [c.id, c]));
  const people = peopleIndex();
  const refs = new Map<number | string, Target>();
  // keepwarm's own file lists each contact once: two namesakes in it are two
  // people, so its records are matched against the network only.
  const matchWithinFile = parsed.source !== 'keepwarm';
  let duplicates = 0;

  for (const c of context.existing) people.remember({ target: { existing: c.id }, key: nameKey(c.name), emails: new Set(c.email ? [c.email.toLowerCase()] : []) });

  for (const original of parsed.records) {
    // Records are copied, never changed: the parsed file is planned again when the user confirms.
    let record = original;
    if (record.lastContactOn && record.lastContactOn > context.today) {
      issues.push({ line: record.line, code: 'future_date', detail: record.lastContactOn, skipped: false });
      record = { ...record, lastContactOn: null };
    }
    const key = nameKey(record.name);
    const emails = record.emails.map((e) => e.toLowerCase());
    const candidates = people.candidates(key, emails);
    if (candidates.length > 1) {
      issues.push({ line: record.line, code: 'ambiguous', detail: record.name, skipped: true });
      continue;
    }
    const found = candidates[0];
    let target: Target;
    if (!found) {
      target = { created: create.length };
      create.push({ record: { ...record, emails: [...record.emails], phones: [...record.phones], notes: [...record.notes], tags: [...record.tags] }, tier: record.tier ?? DEFAULT_TIER, key });
      if (matchWithinFile) people.remember({ target, key, emails: new Set(emails) });
    } else if ('created' in found.target) {
      target = found.target;
      const planned = create[found.target.created] as PlannedContact;
      let seen = foldedInto.get(found.target.created);
      if (!seen) foldedInto.set(found.target.created, (seen = folded(planned.record)));
      fold(planned.record, seen, record);
      people.addEmails(found, emails);
      duplicates++;
    } else {
      target = found.target;
      const contact = existing.get(found.target.existing) as ExistingContact;
      mergeInto(merges, contact, record);
    }
    if (record.keepwarm) {
      if (record.keepwarm.ref !== null) refs.set(record.keepwarm.ref, target);
      // Older exports name the people of an introduction instead of giving ids.
      if (!refs.has(record.name)) refs.set(record.name, target);
    }
  }

  for (const { merge: m } of merges.values()) {
    // The contact's last contact moves forward with what the import adds (attempts do not count).
    const dates = [m.touch, ...m.keepwarm.touches.filter((t) => isRealTouch(t.kind)).map((t) => t.on)].filter((d): d is string => d !== null);
    const latest = dates.sort().at(-1);
    const before = existing.get(m.contactId)?.lastTouchOn ?? null;
    if (latest && (before === null || latest > before)) m.patch.lastTouchOn = latest;
  }
  const merge = [...merges.values()].map((state) => state.merge).filter(hasAdditions);
  return {
    create,
    merge,
    unchanged: merges.size - merge.length,
    duplicates,
    issues: issues.sort((a, b) => a.line - b.line),
    introductions: planIntroductions(parsed, refs, context),
    settings: settingsDiff(parsed.keepwarm?.settings, context.settings),
  };
}

/** A planned merge, and what its contact has and gains so far (each record merged in is checked against these, not the lists). */
function hasAdditions(m: PlannedMerge): boolean {
  return (
    Object.keys(m.patch).length > 0 ||
    m.notes.length > 0 ||
    m.touch !== null ||
    m.keepwarm.dated.length > 0 ||
    m.keepwarm.touches.length > 0 ||
    m.keepwarm.reminders.length > 0
  );
}

function planIntroductions(parsed: ParsedImport, refs: Map<number | string, Target>, context: PlanContext): ImportPlan['introductions'] {
  const existing = new Set(context.introductions ?? []);
  const seen = new Set<string>();
  const planned: ImportPlan['introductions'] = [];
  for (const intro of parsed.keepwarm?.introductions ?? []) {
    const from = refs.get(intro.from);
    const to = refs.get(intro.to);
    if (!from || !to) continue;
    const key = `${JSON.stringify(from)}|${JSON.stringify(to)}|${intro.on}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if ('existing' in from && 'existing' in to && existing.has(`${from.existing}|${to.existing}|${intro.on}`)) continue;
    planned.push({ from, to, on: intro.on, note: intro.note });
  }
  return planned;
}

function settingsDiff(file: KeepwarmSettings | undefined, current: KeepwarmSettings | undefined): Partial<KeepwarmSettings> | null {
  if (!file || !current) return null;
  const diff: Partial<KeepwarmSettings> = {};
  for (const key of Object.keys(file) as (keyof KeepwarmSettings)[]) {
    if (JSON.stringify(file[key]) !== JSON.stringify(current[key])) (diff as Record<string, unknown>)[key] = file[key];
  }
  return Object.keys(diff).length > 0 ? diff : null;
}
