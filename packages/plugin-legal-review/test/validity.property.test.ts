import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ParValidationError } from '@par/calendar';
import { APPLYING_STATES, buildDocumentGraph, parseLegalRegister, replayValidity, type LegalReviewOptions } from '../src/index.js';
import { doc, graphRegister, register } from './fixture.js';

type RegisterInput = LegalReviewOptions['registers'][number];

/**
 * Random registers: documents signed in date order (number i signed on day 10*i after 01/01/2020), each taking effect
 * 0-20 days later (a third of them with their own end); relations always from a later document to an earlier one (so never a cycle), dated on or after
 * both were signed; suspensions with or without an end; handling decisions.
 */
const registers = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => {
    const docs = fc.tuple(...Array.from({ length: n }, () => fc.integer({ min: 0, max: 20 })));
    const relation = fc.record({
      kind: fc.constantFrom('amends', 'replaces', 'repeals', 'suspends', 'basedOn', 'details', 'guides', 'corrects', 'declaresExpired' as const),
      a: fc.nat(),
      b: fc.nat(),
      lag: fc.integer({ min: 0, max: 400 }),
      articles: fc.option(fc.subarray(['1', '2', '3'], { minLength: 1 }), { nil: undefined }),
      until: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    });
    const handling = fc.record({ i: fc.nat(), measure: fc.constantFrom('suspendExecution', 'repealWholly', 'repealPartly', 'amend' as const), lag: fc.integer({ min: 0, max: 300 }), lifted: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }) });
    return fc.tuple(fc.constant(n), docs, fc.array(relation, { maxLength: 12 }), fc.array(handling, { maxLength: 3 }));
  })
  .map(([n, delays, rels, handlings]): RegisterInput => {
    const signed = (i: number) => addDays('2020-01-01', 10 * i);
    const documents = Array.from({ length: n }, (_, i) => doc(`${i + 1}/2020/QĐ-UBND`, signed(i), addDays(signed(i), delays[i]!), { articles: ['1', '2', '3'], ...(delays[i]! % 3 === 0 && { effectiveTo: addDays(signed(i), 30 + 10 * delays[i]!) }) }));
    const relations = rels.flatMap((r) => {
      const [s, t] = [Math.max(r.a % n, r.b % n), Math.min(r.a % n, r.b % n)];
      if (s === t) return [];
      const date = addDays(signed(s), r.lag);
      return [
        {
          kind: r.kind,
          source: documents[s]!.number,
          target: documents[t]!.number,
          date,
          ...(r.articles && { articles: r.articles }),
          ...(r.kind === 'suspends' && r.until !== undefined && { until: addDays(date, r.until) }),
        },
      ];
    });
    const handlingDecisions = handlings.map((h) => {
      const d = documents[h.i % n]!;
      const signedOn = addDays(d.signedOn, h.lag);
      return { document: d.number, measure: h.measure, signedOn, ...(h.measure === 'suspendExecution' && h.lifted !== undefined && { liftedOn: addDays(signedOn, h.lifted) }) };
    });
    return register({ documents, relations, handlingDecisions });
  });

describe('property: the state derived for a date equals the state replayed from the events up to that date', () => {
  it('validityOn (indexed, binary search) = replayValidity (a fold of the events up to the date, in any order)', () => {
    fc.assert(
      fc.property(registers, fc.nat(), fc.integer({ min: 0, max: 900 }), fc.boolean(), (input, pick, offset, reverse) => {
        const g = buildDocumentGraph(parseLegalRegister(input));
        const d = input.documents[pick % input.documents.length]!;
        const date = addDays(d.signedOn, offset);
        const events = g.eventsOf(d.number).filter((e) => e.date <= date);
        const replayed = replayValidity(d.number, reverse ? [...events].reverse() : events, date);
        expect(g.validityOn(d.number, date)).toEqual(replayed);
        // the register-wide query agrees with the single-document one
        const inForce = g.inForceOn(date).some((x) => x.number === d.number);
        expect(inForce).toBe(APPLYING_STATES.includes(replayed.state));
      }),
      { numRuns: 300 },
    );
  });

  it('a document is never in force before its effective date, and never again after a whole repeal', () => {
    fc.assert(
      fc.property(registers, fc.nat(), fc.integer({ min: 0, max: 900 }), (input, pick, offset) => {
        const g = buildDocumentGraph(parseLegalRegister(input));
        const d = input.documents[pick % input.documents.length]!;
        const date = addDays(d.signedOn, offset);
        const v = g.validityOn(d.number, date);
        if (date < d.effectiveFrom) expect(v.state === 'notYetInForce' || v.state === 'expired').toBe(true);
        if (v.changes.some((e) => e.kind === 'expires' && e.whole)) expect(v.state).toBe('expired');
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzzed inputs are refused with paths, never with a crash', () => {
  const reject = (input: unknown) => {
    try {
      parseLegalRegister(input);
      return undefined;
    } catch (e) {
      if (!ParValidationError.isInstance(e)) throw e;
      return e.issues;
    }
  };

  it('anything at all: a ParValidationError or a register', () => {
    fc.assert(fc.property(fc.anything(), (x) => void reject(x)), { numRuns: 300 });
  });

  it('a bad value put anywhere in a valid register is named at its path', () => {
    const base = graphRegister();
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      else leaves.push(path);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom(1.5, Number.NaN, null, {}, [], ''), fc.constantFrom('2021-02-30', '30/02/2021'), (path, anyLeaf, dateLeaf) => {
        const bad = /date|On$|From$|until/i.test(String(path.at(-1))) ? dateLeaf : anyLeaf;
        const input = structuredClone(base) as unknown as Record<string, unknown>;
        let at: Record<string | number, unknown> = input;
        for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
        at[path.at(-1)!] = bad;
        const issues = reject(input);
        expect(issues?.map((i) => i.path.join('.'))).toContain(path.join('.'));
      }),
      { numRuns: 300 },
    );
  });
});
