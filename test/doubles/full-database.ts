/**
 * An SQLite database that cannot grow: SQLite's `max_page_count` set to the
 * pages it has, and the notes' last page filled, so saving a note of `noteLength`
 * characters fails with SQLITE_FULL — the same error, through the same code,
 * as a full file system. `room()` lets it grow again.
 */
import type SQLite from 'better-sqlite3';
import { expect } from 'vitest';

export function fillDatabase(sqlite: SQLite.Database, noteLength: number): { room(): void } {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${pages}`);
  const pad = sqlite.prepare(`insert into notes (user_id, contact_id, text, created_at) values (1, 1, ?, '2026-11-01T00:00:00.000Z')`);
  for (;;) {
    try {
      pad.run('x'.repeat(noteLength));
    } catch (error) {
      expect((error as { code?: string }).code).toBe('SQLITE_FULL');
      break;
    }
  }
  return { room: () => sqlite.pragma(`max_page_count = ${pages + 10_000}`) };
}
