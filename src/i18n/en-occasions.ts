/** English words of occasions and files: birthday events in the calendar export, the /stats picture, card files. */
import type { StatsChartTexts } from '../chart/render.ts';

export const enOccasions = {
  icsBirthday: (name: string) => `🎂 ${name}`,
  statsChartTexts: (): StatsChartTexts => ({
    title: 'Your network — the last 12 weeks',
    touchesPerWeek: 'Touches per week',
    week: (week) => `W${week}`,
    shareOnA: 'Share of touches on A contacts',
    aim: (percent) => `aim ${percent} %`,
    noTouches: 'no touches yet',
    close: 'A and B contacts',
    limit: (limit) => `~${limit}`,
    percent: (value) => `${value} %`,
  }),
  /** The title in a label PDF's document properties. */
  cardsTitle: (year: number) => `Holiday cards ${year}`,
};
