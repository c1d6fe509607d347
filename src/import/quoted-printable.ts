/**
 * Quoted-printable (RFC 2045 §6.7), as vCard 2.1 uses it for values with
 * umlauts or line breaks: `=C3=BC` is a byte, a trailing `=` a soft line break.
 *
 * Written here rather than taken from a library because no vCard parser on npm
 * decodes it (ical.js refuses 2.1 cards, vcf leaves `=C3=BC` in the value —
 * see docs/import-export.md), and the decoding itself is a dozen lines: bytes
 * first, then the card's CHARSET (UTF-8 when absent or unknown).
 */

const HEX = /^[0-9A-Fa-f]{2}$/;

/** True when a `;`-separated parameter list marks its value as quoted-printable (`ENCODING=QUOTED-PRINTABLE` or the bare 2.1 form). */
export function isQuotedPrintable(params: string): boolean {
  return /(^|;)\s*(encoding\s*=\s*)?quoted-printable\s*(;|$)/i.test(params);
}

/** The bytes of a quoted-printable value, decoded with `charset`. Soft line breaks must already be joined or are dropped here. */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (char === '=') {
      const hex = value.slice(index + 1, index + 3);
      if (HEX.test(hex)) {
        bytes.push(parseInt(hex, 16));
        index += 2;
        continue;
      }
      // A soft line break left in place, or a stray "=" at the very end.
      if (index === value.length - 1) continue;
      if (value[index + 1] === '\n' || value[index + 1] === '\r') {
        index += value[index + 1] === '\r' && value[index + 2] === '\n' ? 2 : 1;
        continue;
      }
    }
    // Literal text: its own UTF-8 bytes (the file was already decoded).
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const encoded = Buffer.from(code > 0xffff ? value.slice(index, index + 2) : char, 'utf8');
      if (code > 0xffff) index++;
      for (const byte of encoded) bytes.push(byte);
    }
  }
  return decoderFor(charset).decode(Uint8Array.from(bytes));
}

function decoderFor(charset: string) {
  try {
    return new TextDecoder(charset.trim().toLowerCase() || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}
