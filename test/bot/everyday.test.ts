/**
 * The everyday corpus (test/fixtures/everyday.jsonl): messages as people
 * really type them — several names at once, lowercase, typos, salutations,
 * German calendar words, answers, details by chat — each run through the real
 * conversation on a store with the case's clock (Tuesday 2026-11-24 10:00 in
 * Berlin unless it says otherwise). A case states the structured result:
 * the intent, every person resolved, the dates, and — by listing everything
 * that may change — what must not be created or changed. A case marked
 * `open` is a known gap: it runs and is expected to fail, and counts as
 * failing in the pass rate printed at the end.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { caseWorld, diff, openQuestionKind, parsedIntent, replyFiles, replyText, snapshot, type Case, type Outcome } from './everyday-world.ts';
import type { Reply } from '../../src/port.ts';

const cases: Case[] = readFileSync(new URL('../fixtures/everyday.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case);

const results = new Map<string, boolean>();

function matches(actual: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([key, want]) => {
    const got = actual[key];
    if (key === 'noteHas') return typeof actual['note'] === 'string' && (actual['note'] as string).toLowerCase().includes(String(want).toLowerCase());
    if (key === 'noteLacks') return (want as string[]).every((w) => !String(actual['note'] ?? '').toLowerCase().includes(w.toLowerCase()));
    if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
      return got !== null && typeof got === 'object' && matches(got as Record<string, unknown>, want as Record<string, unknown>);
    }
    return JSON.stringify(got ?? null) === JSON.stringify(want);
  });
}

/** Every expected entry matches a different actual one, and nothing else happened. */
function sameSet(kind: string, actual: Record<string, unknown>[], expected: Record<string, unknown>[] | undefined): void {
  const want = expected ?? [];
  const left = [...actual];
  for (const entry of want) {
    const index = left.findIndex((a) => matches(a, entry));
    expect(index, `${kind}: expected ${JSON.stringify(entry)} among ${JSON.stringify(actual)}`).toBeGreaterThanOrEqual(0);
    left.splice(index, 1);
  }
  expect(left, `${kind}: unexpected ${JSON.stringify(left)}`).toEqual([]);
}

/**
 * The touch a new contact is created with (the meeting of /met, the "last
 * talked" of /add) belongs to `created`: it is left out unless the case
 * names a touch with that person.
 */
function ownTouches(outcome: Outcome, e: Case['expect']): Outcome['touches'] {
  const created = new Set(outcome.created.map((c) => c['name']));
  const named = new Set((e.touches ?? []).map((t) => t.name));
  return outcome.touches.filter((t) => !(created.has(t.name) && !named.has(t.name) && (t.kind === 'met' || (t.kind === 'other' && t.note === null))));
}

function checkOutcome(outcome: Outcome, e: Case['expect']): void {
  sameSet('touches', ownTouches(outcome, e), e.touches);
  sameSet('created', outcome.created, e.created);
  sameSet('changed', outcome.changed, e.changed);
  sameSet('reminders', outcome.reminders.map((r) => ({ ...r, note: r.text })), e.reminders);
  sameSet('notes', outcome.notes, e.notes);
  sameSet('snoozed', outcome.snoozed, e.snoozed);
  if (e.pause === undefined) expect(outcome.pause, 'pause').toBeUndefined();
  else expect(outcome.pause && matches(outcome.pause, e.pause), `pause ${JSON.stringify(outcome.pause)}`).toBe(true);
}

const NOTHING: Outcome = { touches: [], created: [], changed: [], reminders: [], notes: [], snoozed: [] };

async function run(c: Case): Promise<void> {
  const world = await caseWorld(c);
  const { chat } = world;
  try {
    for (const step of c.given ?? []) {
      if (typeof step === 'string') await chat.say(step);
      else await world.tick(step.tick);
    }
    const before = await snapshot(chat.db, world.userId);
    const e = c.expect;
    const parsed = parsedIntent(c);
    if (e.intent !== undefined) expect(parsed.intent ?? parsed.error, 'intent').toBe(e.intent);
    if (e.refused !== undefined) expect(parsed.error, 'refused').toBe(e.refused);

    const replies: Reply[] = [...(await chat.say(c.say))];
    if (e.asks !== undefined) {
      const kind = await openQuestionKind(chat.db, world.userId, chat.now);
      if (e.asks === 'open') expect(chat.buttons().length, 'buttons to choose').toBeGreaterThan(0);
      else expect(kind, 'question').toBe(e.asks);
      expect(diff(before, await snapshot(chat.db, world.userId)), 'nothing applied before the answer').toEqual(NOTHING);
    }
    for (const step of c.then ?? []) {
      if ('press' in step) replies.push(...(await chat.press(step.press)));
      else if ('say' in step) replies.push(...(await chat.say(step.say)));
    }
    const after = await snapshot(chat.db, world.userId);
    checkOutcome(diff(before, after), e);
    const text = replyText(replies).toLowerCase();
    for (const want of e.reply ?? []) expect(text, 'reply').toContain(want.toLowerCase());
    for (const unwanted of e.replyNot ?? []) expect(text, 'reply').not.toContain(unwanted.toLowerCase());
    if (e.file !== undefined) {
      const files = replyFiles(replies).join('\n');
      for (const want of e.file) expect(files, 'file').toContain(want);
    }
    if (e.undo) {
      await chat.say('/undo');
      expect(diff(before, await snapshot(chat.db, world.userId)), 'one /undo takes the message back').toEqual(NOTHING);
    }
  } finally {
    await world.close();
  }
}

describe('the everyday corpus, through the conversation', () => {
  for (const c of cases) {
    const title = `${c.id}: ${c.say.length > 90 ? `${c.say.slice(0, 90)}…` : c.say}`;
    const body = async () => {
      try {
        await run(c);
        results.set(c.id, true);
      } catch (error) {
        results.set(c.id, false);
        throw error;
      }
    };
    if (c.open !== undefined) it.fails(`${title} (open: ${c.open})`, body);
    else it(title, body);
  }

  afterAll(() => {
    const total = cases.length;
    const passed = [...results.values()].filter(Boolean).length;
    const german = cases.filter((c) => c.lang === 'de').length;
    const byCategory = new Map<string, { pass: number; all: number }>();
    for (const c of cases) {
      const entry = byCategory.get(c.cat) ?? { pass: 0, all: 0 };
      entry.all++;
      if (results.get(c.id)) entry.pass++;
      byCategory.set(c.cat, entry);
    }
    const lines = [...byCategory].map(([cat, r]) => `  ${cat.padEnd(10)} ${r.pass}/${r.all}`);
    console.log(`everyday corpus: ${passed}/${total} cases pass (${((100 * passed) / total).toFixed(1)} %), ${german} German, ${total - german} English\n${lines.join('\n')}`);
  });
});

it('the everyday corpus holds at least 300 cases, about two thirds German, each id once', () => {
  expect(cases.length).toBeGreaterThanOrEqual(300);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  const share = cases.filter((c) => c.lang === 'de').length / cases.length;
  expect(share).toBeGreaterThan(0.6);
  expect(share).toBeLessThan(0.75);
});
