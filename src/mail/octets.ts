/**
 * Octets of text as it goes on the wire. Line limits are in octets (RFC 5321
 * §4.5.3.1.4 and §4.5.3.1.6 for SMTP command and text lines, RFC 5322 §2.1.1
 * for message lines) while offsets in the editor are UTF-16 code units: a
 * problem on the part of a line past its limit starts at the character that
 * crosses the limit, found here, so the same line is measured the same way in
 * a message and in a transcript.
 */

/** The octets of a span of text and where they pass a limit. */
export interface OctetMeasure {
  /** Octets of the whole span. */
  octets: number;
  /**
   * Offset of the first character whose octets go past the limit, or -1 when
   * the span is within it. Never inside a surrogate pair: a character of four
   * octets is one character here.
   */
  cut: number;
}

/**
 * Measures `text[from, to)` in UTF-8 (with `latin1`, one octet per character
 * up to U+00FF, for text read from a file as latin1) and finds where it passes
 * `limit` octets. A lone surrogate counts as the three octets of U+FFFD, what
 * Node's UTF-8 encoder writes for it (so the count is `Buffer.byteLength`'s).
 */
export function measureOctets(text: string, from: number, to: number, limit: number, latin1 = false): OctetMeasure {
  const oneOctet = latin1 ? 0x100 : 0x80;
  let octets = 0;
  let cut = -1;
  for (let i = from; i < to; i++) {
    const at = i;
    const c = text.charCodeAt(i);
    if (c < oneOctet) octets++;
    else if (c < 0x800) octets += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      octets += 4;
      i++;
    } else octets += 3;
    if (cut < 0 && octets > limit) cut = at;
  }
  return { octets, cut };
}

/**
 * UTF-8 octets of `text[from, to)` (a lone surrogate counts as the 3 octets of
 * U+FFFD): counted in place while the span is ASCII (the norm: no copy), else
 * by Node's encoder, which agrees with `measureOctets`.
 */
export function utf8Length(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 127) return Buffer.byteLength(text.slice(from, to), 'utf8');
  return to - from;
}
