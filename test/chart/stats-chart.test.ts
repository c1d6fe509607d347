import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/i18n/index.ts';
import { CHART_WEEKS, isoWeekNumber, statsChartData, type StatsChartData } from '../../src/chart/data.ts';
import { CHART_SIZE, statsChartPng, statsChartSvg } from '../../src/chart/render.ts';
import type { TouchFacts } from '../../src/core/contact.ts';
import { addDays } from '../../src/core/dates.ts';
import { computeStats } from '../../src/core/stats.ts';
import { CADENCES, contact } from '../core/fixtures.ts';

const TODAY = '2026-12-05'; // a Saturday in ISO week 49

function network(a: number, b: number) {
  return [...Array.from({ length: a }, () => contact({ tier: 'A' })), ...Array.from({ length: b }, () => contact({ tier: 'B' }))];
}

describe('the /stats picture: its data', () => {
  it('ISO week numbers, across New Year and in a year with 53 weeks', () => {
    expect(isoWeekNumber('2026-11-30')).toBe(49);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2024-12-30')).toBe(1);
  });

  it('touches per week for the last 12 weeks, the share on A against 80 %, A + B against 150', () => {
    const contacts = network(30, 90);
    const [anA, aB] = [contacts[0]!, contacts[40]!];
    const touches: TouchFacts[] = [
      { contactId: anA.id, on: TODAY, kind: 'call' },
      { contactId: anA.id, on: addDays(TODAY, -1), kind: 'meeting' },
      { contactId: aB.id, on: addDays(TODAY, -2), kind: 'email' },
      { contactId: aB.id, on: addDays(TODAY, -30), kind: 'call' },
      // Tried, not reached: no touch. Older than 12 weeks: not in the picture.
      { contactId: anA.id, on: addDays(TODAY, -3), kind: 'attempt' },
      { contactId: anA.id, on: addDays(TODAY, -7 * 12), kind: 'call' },
    ];
    const data = statsChartData(computeStats(contacts, touches, CADENCES, TODAY, CHART_WEEKS));
    expect(data.weeks).toHaveLength(12);
    expect(data.weeks.map((w) => w.week)).toEqual([38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    expect(data.weeks.at(-1)).toEqual({ weekStart: '2026-11-30', week: 49, touches: 3 });
    expect(data.weeks.reduce((sum, w) => sum + w.touches, 0)).toBe(4);
    expect(data).toMatchObject({ peak: 3, shareOnA: 50, aimOnA: 80, belowAim: true, close: 120, dunbarLimit: 150, overDunbar: false });
  });

  it('before the first touch there is no share to show, and no warning about it', () => {
    const data = statsChartData(computeStats(network(1, 0), [], CADENCES, TODAY, CHART_WEEKS));
    expect(data).toMatchObject({ shareOnA: null, belowAim: false, peak: 0 });
  });

  it('more than 150 A and B contacts is over the limit', () => {
    expect(statsChartData(computeStats(network(60, 91), [], CADENCES, TODAY, CHART_WEEKS))).toMatchObject({ close: 151, overDunbar: true });
  });
});

describe('the /stats picture: the PNG', () => {
  const data: StatsChartData = {
    weeks: Array.from({ length: 12 }, (_, i) => ({ weekStart: addDays('2026-09-14', 7 * i), week: 38 + i, touches: (i * 5) % 7 })),
    peak: 6,
    shareOnA: 62,
    aimOnA: 80,
    close: 87,
    dunbarLimit: 150,
    overDunbar: false,
    belowAim: true,
  };

  it('the SVG has the words of the user’s language', () => {
    const svg = statsChartSvg(data, catalog('de').statsChartTexts());
    for (const text of ['Dein Netzwerk', 'Kontakte pro Woche', 'KW 38', 'KW 49', 'Ziel 80 %', '62 %', '~150', '87']) expect(svg).toContain(text);
    expect(statsChartSvg(data, catalog('en').statsChartTexts())).toContain('W49');
  }, 60_000);

  it('decodes as a 960 × 540 PNG that is not blank: white ground, bars in their colours, text', async () => {
    const png = PNG.sync.read(await statsChartPng(data, catalog('en').statsChartTexts()));
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    const colours = new Map<string, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const key = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    const pixels = png.width * png.height;
    expect(colours.get('255,255,255')! / pixels).toBeGreaterThan(0.5);
    expect(colours.get('255,255,255')! / pixels).toBeLessThan(0.95);
    // The weekly bars (blue) and the share on A below its aim (amber) are drawn.
    expect(colours.get('74,123,208') ?? 0).toBeGreaterThan(2000);
    expect(colours.get('230,162,60') ?? 0).toBeGreaterThan(1000);
    // Antialiased text and lines give many shades.
    expect(colours.size).toBeGreaterThan(50);
  }, 60_000);

  it('is the same picture every time: the bundled font, no system font', async () => {
    const texts = catalog('de').statsChartTexts();
    const [first, second] = [await statsChartPng(data, texts), await statsChartPng(data, texts)];
    expect(first.equals(second)).toBe(true);
  }, 60_000);
});
