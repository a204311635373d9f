// parseAssessment recognises the common shape of an assessment quickly (issue 14) and sends everything else through
// the schema and the checks: what the quick path accepts must be exactly what the schema returns, and it must accept
// nothing the schema or the checks refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickValidation } from '../src/scoring/quick-validation.js';
import { mutate, scenario, slowPath, type Doc } from './assessment-docs.js';
import { frameworkArb, leavesOf } from './random-frameworks.js';

describe('the quick path of parseAssessment', () => {
  it('accepts only what the schema and the checks accept, and returns exactly what the schema returns', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(scenario, ({ fw, status, entries, evidence, mutations }) => {
        runs++;
        const doc: Doc = { unitId: 'c03571', framework: { id: 'random', version: '1' }, period: '2024', status, evidence, entries: structuredClone(entries) };
        const codes = leavesOf(fw.nodes as never).map((l) => l.code);
        for (const m of mutations) mutate(doc, m, codes);
        const quick = quickValidation(structuredClone(doc), fw);
        const slow = slowPath(structuredClone(doc), fw);
        if (quick === undefined) return;
        accepted++;
        expect(slow).toBeDefined();
        expect(JSON.stringify(quick)).toBe(JSON.stringify(slow));
        expect(quick).toEqual(slow);
      }),
      { numRuns: 1500 },
    );
    // the generator reaches the common shape often enough for the comparison to mean something
    expect(accepted / runs).toBeGreaterThan(0.2);
  });

  it('leaves to the schema what it does not recognise: objects of other prototypes, holes, getters', () => {
    const fw = fc.sample(frameworkArb, { seed: 7, numRuns: 1 })[0]!;
    const code = leavesOf(fw.nodes as never)[0]!.code;
    const doc = (entries: unknown[]) => ({ unitId: 'c1', framework: { id: 'random', version: '1' }, period: '2024', status: 'draft', entries });
    expect(quickValidation(doc([{ code, self: { points: 0 } }]), fw)).toBeDefined();
    expect(quickValidation(doc([Object.assign(Object.create(null), { code, self: { points: 0 } })]), fw)).toBeUndefined();
    // eslint-disable-next-line no-sparse-arrays
    expect(quickValidation(doc([, { code, self: { points: 0 } }]), fw)).toBeUndefined();
    expect(quickValidation(doc([{ code, self: { points: 0, note: undefined } }]), fw)).toBeUndefined();
    expect(quickValidation(Object.assign(Object.create({ inherited: 1 }), doc([])), fw)).toBeUndefined();
    // a third round (the schema knows rounds 1 and 2), with or without an N/A-free, import-free entry
    const three = [1, 2, 3].map((round) => ({ round, points: 0, appraiser: 'Tổ thẩm định' }));
    const published = { ...doc([{ code, self: { points: 0 }, appraisals: three }]), status: 'published' };
    expect(quickValidation(published, fw)).toBeUndefined();
    expect(slowPath(published, fw)).toBeUndefined();
  });
});
