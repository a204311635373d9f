import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isAbsolute, relative, resolve } from 'node:path';

/** The largest file the CLI reads: 50 MiB (a district's year of data is well under 1 MiB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file that cannot be read as JSON: why, in one line, with a stable code. */
export class UnreadableFile extends Error {
  /** Builds it. */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

const inside = (dir: string, path: string) => {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** How a workspace file is read: its size limit, and whether it may lie outside the workspace folder. */
export interface ReadOptions {
  readonly limit?: number;
  readonly outside?: boolean;
}

/**
 * Reads a workspace file: a regular file inside the workspace folder `dir` (after following links), at most
 * `limit` bytes, UTF-8 (a UTF-8 byte-order mark is accepted; UTF-16 is named and refused). Throws
 * {@link UnreadableFile}. `outside: true` lifts the folder rule for a file named on the command line.
 */
export const readText = (dir: string, file: string, options: ReadOptions = {}): string => readUtf8(dir, file, options).toString('utf8');

/**
 * {@link readText} as a binary string: the file's UTF-8 bytes one to a character, checked as {@link readText} checks
 * them (the form `parseAssessmentsJson` of `@par/core` reads fastest).
 */
export const readBinary = (dir: string, file: string, options: ReadOptions = {}): string => readUtf8(dir, file, options).toString('latin1');

/** The bytes of a workspace file (as {@link readText} finds and checks them), without a byte-order mark. */
function readUtf8(dir: string, file: string, options: ReadOptions): Buffer {
  const limit = options.limit ?? MAX_FILE_BYTES;
  const path = resolve(dir, file);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    throw new UnreadableFile('unreadable', (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file' : `Cannot read it (${(e as Error).message})`);
  }
  if (!options.outside && !inside(realpathSync(dir), real)) throw new UnreadableFile('outside_workspace', 'The file is outside the workspace folder; name files inside it');
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableFile('unreadable', `Cannot read it (${(e as Error).message})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFile('not_a_file', 'Not a regular file (a folder, device or pipe)');
    if (stat.size > limit) throw new UnreadableFile('too_large', `The file is ${stat.size} bytes, more than the limit of ${limit}`);
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1); // only the bytes read are used
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > limit) throw new UnreadableFile('too_large', `The file is more than the limit of ${limit} bytes`);
    return utf8(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 bytes, without a byte-order mark; other encodings are named. */
function utf8(bytes: Buffer): Buffer {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableFile('encoding', 'The file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8');
  }
  if (bytes.subarray(0, 64).includes(0)) throw new UnreadableFile('encoding', 'The file holds NUL bytes: it is binary or UTF-16, not UTF-8 text');
  // a byte-order mark, or two (a fatal TextDecoder, used before, took a second one after the first)
  const bom = (at: number) => bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
  const start = bom(0) ? (bom(3) ? 6 : 3) : 0;
  // checked whole (simdutf, as fast as a copy): decoding then cannot replace anything (a fatal TextDecoder does both
  // at a quarter of the speed)
  const text = bytes.subarray(start);
  if (!isUtf8(text)) throw new UnreadableFile('encoding', 'The file is not valid UTF-8: save it as UTF-8');
  return text;
}

/** Reads a workspace file (as {@link readText}) and parses it as JSON. */
export function readJson(dir: string, file: string, options: ReadOptions = {}): unknown {
  const text = readText(dir, file, options);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UnreadableFile('invalid_json', `Not valid JSON: ${(e as Error).message}`);
  }
}
