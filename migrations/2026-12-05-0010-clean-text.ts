// Text stored before keepwarm cleaned its input at the edge (src/core/input-text.ts)
// may hold NUL, other control characters, lone surrogates, BOMs or bidi
// overrides — SQLite stored them as they came, and PostgreSQL refuses a NUL,
// so such a row would stop `keepwarm migrate-data`. This cleans every stored
// text the same way once, JSON columns value by value, and gives a contact
// whose name changed its new search key.
// Frozen in time: untyped handle, no application imports — the cleaning and the
// key below are copies of the rules as they were when this was written.
import type { Kysely } from 'kysely';

// Control characters are what this looks for.
// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(DROPPED, '');
}

function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), cleanJson(v)]));
  return value;
}

// nameKey of src/core/names.ts as of this migration.
const TITLES = new Set(['dr', 'prof', 'dipl', 'ing', 'herr', 'frau', 'mr', 'mrs', 'ms', 'mx', 'phd']);
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
function nameKey(name: string): string {
  const words = name
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/['\u2019\u02bc`\u00b4]/g, '')
    .replace(/[ßæœøłđðþı]/g, (ch) => LETTERS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const titles = words.filter((w) => TITLES.has(w)).length;
  const kept = titles > 0 && titles < words.length ? words.filter((w) => !TITLES.has(w)) : words;
  return kept.map((w) => w.replace(/([aou])e/g, '$1')).join(' ');
}

/** Text columns, and those holding JSON, of each table with an `id`. */
const TABLES: Record<string, { text: string[]; json: string[] }> = {
  contacts: { text: ['name', 'place', 'company', 'role', 'email', 'phone'], json: ['tags'] },
  touches: { text: ['note'], json: [] },
  notes: { text: ['text'], json: [] },
  reminders: { text: ['text'], json: [] },
  introductions: { text: ['note'], json: [] },
  undo_log: { text: ['label'], json: ['ops'] },
  import_plans: { text: ['file_name'], json: ['payload'] },
};
const BATCH = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(TABLES)) {
    for (let after = 0; ; ) {
      const rows = (await db
        .selectFrom(table)
        .select(['id', ...columns.text, ...columns.json])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()) as Record<string, unknown>[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const changes: Record<string, string> = {};
        for (const column of columns.text) {
          const value = row[column];
          if (typeof value === 'string' && clean(value) !== value) changes[column] = clean(value);
        }
        for (const column of columns.json) {
          const value = row[column];
          if (typeof value !== 'string') continue;
          let parsed: unknown;
          try {
            parsed = JSON.parse(value);
          } catch {
            continue;
          }
          const cleaned = JSON.stringify(cleanJson(parsed));
          if (cleaned !== JSON.stringify(parsed)) changes[column] = cleaned;
        }
        if (table === 'contacts' && changes.name !== undefined) changes.name_key = nameKey(changes.name);
        if (Object.keys(changes).length > 0) await db.updateTable(table).set(changes).where('id', '=', row.id).execute();
      }
      after = Number(rows.at(-1)!.id);
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(_db: Kysely<any>): Promise<void> {
  // What was dropped is gone; nothing to undo.
}
