import { endianness } from 'node:os';
import { packAssessment, PACKED_ASSESSMENT_FORMAT, ParValidationError, unpackAssessment, type Assessment, type Framework, type PackedAssessment } from '@par/core';

// Beside each assessment document the store keeps its compact form (`packAssessment`): the rest as JSON, the cells and
// the rounds as base64 of their numbers: 32-bit ones as variable-length integers (most are small: a flag, a zero, a
// leaf's position, which is stored as its difference from the entry's own), doubles as their little-endian bytes.
// Reading a period's assessments then skips most of the documents' JSON and their parse; `unpackAssessment` checks the
// numbers again, so the column is a cache, never a source of truth: a row without it (written before migration 0004),
// or with one the core refuses (another order of a framework's leaves, another format), is parsed from its document.

/** The stored form of a packed assessment: its fields, and the cells and rounds as base64 with their number type. */
export interface StoredPacked extends Omit<PackedAssessment, 'cells' | 'rounds'> {
  readonly cells: string;
  readonly rounds: string;
  /** `int32`: variable-length integers (zigzag, 7 bits a byte); `float64`: little-endian bytes. */
  readonly cellType: 'int32' | 'float64';
}

/** Doubles are kept as this machine's bytes: only where they are little-endian. */
const LITTLE_ENDIAN = endianness() === 'LE';

/** The value stored for number `k` of a list of `stride`: a cell's first number less its entry's position. */
const offset = (k: number, stride: number) => (stride === 4 && k % 4 === 0 ? (k / 4) * 256 : 0);

/** 32-bit integers as variable-length zigzag integers, 7 bits a byte, in base64. */
export function encodeInts(a: Int32Array, stride: number): string {
  const bytes = Buffer.allocUnsafe(a.length * 5);
  let n = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k]! - offset(k, stride);
    let z = ((v << 1) ^ (v >> 31)) >>> 0;
    while (z >= 0x80) {
      bytes[n++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    bytes[n++] = z;
  }
  return bytes.toString('base64', 0, n);
}

/** The 32-bit integers {@link encodeInts} wrote, or `undefined` for text that is not such a list. */
export function decodeInts(text: string, stride: number): Int32Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  // one number ends at each byte below 0x80
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! < 0x80) count++;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; k < count; k++) {
    let b = bytes[i++]!;
    let z = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[i++]!;
      // a fifth byte holds the last 4 bits; a longer number is not one of 32 bits
      if (shift === 28 && b > 0x0f) return undefined;
      z |= (b & 0x7f) << shift;
    }
    out[k] = ((z >>> 1) ^ -(z & 1)) + offset(k, stride);
  }
  // the text ends with a number, not inside one
  return bytes.length === 0 || bytes[bytes.length - 1]! < 0x80 ? out : undefined;
}

/** Doubles as base64 of their bytes. */
const encodeDoubles = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** The doubles {@link encodeDoubles} wrote, decoded straight into the array's own buffer; `undefined` for other text. */
function decodeDoubles(text: string): Float64Array | undefined {
  // base64 of n bytes: 4 characters for every 3, the last group padded with "="
  const length = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (!Number.isInteger(length) || length % 8 !== 0) return undefined;
  const out = new Float64Array(length / 8);
  return Buffer.from(out.buffer).write(text, 'base64') === length ? out : undefined;
}

/** The stored form of a parsed assessment, or `null` for doubles on a big-endian machine. */
export function storedPacked(a: Assessment): StoredPacked | null {
  const { cells, rounds, ...rest } = packAssessment(a);
  if (cells instanceof Int32Array) return { ...rest, cells: encodeInts(cells, 4), rounds: encodeInts(rounds as Int32Array, 5), cellType: 'int32' };
  if (!LITTLE_ENDIAN) return null;
  return { ...rest, cells: encodeDoubles(cells), rounds: encodeDoubles(rounds as Float64Array), cellType: 'float64' };
}

/**
 * The parsed assessment of a stored packed form, checked by `unpackAssessment`; `undefined` when there is none or it
 * cannot be taken (the caller then parses the document).
 */
export function fromStoredPacked(value: unknown, framework: Framework): Assessment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { cells: cellsText, rounds: roundsText, cellType, ...rest } = value as Partial<StoredPacked>;
  if (rest.format !== PACKED_ASSESSMENT_FORMAT || typeof cellsText !== 'string' || typeof roundsText !== 'string') return undefined;
  const ints = cellType === 'int32';
  if (!ints && !(cellType === 'float64' && LITTLE_ENDIAN)) return undefined;
  const cells = ints ? decodeInts(cellsText, 4) : decodeDoubles(cellsText);
  const rounds = ints ? decodeInts(roundsText, 5) : decodeDoubles(roundsText);
  if (!cells || !rounds) return undefined;
  try {
    return unpackAssessment({ ...rest, cells, rounds }, framework);
  } catch (e) {
    if (ParValidationError.isInstance(e)) return undefined;
    throw e;
  }
}
