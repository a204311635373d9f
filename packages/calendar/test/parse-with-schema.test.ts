import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ParValidationError, parseWithSchema } from '../src/index.js';

// parseWithSchema runs a schema's first 32 parses without zod's compiled fast path and the rest with it: the data and
// the problems must be the same either way, as zod's own parse gives them.

/** A schema of the kinds the packages use: strict objects, defaults, trimmed texts, unions, nested lists. */
const entry = z.strictObject({
  code: z.string().regex(/^\d+(\.\d+)*$/),
  points: z.number().nonnegative().optional(),
  note: z.string().trim().min(1).optional(),
});
const documentSchema = () =>
  z.strictObject({
    unitId: z.string().min(1),
    status: z.enum(['draft', 'submitted']).default('draft'),
    period: z.union([z.string().regex(/^\d{4}$/), z.number().int()]),
    entries: z.array(entry),
    meta: z.object({ by: z.string().optional() }).optional(),
  });

const value = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -2, max: 3000 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, value);
const entryInput = fc.record(
  { code: maybe(fc.constantFrom('1', '1.2', '2.1.3', 'x')), points: maybe(fc.double({ min: -1, max: 5, noNaN: true })), note: maybe(fc.constantFrom(' a ', '', 'ghi chú')), extra: value },
  { requiredKeys: [] },
);
const documentInput = fc.oneof(
  fc.record(
    { unitId: maybe(fc.constantFrom('u1', '')), status: maybe(fc.constantFrom('draft', 'submitted', 'done')), period: maybe(fc.constantFrom('2024', 2025, '24')), entries: fc.oneof(fc.array(entryInput, { maxLength: 4 }), value), meta: maybe(fc.record({ by: value }, { requiredKeys: [] })), stray: value },
    { requiredKeys: ['entries'] },
  ),
  value,
);

/** What `parseWithSchema` gives for `input`: the data, or the problems of the error it throws. */
function outcome(schema: z.ZodType, input: unknown): unknown {
  try {
    return { data: parseWithSchema('doc', schema, input) };
  } catch (e) {
    if (!(e instanceof ParValidationError)) throw e;
    return { issues: e.issues };
  }
}

/** What zod itself gives, without its compiled fast path or with it, in the same form. */
function reference(schema: z.ZodType, input: unknown, jitless: boolean): unknown {
  const r = schema.safeParse(input, { jitless });
  return r.success ? { data: r.data } : { issues: r.error.issues.map((i) => ({ path: i.path, code: `schema.${i.code}`, message: i.message })) };
}

describe('parseWithSchema, before and after the schema is compiled', () => {
  it('gives the data and problems zod gives, on every parse of a schema (property)', () => {
    fc.assert(
      fc.property(fc.array(documentInput, { minLength: 40, maxLength: 80 }), (inputs) => {
        const schema = documentSchema(); // a new schema: its first parses run without the fast path
        for (const input of inputs) {
          const got = outcome(schema, input);
          expect(got).toEqual(reference(schema, input, true));
          expect(got).toEqual(reference(schema, input, false));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names every problem of a bad document on its 1st parse and on its 40th alike', () => {
    const schema = documentSchema();
    const bad = { unitId: '', period: '24', entries: [{ code: 'x', points: -1, note: '  ' }, 3], stray: 1 };
    const expected = {
      issues: [
        { path: ['unitId'], code: 'schema.too_small', message: 'Too small: expected string to have >=1 characters' },
        // the one option of the union that takes a string
        { path: ['period'], code: 'schema.invalid_format', message: 'Invalid string: must match pattern /^\\d{4}$/' },
        { path: ['entries', 0, 'code'], code: 'schema.invalid_format', message: 'Invalid string: must match pattern /^\\d+(\\.\\d+)*$/' },
        { path: ['entries', 0, 'points'], code: 'schema.too_small', message: 'Too small: expected number to be >=0' },
        { path: ['entries', 0, 'note'], code: 'schema.too_small', message: 'Too small: expected string to have >=1 characters' },
        { path: ['entries', 1], code: 'schema.invalid_type', message: 'Invalid input: expected object, received number' },
        { path: [], code: 'schema.unrecognized_keys', message: 'Unrecognized key: "stray"' },
      ],
    };
    const good = { unitId: 'u1', period: 2025, entries: [{ code: '1.2', note: ' a ' }] };
    for (let i = 1; i <= 40; i++) {
      expect(outcome(schema, bad)).toEqual(expected);
      expect(outcome(schema, good)).toEqual({ data: { unitId: 'u1', status: 'draft', period: 2025, entries: [{ code: '1.2', note: 'a' }] } });
    }
  });
});
