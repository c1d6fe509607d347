import type { Language } from '../core/types.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import type { Messages } from './messages.ts';

const catalogs: Record<Language, Messages> = { en, de };

export function catalog(language: Language): Messages {
  return catalogs[language];
}
