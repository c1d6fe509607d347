/**
 * From bytes to text, and the first judgement of a file: empty, binary, a ZIP
 * archive, or text in some encoding. Exports are UTF-8 almost always; Excel on
 * Windows still writes Windows-1252 ("ANSI") CSV and "Unicode text" as UTF-16,
 * so those are read too.
 */

export type Decoded =
  | { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'binary' };

const SAMPLE = 64 * 1024;

function startsWith(content: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, index) => content[index] === byte);
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.length === 0) return false;
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) control++;
  }
  return control / sample.length > 0.02;
}

/** Decodes `content`, or says why it is no text at all. A byte-order mark is removed. */
export function decodeFile(content: Buffer): Decoded {
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  let decoded: Decoded;
  if (startsWith(content, [0xff, 0xfe])) decoded = { kind: 'text', text: new TextDecoder('utf-16le').decode(content.subarray(2)), encoding: 'utf-16le' };
  else if (startsWith(content, [0xfe, 0xff])) decoded = { kind: 'text', text: new TextDecoder('utf-16be').decode(content.subarray(2)), encoding: 'utf-16be' };
  else {
    const body = startsWith(content, [0xef, 0xbb, 0xbf]) ? content.subarray(3) : content;
    try {
      decoded = { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
    } catch {
      // Not UTF-8: a legacy single-byte file, unless it is binary (checked below).
      decoded = { kind: 'text', text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
    }
  }
  if (decoded.kind !== 'text') return decoded;
  if (decoded.text.trim() === '') return { kind: 'empty' };
  if (looksBinary(decoded.text)) return { kind: 'binary' };
  return decoded;
}

/**
 * Calls `visit` for each line of `text` (LF, CRLF or CR ends), with its
 * 1-based number; stops when `visit` returns false. No array of lines is
 * built, so a 20 MB file costs no second copy.
 */
export function forEachLine(text: string, visit: (line: string, number: number) => boolean | void): void {
  const length = text.length;
  // Old Mac files end lines with a lone CR; everything else has LF (with or without CR).
  const loneCr = /\r(?!\n)/.test(text);
  let start = 0;
  let number = 0;
  while (start < length) {
    let end: number;
    let next: number;
    if (loneCr) {
      end = start;
      while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      next = end < length && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    } else {
      // indexOf finds the line end natively: a 50 KB photo line costs no loop here.
      const lf = text.indexOf('\n', start);
      next = lf < 0 ? length : lf + 1;
      end = lf < 0 ? length : lf;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
    }
    number++;
    if (visit(text.slice(start, end), number) === false) return;
    start = next;
  }
}
