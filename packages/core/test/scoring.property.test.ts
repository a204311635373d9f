import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex, evaluateRule, parseAssessment, parseFramework, toMicro, type ScoringRule } from '../src/index.js';
import { eighths, frameworkArb, leavesOf, ruleArb, type Leaf } from './random-frameworks.js';
import { compileRule } from '../src/scoring/compiled-rule.js';

/** For each leaf: skip it, declare it N/A where allowed, give points, give an input, or appraise it. */
const entryArb = (leaf: Leaf, channel: string) =>
  fc.oneof(
    fc.constant(undefined),
    eighths(leaf.maxPoints).map((p) => (channel === 'survey' ? { code: leaf.code, imported: { points: p, source: 'x' } } : { code: leaf.code, self: { points: p } })),
    eighths(leaf.maxPoints).map((p) => (channel === 'survey' ? undefined : { code: leaf.code, self: { points: p }, appraisals: [{ round: 1, points: p / 2 >= 0 ? Math.floor(p * 4) / 8 : 0, appraiser: 'a' }] })),
    fc.constant((leaf.applicability as { notApplicableAllowed?: boolean } | undefined)?.notApplicableAllowed ? { code: leaf.code, notApplicable: { reason: 'x' } } : undefined),
  );

describe('index properties on random frameworks and assessments', () => {
  it('the breakdown sums exactly to the total, and the index stays in [0, 100]', () => {
    const scenario = frameworkArb.chain((fw) => {
      const leaves = leavesOf(fw.nodes as never).map((l) => ({ leaf: l, channel: l.code === 'S' ? 'survey' : l.code === 'T' ? 'deduction' : 'appraised' }));
      const assessment = fc.tuple(...leaves.map(({ leaf, channel }) => entryArb(leaf, channel)));
      return fc.tuple(fc.constant(fw), fc.array(assessment, { minLength: 1, maxLength: 5 }));
    });
    fc.assert(
      fc.property(scenario, ([fw, units]) => {
        const leafCodes = leavesOf(fw.nodes as never).map((l) => l.code);
        const assessments = units.map((entries, i) => {
          const doc = (list: unknown[]) => ({ unitId: `u${i}`, framework: { id: 'random', version: '1' }, period: '2024', status: 'appraised', entries: list });
          // an appraised assessment with leaves left out is refused, naming exactly those leaves
          const missing = leafCodes.filter((_, k) => entries[k] === undefined);
          if (missing.length > 0) {
            expect(() => parseAssessment(doc(entries.filter((e) => e !== undefined)), fw)).toThrow(`not scored: ${missing.join(', ')}`);
          }
          // scored as 0 instead (survey points imported as 0)
          const filled = entries.map((e, k) => e ?? (leafCodes[k] === 'S' ? { code: 'S', imported: { points: 0, source: 'x' } } : { code: leafCodes[k]!, self: { points: 0 } }));
          return parseAssessment(doc(filled), fw);
        });
        const set = computeIndex(fw, assessments);
        for (const r of set.results) {
          const nodes = set.breakdown(r.unitId);
          const byCode = new Map(nodes.map((n) => [n.code, n]));
          let total = 0;
          for (const top of fw.nodes) {
            const n = byCode.get(top.code)!;
            total += (n.channel === 'deduction' ? -1 : 1) * toMicro(n.final);
            const kids = top.children ?? [];
            if (kids.length > 0) expect(kids.reduce((s, k) => s + toMicro(byCode.get(k.code)!.final), 0)).toBe(toMicro(n.final));
          }
          expect(total).toBe(toMicro(r.points.final));
          for (const n of nodes) {
            expect(n.final).toBeLessThanOrEqual(n.applicableMaxPoints);
            if (n.componentIndex !== null) expect(n.componentIndex).toBeGreaterThanOrEqual(0);
          }
          if (r.indexPercent !== null) {
            expect(r.indexPercent).toBeGreaterThanOrEqual(0);
            expect(r.indexPercent).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the engine\'s compiled rules agree with evaluateRule on every input', () => {
    const inputArb = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 10 }), fc.boolean(), fc.constantFrom('onTime', 'late', 'missing'));
    fc.assert(
      fc.property(ruleArb.filter((r) => r.kind !== 'manual'), fc.integer({ min: 1, max: 80 }), inputArb, (raw, max8, input) => {
        const fw = parseFramework({
          id: 'one', version: '1', title: { vi: 'x' }, years: { from: 2024 }, unitKinds: ['commune'], scale: max8 / 8,
          channels: [{ id: 'appraised', name: { vi: 'a' }, maxPoints: max8 / 8 }],
          bands: [{ id: 'all', label: { vi: 'x' } }],
          nodes: [{ code: '1', name: { vi: 'x' }, maxPoints: max8 / 8, channel: 'appraised', rule: raw }],
        });
        const rule = fw.nodes[0]!.rule as ScoringRule;
        const compiled = compileRule(rule, toMicro(max8 / 8), 'appraised')!;
        const micro = compiled.evaluate(input);
        let expected: number;
        try {
          const fits = (rule.kind === 'yesNo') === (typeof input === 'boolean') && (rule.kind === 'timeliness') === (typeof input === 'string');
          const countOk = rule.kind !== 'countTiers' || Number.isInteger(input);
          expected = fits && countOk ? evaluateRule(rule, toMicro(max8 / 8), input).micro : -1;
        } catch {
          expected = -1;
        }
        expect(micro).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
