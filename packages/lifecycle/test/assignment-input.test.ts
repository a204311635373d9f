import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { AssignmentInputSchema } from '../src/index.js';
import { parseAssignmentInput } from '../src/assignment-input.js';

// The quick path of `start`'s input must give what AssignmentInputSchema gives (key order included) or the same
// problems: on inputs of the common shape, at the edges of each value, and on inputs damaged one key at a time.

const edge = <T, U>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: odd });
const name = edge(fc.constantFrom('a1', 'UBND', 'Phòng Nội vụ'), fc.constantFrom('', ' ', 7, null));
const date = edge(fc.constantFrom('2025-03-14', '2024-02-29', '1900-01-01', '2100-12-31'), fc.constantFrom('2025-02-29', '1899-12-31', '2101-01-01', '2025-3-14', 20250314));
const input = fc.record(
  {
    id: name,
    documentId: name,
    itemLabel: name,
    unitId: name,
    role: edge(fc.constantFrom('lead', 'coordinating'), fc.constantFrom('Lead', '', 'issuer')),
    issuerId: name,
    delegates: edge(fc.array(name, { maxLength: 3 }), fc.constantFrom('P', {}, [undefined], null)),
    nominalDueDate: date,
    period: edge(fc.constantFrom('2025', '2025-H1', '2025-Q3', '2025-07'), fc.constantFrom('2025-H3', '25', 2025, '')),
    dueDate: date,
  },
  { requiredKeys: ['id', 'documentId', 'itemLabel', 'unitId', 'role', 'issuerId', 'delegates', 'nominalDueDate', 'dueDate'] },
);
const damaged = fc.tuple(input, fc.nat(), fc.constantFrom('remove', 'add', 'undefined', 'replace', 'proto'), fc.constantFrom(null, 7, 'x', [], {}, true)).map(([v, pick, kind, value]) => {
  const copy: Record<string, unknown> = { ...v };
  const keys = Object.keys(copy);
  const key = keys[pick % keys.length]!;
  if (kind === 'remove') delete copy[key];
  else if (kind === 'add') copy.extra = value;
  else if (kind === 'undefined') copy[key] = undefined;
  else if (kind === 'replace') copy[key] = value;
  else return JSON.parse(JSON.stringify(copy).replace(/^\{/, '{"__proto__":{"x":1},')) as unknown;
  return copy;
});

/** The schema's output (as JSON and its keys, so key order and a key of value undefined count) or the problems it names. */
function bySchema(v: unknown): unknown {
  const r = AssignmentInputSchema.safeParse(v);
  return r.success ? { ok: JSON.stringify(r.data), keys: Object.keys(r.data), delegatesCopied: r.data.delegates !== (v as { delegates?: unknown }).delegates } : { problems: r.error.issues.map((i) => [i.path.join('.'), i.code]) };
}
function byFunction(v: unknown): unknown {
  try {
    const r = parseAssignmentInput(v);
    return { ok: JSON.stringify(r), keys: Object.keys(r), delegatesCopied: r.delegates !== (v as { delegates?: unknown }).delegates };
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return { problems: e.issues.map((i) => [i.path.join('.'), i.code.replace(/^schema\./, '')]) };
  }
}

describe('parseAssignmentInput', () => {
  it('gives what AssignmentInputSchema gives, key order included, or names the same problems (property)', () => {
    const seen = { ok: 0, problems: 0 };
    fc.assert(
      fc.property(fc.oneof(input, damaged), (v) => {
        const expected = bySchema(v);
        expect(byFunction(v)).toEqual(expected);
        seen[(expected as object).hasOwnProperty('ok') ? 'ok' : 'problems']++;
      }),
      { numRuns: 5_000 },
    );
    // both outcomes occur often
    expect(seen.ok).toBeGreaterThan(250);
    expect(seen.problems).toBeGreaterThan(500);
  });

  it('refuses a deadline before the nominal due date, as the schema does', () => {
    const v = { id: 'a1', documentId: 'd', itemLabel: '1', unitId: 'A', role: 'lead', issuerId: 'P', delegates: [], nominalDueDate: '2025-03-14', dueDate: '2025-03-13' };
    expect(byFunction(v)).toEqual({ problems: [['dueDate', 'custom']] });
  });
});
