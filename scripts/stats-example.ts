/**
 * Draws docs/stats-example.png, the /stats picture shown in the README, from
 * made-up data: a network of 32 A and 88 B contacts and twelve weeks of
 * touches, on a fixed date, through the same code as the chat's /stats.
 *
 *   npx tsx scripts/stats-example.ts [OUT]    (default docs/stats-example.png)
 */
import { writeFileSync } from 'node:fs';
import { CHART_WEEKS, statsChartData } from '../src/chart/data.ts';
import { statsChartPng } from '../src/chart/render.ts';
import type { ContactFacts, TouchFacts } from '../src/core/contact.ts';
import { addDays } from '../src/core/dates.ts';
import { computeStats } from '../src/core/stats.ts';
import { DEFAULT_CADENCES, type Tier } from '../src/core/types.ts';
import { catalog } from '../src/i18n/index.ts';

const TODAY = '2026-12-05';

function contact(id: number, tier: Tier): ContactFacts {
  return {
    id, tier, name: `Contact ${id}`, cadenceDays: null, status: 'active', source: 'add', place: null, snoozedUntil: null,
    metOn: null, createdOn: '2026-01-01', lastTouchOn: null, followUp: null, reviewedOn: null,
  };
}

const contacts = [...Array.from({ length: 32 }, (_, i) => contact(i + 1, 'A')), ...Array.from({ length: 88 }, (_, i) => contact(i + 33, 'B'))];
// Touches a week, oldest first, and how many of them went to A contacts: a habit that grows.
const perWeek = [3, 5, 4, 6, 2, 7, 6, 8, 5, 9, 8, 10];
const onA = [2, 3, 3, 4, 1, 5, 5, 6, 4, 7, 7, 8];
const touches: TouchFacts[] = [];
const firstMonday = addDays('2026-11-30', -7 * (CHART_WEEKS - 1));
perWeek.forEach((count, week) => {
  for (let n = 0; n < count; n++) {
    const contactId = n < (onA[week] ?? 0) ? 1 + ((week * 3 + n) % 32) : 33 + ((week * 5 + n) % 88);
    touches.push({ contactId, on: addDays(firstMonday, 7 * week + (n % 5)), kind: 'call' });
  }
});

const data = statsChartData(computeStats(contacts, touches, DEFAULT_CADENCES, TODAY, CHART_WEEKS));
const out = process.argv[2] ?? 'docs/stats-example.png';
writeFileSync(out, await statsChartPng(data, catalog('en').statsChartTexts()));
process.stdout.write(`${out}: ${touches.length} touches over ${CHART_WEEKS} weeks, ${data.shareOnA ?? 0} % on A, ${data.close} A and B contacts\n`);
