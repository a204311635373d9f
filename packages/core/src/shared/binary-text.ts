// A binary string holds a document's UTF-8 bytes one to a character (code units 0 to 255), as Node's
// `buffer.toString('latin1')` gives them. `JSON.parse` reads it faster than the decoded text (one byte a character,
// nothing decoded first); the strings it yields are then the bytes of the real ones, decoded here where they are kept.

const ASCII = /^[\x00-\x7f]*$/;

/** Whether a string is all ASCII (it reads the same as a binary string and as text). */
export const isAscii = (s: string): boolean => ASCII.test(s);

// `ignoreBOM`: a U+FEFF inside a string is text and is kept (only the decoder of a whole file drops a leading one)
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes of a binary string; `undefined` when a character is above 255 (it is not one). */
function bytesOf(s: string): Uint8Array | undefined {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return undefined;
    bytes[i] = c;
  }
  return bytes;
}

/** The text of a binary string's UTF-8 bytes; `undefined` when it is not a binary string or not UTF-8. */
export function fromBinary(s: string): string | undefined {
  if (isAscii(s)) return s;
  const bytes = bytesOf(s);
  if (bytes === undefined) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * {@link fromBinary} for the strings of one document, remembering the last two it decoded (an assessment names the
 * same appraiser and reason round after round); `null` for a string it cannot decode, so that a caller testing for a
 * string refuses it.
 */
export function binaryDecoder(): (s: string) => string | null {
  let in1: string | undefined, out1: string | null = null, in2: string | undefined, out2: string | null = null;
  return (s) => {
    if (s === in1) return out1;
    if (s === in2) return out2;
    (in2 = in1), (out2 = out1);
    (in1 = s), (out1 = fromBinary(s) ?? null);
    return out1;
  };
}

/** Stands for a value {@link decodeJson} cannot give: a text that is not UTF-8, or nesting deeper than it goes. */
export const UNDECODED = Symbol('undecoded');

/**
 * A JSON value of a binary document made what the decoded document gives, in place (it is `JSON.parse`'s own, held by
 * nobody else: no second copy of a large value): every text decoded, an object with a key to decode made again with
 * its keys in the same order; {@link UNDECODED} (the value then half done) when a text is not UTF-8 bytes or the value
 * nests more than `depth` levels.
 */
export function decodeJson(value: unknown, depth = 32): unknown {
  if (typeof value === 'string') return fromBinary(value) ?? UNDECODED;
  if (typeof value !== 'object' || value === null) return value;
  if (depth === 0) return UNDECODED;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const d = decodeJson(value[i], depth - 1);
      if (d === UNDECODED) return UNDECODED;
      value[i] = d;
    }
    return value;
  }
  const o = value as Record<string, unknown>;
  let rekey = false;
  for (const k of Object.keys(o)) {
    const d = decodeJson(o[k], depth - 1);
    if (d === UNDECODED) return UNDECODED;
    o[k] = d; // an own property, `__proto__` included: set, not the prototype's setter
    rekey ||= !isAscii(k);
  }
  if (!rekey) return o;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const key = fromBinary(k);
    if (key === undefined) return UNDECODED;
    // as JSON.parse makes it: an own property, `__proto__` included
    Object.defineProperty(out, key, { value: o[k], writable: true, enumerable: true, configurable: true });
  }
  return out;
}
