/**
 * Text from outside (chat messages, button payloads, forwarded names, import
 * files, file names) is cleaned once, at the edge, by one function: no NUL or
 * other control character but line breaks and tab, no lone surrogate, no BOM and
 * no bidi override; and a name's search key ignores zero-width characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput, cleanStrings } from '../../src/core/input-text.ts';
import { nameKey } from '../../src/core/names.ts';

// Control characters are what this looks for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cleanInput', () => {
  it('drops NUL and the other C0 and C1 controls, keeping line breaks (LF, CR LF, CR) and tab', () => {
    expect(cleanInput('An\u0000na\u0007 Sch\u001bmidt\u007f\u0085\u009f\u000c')).toBe('Anna Schmidt');
    expect(cleanInput('line one\n\tline two\r\nthree\rfour')).toBe('line one\n\tline two\r\nthree\rfour');
  });

  it('replaces a lone surrogate with U+FFFD and keeps a pair (an emoji) whole', () => {
    expect(cleanInput('Anna \uD800 Berg \uDFFF')).toBe('Anna \uFFFD Berg \uFFFD');
    expect(cleanInput('Anna 👋')).toBe('Anna 👋');
  });

  it('drops a byte-order mark anywhere and every bidi embedding, override and isolate', () => {
    expect(cleanInput('\uFEFFAnna\uFEFF Berg')).toBe('Anna Berg');
    expect(cleanInput('\u202EnnA\u202C \u2066Berg\u2069 \u202A\u202B\u202D\u2067\u2068')).toBe('nnA Berg ');
  });

  it('keeps letters of every script, zero-width joiners inside words and emoji sequences', () => {
    for (const text of ['Jürgen Müller', 'محمد علي', 'שרה כהן', 'می\u200Cخواهم', '👩\u200D💻 Zoë', 'Łukasz Żółć']) expect(cleanInput(text)).toBe(text);
  });

  it('for any string: no control but line breaks and tab, no lone surrogate, and cleaning twice changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })), (input) => {
        const clean = cleanInput(input);
        expect(clean).not.toMatch(CONTROL);
        expect(clean).not.toMatch(LONE_SURROGATE);
        expect(clean).not.toMatch(/[\uFEFF\u202A-\u202E\u2066-\u2069]/);
        expect(cleanInput(clean)).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cleanStrings', () => {
  it('cleans every string inside plain data and leaves numbers, booleans and null alone', () => {
    const data = { name: 'A\u0000na', line: 3, tags: ['x\uD800', 'ok'], nested: { note: '\u202Eevil', none: null, yes: true } };
    expect(cleanStrings(data)).toEqual({ name: 'Ana', line: 3, tags: ['x\uFFFD', 'ok'], nested: { note: 'evil', none: null, yes: true } });
  });
});

describe('name keys', () => {
  it('ignore zero-width characters, soft hyphens and direction marks inside a name', () => {
    const plain = nameKey('Anna Berg');
    for (const name of ['An\u200Bna Berg', 'Anna\u200D Berg', 'An\u00ADna Berg', '\u200EAnna Berg\u200F', 'Anna B\u2060erg', 'An\uFEFFna Berg']) expect(nameKey(name)).toBe(plain);
  });
});
