/**
 * The shape of a message catalog. English defines it; every other language
 * must provide exactly the same keys (the type-checker and a test say so).
 */
import type { en } from './en.ts';

export type Messages = typeof en;
