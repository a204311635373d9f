import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseWithSchema, ParValidationError } from '@par/calendar';
import { AssignmentInputSchema, LogEntrySchema } from '@par/lifecycle';
import { logFileParser } from '../src/workspace.js';

// The Phong Thổ example's lifecycle logs: 60 lifecycles, each entry kind the example has
const EXAMPLE = JSON.parse(readFileSync(new URL('../../../examples/phong-tho-2022/data/lifecycle-logs.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
// what the file's check gave before its quick path, and must still give: the whole file through its schema
const SCHEMA = z.array(z.strictObject({ input: AssignmentInputSchema, entries: z.array(LogEntrySchema) }));
const parseLogFile = await logFileParser();

/** The outcome of a check: the result as JSON (key order included), or the problems in their order. */
function outcome(check: (raw: unknown) => unknown, raw: unknown): { ok: string } | { issues: unknown } {
  try {
    return { ok: JSON.stringify(check(raw)) };
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return { issues: e.issues };
  }
}

type Obj = Record<string, unknown>;
type Edit = (file: Obj[]) => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// an edit after another may find what it edits gone: it then edits nothing (or a scratch object)
const at = (file: Obj[], i: number): Obj => {
  const log = file[i % file.length];
  return isObj(log) ? log : {};
};
const entryOf = (file: Obj[], i: number, j: number): Obj => {
  const entries = at(file, i)['entries'];
  const entry = Array.isArray(entries) && entries.length > 0 ? entries[j % entries.length] : undefined;
  return isObj(entry) ? entry : {};
};
const inner = (o: Obj, key: string): Obj => (isObj(o[key]) ? (o[key] as Obj) : {});
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -2, max: 5 }), fc.double({ noNaN: true }), fc.string({ maxLength: 4 }), fc.constant('2023-02-30'), fc.constant([]), fc.constant({}));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>(() => {}),
  fc.nat().map<Edit>((i) => (f) => void delete at(f, i)['input']),
  fc.nat().map<Edit>((i) => (f) => void delete at(f, i)['entries']),
  fc.tuple(fc.nat(), fc.constantFrom('note', 'entries2', '__proto__', 'constructor')).map<Edit>(([i, k]) => (f) => void Object.defineProperty(at(f, i), k, { value: 1, enumerable: true, configurable: true, writable: true })),
  fc.tuple(fc.nat(), value).map<Edit>(([i, v]) => (f) => void (at(f, i)['entries'] = v)),
  fc.tuple(fc.nat(), value).map<Edit>(([i, v]) => (f) => void (f[i % f.length] = v as Obj)),
  fc.tuple(fc.nat(), fc.constantFrom('id', 'unitId', 'role', 'dueDate', 'nominalDueDate', 'period', 'delegates', 'extra'), value).map<Edit>(([i, k, v]) => (f) => void (inner(at(f, i), 'input')[k] = v)),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('seq', 'state', 'assignmentId', 'event', 'extra'), value).map<Edit>(([i, j, k, v]) => (f) => void (entryOf(f, i, j)[k] = v)),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('type', 'by', 'at', 'attachments', 'content', 'key', 'extra'), value).map<Edit>(([i, j, k, v]) => (f) => void (inner(entryOf(f, i, j), 'event')[k] = v)),
  // a report without attachments: valid, the schema's default gives it none
  fc.tuple(fc.nat(), fc.nat()).map<Edit>(([i, j]) => (f) => void delete inner(entryOf(f, i, j), 'event')['attachments']),
);

describe('a lifecycle log file', () => {
  it('is checked as its schema checks it: the same result, key order included, or the same problems in the same order', { timeout: 120_000 }, () => {
    const kinds = { ok: 0, problems: 0 };
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 3 }), fc.integer({ min: 1, max: 6 }), (edits, lifecycles) => {
        const file = structuredClone(EXAMPLE.slice(0, lifecycles * 10)) as Obj[];
        for (const e of edits) e(file);
        const expected = outcome((raw) => parseWithSchema('lifecycle log', SCHEMA, raw), file);
        expect(outcome(parseLogFile, file)).toEqual(expected);
        kinds['ok' in expected ? 'ok' : 'problems']++;
      }),
      { numRuns: 600 },
    );
    // both outcomes occur often enough for the comparison to mean something
    expect(kinds.ok).toBeGreaterThan(60);
    expect(kinds.problems).toBeGreaterThan(200);
  });

  it('built by hand with a hidden key, or a list with its own iterator, is checked as its schema checks it', () => {
    const hidden = (key: 'input' | 'entries') => {
      const file = structuredClone(EXAMPLE.slice(0, 3));
      Object.defineProperty(file[0], key, { enumerable: false });
      file[0]!['x'] = 1;
      return file;
    };
    const iterated = Object.assign([...structuredClone(EXAMPLE.slice(0, 3)), 5], { [Symbol.iterator]: function* () { yield EXAMPLE[0]; } });
    for (const file of [hidden('input'), hidden('entries'), iterated]) {
      const expected = outcome((raw) => parseWithSchema('lifecycle log', SCHEMA, raw), file);
      expect(expected).toHaveProperty('issues');
      expect(outcome(parseLogFile, file)).toEqual(expected);
    }
  });

  it('that is not a list, or a list of something else, is refused by the schema', () => {
    for (const raw of [{}, 'logs', null, [1], [[]]]) expect(() => parseLogFile(raw)).toThrow(/lifecycle log/);
  });

  it('gives each lifecycle its input and its entries as the schema gives them (a report without attachments has none)', () => {
    const file = structuredClone(EXAMPLE.slice(0, 2));
    const report = (file[0]!['entries'] as { event: Record<string, unknown> }[])[2]!.event;
    expect(report['type']).toBe('REPORT');
    delete report['attachments'];
    const [first] = parseLogFile(file);
    expect(Object.keys(first!)).toEqual(['input', 'entries']);
    expect(first!.entries).toHaveLength(4);
    expect(first!.entries[2]!.event).toMatchObject({ type: 'REPORT', attachments: [] });
    expect(first!.input.dueDate).toBe('2023-01-03');
  });
});
