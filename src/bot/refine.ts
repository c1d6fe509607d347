/**
 * Where a name ends, settled against the network when the text did not say
 * (the parser's `loose`): "/notiz anna schmidt ist jetzt CFO" typed with
 * capitals elsewhere reads "anna" as the name — but the network knows Anna
 * Schmidt, so the name is "anna schmidt" and the note "ist jetzt CFO"; and
 * "/note anna promoted to cfo" in lower case reads "anna promoted", which no
 * contact is called, so the name shrinks to "anna". A longer name that every
 * word matches wins; the typed split stays when the network knows neither.
 */
import { matchContacts, matchWholeWords, prepareCandidates, type PreparedCandidates } from '../core/names.ts';
import { contactNames } from '../store/contacts.ts';
import type { Ctx } from './context.ts';

/** Words a name may grow by, taken from the start of the note. */
const MAX_EXTRA_WORDS = 3;

export interface Split {
  name: string;
  rest: string;
}

async function activeNames(ctx: Ctx): Promise<PreparedCandidates> {
  return prepareCandidates((await contactNames(ctx.db, ctx.user.id)).filter((c) => c.status === 'active'));
}

/**
 * The name and the text after it, with the boundary moved to where the
 * network knows a name: longest first, never taking the whole text when
 * `keepRest` (a note or a value must stay). `fits` can veto a rest (an
 * address must still read as one).
 */
export async function refineSplit(ctx: Ctx, split: Split, keepRest: boolean, fits: (rest: string) => boolean = () => true): Promise<Split> {
  const nameWords = split.name.split(' ').filter((w) => w !== '');
  const restWords = split.rest.split(' ').filter((w) => w !== '');
  const words = [...nameWords, ...restWords];
  const at = (k: number): Split => ({ name: words.slice(0, k).join(' '), rest: words.slice(k).join(' ') });
  const candidates = await activeNames(ctx);
  const longest = Math.min(words.length - (keepRest ? 1 : 0), nameWords.length + MAX_EXTRA_WORDS);
  for (let k = longest; k > nameWords.length; k--) {
    const candidate = at(k);
    if (matchWholeWords(candidate.name, candidates).length > 0 && fits(candidate.rest)) return candidate;
  }
  if (matchContacts(split.name, candidates).kind !== 'none') return split;
  for (let k = nameWords.length - 1; k >= 1; k--) {
    const candidate = at(k);
    if (matchContacts(candidate.name, candidates).kind !== 'none' && fits(candidate.rest)) return candidate;
  }
  return split;
}
