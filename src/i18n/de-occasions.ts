/** Deutsche Wörter zu Anlässen und Dateien — dieselben Schlüssel wie en-occasions.ts. */
import type { enOccasions } from './en-occasions.ts';

export const deOccasions: typeof enOccasions = {
  icsBirthday: (name) => `🎂 ${name}`,
  statsChartTexts: () => ({
    title: 'Dein Netzwerk — die letzten 12 Wochen',
    touchesPerWeek: 'Kontakte pro Woche',
    week: (week) => `KW ${week}`,
    shareOnA: 'Anteil A-Kontakte',
    aim: (percent) => `Ziel ${percent} %`,
    noTouches: 'noch keine Kontakte',
    close: 'A- und B-Kontakte',
    limit: (limit) => `~${limit}`,
    percent: (value) => `${value} %`,
  }),
  cardsTitle: (year) => `Weihnachtskarten ${year}`,
};
