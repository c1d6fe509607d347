/**
 * keepwarm's own JSON export (src/export/data.ts), read back: export,
 * /forget, import gives the same network. Validated field by field with zod;
 * a file that is JSON but not keepwarm's is refused as a whole, a contact
 * without a name is reported with its position.
 */
import { z } from 'zod';
import { makeAddress } from '../core/address.ts';
import { formatBirthday, parseBirthday } from '../core/birthday.ts';
import { isLocalDate, isValidTimeZone } from '../core/dates.ts';
import { cleanStrings } from '../core/input-text.ts';
import { toSalutation } from '../core/honorifics.ts';
import { TIERS, type Tier } from '../core/types.ts';
import { clean, cleanNote, emailOf, MAX_IMPORT_ROWS, phoneOf } from './limits.ts';
import { refuse, type ImportIssue, type ImportRecord, type ImportRefusal, type KeepwarmSettings, type ParsedImport } from './record.ts';

const date = z.string().refine(isLocalDate, 'not a date (YYYY-MM-DD)');
const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not an instant');
const text = z.string().nullable().optional().transform((v) => v ?? null);
const birthday = z
  .string()
  .refine((v) => parseBirthday(v) !== null, 'not a birthday (MM-DD or YYYY-MM-DD)')
  .nullable()
  .optional();
const address = z
  .object({ street: text, street2: text, postalCode: text, city: text, region: text, country: text, kind: z.enum(['work', 'home']).nullable().optional() })
  .nullable()
  .optional();

const contact = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  tier: z.string(),
  cadenceDays: z.number().int().positive().max(3650).nullable().optional(),
  place: text,
  metOn: date.nullable().optional(),
  tags: z.array(z.string()).optional(),
  company: text,
  role: text,
  email: text,
  phone: text,
  birthday,
  address,
  salutation: text,
  academicTitle: text,
  status: z.enum(['active', 'archived']).optional(),
  source: z.enum(['met', 'add', 'import']).optional(),
  snoozedUntil: date.nullable().optional(),
  createdOn: date.optional(),
  reviewedOn: date.nullable().optional(),
  followUp: z.object({ stage: z.enum(['first', 'second', 'tier']), due: date }).nullable().optional(),
  notes: z.array(z.object({ text: z.string(), at: instant, due: date.optional(), hook: z.enum(['dated', 'news']).optional() })).optional(),
  touches: z.array(z.object({ at: date, kind: z.enum(['met', 'call', 'meeting', 'message', 'email', 'other', 'attempt', 'card']), note: text })).optional(),
  reminders: z.array(z.object({ due: date, text })).optional(),
});

const file = z.object({
  version: z.literal(1),
  contacts: z.array(contact).max(MAX_IMPORT_ROWS),
  introductions: z
    .array(z.object({ from: z.string(), to: z.string(), fromId: z.number().int().optional(), toId: z.number().int().optional(), at: date, note: text }))
    .optional(),
  settings: z
    .object({
      language: z.enum(['en', 'de']).nullable().optional(),
      timeZone: z.string().refine(isValidTimeZone, 'unknown time zone').nullable().optional(),
      nudgeTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      nudgeDays: z.array(z.number().int().min(1).max(7)).min(1),
      nudgeCount: z.number().int().min(1).max(3),
      cadences: z.object({ A: z.number().int().positive().max(3650), B: z.number().int().positive().max(3650) }),
      pausedUntil: date.nullable().optional(),
      pausedFrom: date.nullable().optional(),
      lastReviewOn: date.nullable().optional(),
      holidays: z.string().regex(/^(?:none|[A-Z]{2}(?:-[A-Z0-9]{1,5}){0,2})$/).nullable().optional(),
    })
    .optional(),
});

/** The stored form of a birthday the schema accepted (`--MM-DD` from older or hand-made files becomes `MM-DD`). */
function storedBirthday(text: string | null | undefined): string | null {
  const parsed = parseBirthday(text);
  return parsed ? formatBirthday(parsed) : null;
}

/** True when `text` looks like a keepwarm export (a JSON object with a version), before validating it. */
export function looksLikeKeepwarmJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

export function parseKeepwarmJson(json: string, today: string): ParsedImport | ImportRefusal {
  let value: unknown;
  try {
    // JSON escapes (\u0000, a lone \ud800) only become characters here: cleaned as every text from outside is.
    value = cleanStrings(JSON.parse(json));
  } catch {
    return refuse('bad_json', { reason: 'not JSON' });
  }
  if (value && typeof value === 'object' && Array.isArray((value as { contacts?: unknown }).contacts) && (value as { contacts: unknown[] }).contacts.length > MAX_IMPORT_ROWS) {
    return refuse('too_many_rows', { max: MAX_IMPORT_ROWS });
  }
  const parsed = file.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('bad_json', { reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a keepwarm export' });
  }
  const data = parsed.data;
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  data.contacts.forEach((c, index) => {
    // "Line" is the contact's position in the file here: JSON has no useful line numbers once pretty-printed differently.
    const line = index + 1;
    const name = clean(c.name);
    if (name === '') {
      issues.push({ line, code: 'no_name', skipped: true });
      return;
    }
    const tier = (TIERS as readonly string[]).includes(c.tier) ? (c.tier as Tier) : null;
    if (tier === null) issues.push({ line, code: 'bad_tier', detail: clean(c.tier, 20), skipped: false });
    const email = emailOf(c.email);
    const phone = phoneOf(c.phone);
    records.push({
      line,
      name,
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
      company: clean(c.company) || null,
      role: clean(c.role) || null,
      tier,
      lastContactOn: null,
      notes: [],
      tags: [...new Set((c.tags ?? []).map((t) => clean(t, 40)).filter(Boolean))],
      place: clean(c.place) || null,
      birthday: storedBirthday(c.birthday),
      address: c.address ? makeAddress({ ...c.address, kind: c.address.kind ?? null }) : null,
      salutation: toSalutation(c.salutation),
      academicTitle: clean(c.academicTitle) || null,
      keepwarm: {
        ref: c.id ?? null,
        cadenceDays: c.cadenceDays ?? null,
        status: c.status ?? 'active',
        source: c.source ?? 'import',
        metOn: c.metOn ?? null,
        snoozedUntil: c.snoozedUntil ?? null,
        createdOn: c.createdOn ?? today,
        reviewedOn: c.reviewedOn ?? null,
        followUp: c.followUp ?? null,
        dated: (c.notes ?? [])
          .map((n) => ({ text: cleanNote(n.text), at: new Date(n.at).toISOString(), ...(n.due && n.hook ? { hook: { kind: n.hook, dueOn: n.due } } : {}) }))
          .filter((n) => n.text !== ''),
        touches: (c.touches ?? []).map((t) => ({ on: t.at, kind: t.kind, note: t.note })),
        reminders: (c.reminders ?? []).map((r) => ({ due: r.due, text: r.text })),
      },
    });
  });
  const settings: KeepwarmSettings | undefined = data.settings && {
    language: data.settings.language ?? null,
    timeZone: data.settings.timeZone ?? null,
    nudgeTime: data.settings.nudgeTime,
    nudgeDays: [...new Set(data.settings.nudgeDays)].sort((a, b) => a - b),
    nudgeCount: data.settings.nudgeCount,
    cadences: data.settings.cadences,
    pausedUntil: data.settings.pausedUntil ?? null,
    ...(data.settings.pausedFrom !== undefined ? { pausedFrom: data.settings.pausedFrom } : {}),
    lastReviewOn: data.settings.lastReviewOn ?? null,
    ...(data.settings.holidays !== undefined ? { holidays: data.settings.holidays } : {}),
  };
  return {
    source: 'keepwarm',
    records,
    issues,
    keepwarm: {
      introductions: (data.introductions ?? []).map((i) => ({
        from: i.fromId ?? i.from,
        to: i.toId ?? i.to,
        on: i.at,
        note: i.note,
      })),
      ...(settings ? { settings } : {}),
    },
  };
}
