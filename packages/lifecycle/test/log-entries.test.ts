import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { LogEntrySchema, parseLogEntries } from '../src/index.js';

const LogSchema = z.array(LogEntrySchema);

// each value mostly one the schema takes, sometimes one at its edge (taken or not): dates at the ends of the calendar's
// years (1900-2100), on and off a leap day, instants with and without fractions and offsets, integers at the safe limit
const edge = <T, U>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: odd });
const instant = edge(fc.constantFrom('2025-02-03T09:00:00+07:00', '2024-02-29T23:59:59.123Z'), fc.constantFrom('2025-02-29T09:00:00+07:00', '2025-02-03T24:00:00+07:00', '2025-02-03T09:00:00', '2025-02-03T09:00:00+24:00', '2025-02-03 09:00:00Z', ''));
const civilDate = edge(fc.constantFrom('2026-06-30', '1900-01-01', '2100-12-31', '2024-02-29'), fc.constantFrom('1899-12-31', '2101-01-01', '2023-02-30', '2026-6-30'));
const text = edge(fc.constantFrom('Báo cáo', ' '), fc.constant(''));
const integer = edge(fc.constantFrom(1, 2 ** 53 - 1, 0), fc.constantFrom(-1, 2.5, 2 ** 53, Number.NaN, '1'));
const actor = fc.record({ unitId: text, person: text }, { requiredKeys: ['unitId'] });
const attachment = fc.record({ title: text, link: text, sha256: text }, { requiredKeys: ['title'] });
const base = { by: actor, at: instant };
const event = fc.oneof(
  ...(['ACKNOWLEDGE', 'START', 'BEGIN_REVIEW', 'MARK_OVERDUE'] as const).map((type) => fc.record({ type: fc.constant(type), ...base })),
  fc.record({ type: fc.constant('REPORT'), ...base, content: text, attachments: fc.array(attachment, { maxLength: 2 }) }, { requiredKeys: ['type', 'by', 'at', 'content'] }),
  fc.record({ type: fc.constant('APPROVE'), ...base, note: text }, { requiredKeys: ['type', 'by', 'at'] }),
  ...(['RETURN', 'REJECT_EXTENSION', 'CANCEL'] as const).map((type) => fc.record({ type: fc.constant(type), ...base, reason: text })),
  fc.record({ type: fc.constant('REQUEST_EXTENSION'), ...base, reason: text, dueDate: civilDate }),
  fc.record({ type: fc.constant('APPROVE_EXTENSION'), ...base, dueDate: civilDate }, { requiredKeys: ['type', 'by', 'at'] }),
  fc.record({ type: fc.constant('REMIND'), ...base, key: text, workingDaysLeft: integer }),
  fc.record({ type: fc.constant('ESCALATE'), ...base, workingDaysOverdue: integer }),
);
const entry = fc.record({
  assignmentId: text,
  seq: integer,
  event,
  state: edge(fc.constantFrom('issued', 'acknowledged', 'underReview', 'done'), fc.constant('closed')),
});

/** Every object of a JSON-like value, the value itself first. */
function objectsOf(v: unknown): Record<string, unknown>[] {
  if (typeof v !== 'object' || v === null) return [];
  const own = Array.isArray(v) ? [] : [v as Record<string, unknown>];
  return [...own, ...Object.values(v).flatMap(objectsOf)];
}

/** One damage to one object of the entry: a key removed, added, set to undefined or to another kind of value. */
const damaged = fc
  .tuple(entry, fc.nat(), fc.constantFrom('remove', 'add', 'undefined', 'replace', 'proto'), fc.constantFrom(null, 7, 'x', [], {}, true))
  .map(([e, pick, kind, value]) => {
    const copy = structuredClone(e) as Record<string, unknown>;
    const objects = objectsOf(copy);
    const target = objects[pick % objects.length]!;
    const keys = Object.keys(target);
    const key = keys[pick % Math.max(keys.length, 1)] ?? 'extra';
    if (kind === 'remove') delete target[key];
    else if (kind === 'add') target.extra = value;
    else if (kind === 'undefined') target[key] = undefined;
    else if (kind === 'replace') target[key] = value;
    else return JSON.parse(JSON.stringify(copy).replace(/^\{/, '{"__proto__":{"x":1},')) as unknown;
    return copy as unknown;
  });

/** What the schema alone makes of a list: its output, or the problems it names. */
function bySchema(list: unknown): unknown {
  const r = LogSchema.safeParse(list);
  return r.success ? { ok: JSON.stringify(r.data) } : { problems: r.error.issues.map((i) => [i.path.join('.'), i.code]) };
}
function byFunction(list: unknown): unknown {
  try {
    return { ok: JSON.stringify(parseLogEntries(list)) };
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return { problems: e.issues.map((i) => [i.path.join('.'), i.code.replace(/^schema\./, '')]) };
  }
}

describe('parseLogEntries', () => {
  it('gives what LogEntrySchema gives, key order included, or names the same problems', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, damaged), { minLength: 1, maxLength: 3 }), (list) => {
        const expected = bySchema(list);
        expect(byFunction(list)).toEqual(expected);
        if ('ok' in (expected as object)) accepted++;
        else refused++;
      }),
      { numRuns: 5_000 },
    );
    // both outcomes occur, so that the comparison means something
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('gives fresh objects: a report without attachments gets none, and the caller\'s objects are not kept', () => {
    const given = [{ assignmentId: 'a1', seq: 1, event: { type: 'REPORT', by: { unitId: 'u1' }, at: '2025-03-20T09:00:00+07:00', content: 'Báo cáo' }, state: 'reported' }];
    const [e] = parseLogEntries(given);
    expect(e).toEqual({ assignmentId: 'a1', seq: 1, event: { type: 'REPORT', by: { unitId: 'u1' }, at: '2025-03-20T09:00:00+07:00', content: 'Báo cáo', attachments: [] }, state: 'reported' });
    expect(e!.event).not.toBe(given[0]!.event);
    expect(e!.event.by).not.toBe(given[0]!.event.by);
  });

  it('names every problem by path, in a list of clean and bad entries', () => {
    const ok = { assignmentId: 'a1', seq: 1, event: { type: 'ACKNOWLEDGE', by: { unitId: 'u1' }, at: '2025-02-03T09:00:00+07:00' }, state: 'acknowledged' };
    const list = [ok, { ...ok, seq: 0, event: { ...ok.event, at: '2025-02-30T09:00:00+07:00' } }, ok, { ...ok, state: 'closed' }];
    expect(() => parseLogEntries(list)).toThrow(ParValidationError);
    expect(byFunction(list)).toEqual({ problems: [['1.seq', 'too_small'], ['1.event.at', 'invalid_format'], ['3.state', 'invalid_value']] });
    expect(byFunction({ length: 1 })).toEqual({ problems: [['', 'invalid_type']] });
  });

  it('reads each value once: an entry whose getters change their answer is kept as it was checked', () => {
    let reads = 0;
    const event = { type: 'ACKNOWLEDGE', by: { unitId: 'u1' }, get at() {
      reads++;
      return reads === 1 ? '2025-02-03T09:00:00+07:00' : 'not an instant';
    } };
    const [e] = parseLogEntries([{ assignmentId: 'a1', seq: 1, event, state: 'acknowledged' }]);
    expect(e!.event.at).toBe('2025-02-03T09:00:00+07:00');
    expect(reads).toBe(1);
  });
});
