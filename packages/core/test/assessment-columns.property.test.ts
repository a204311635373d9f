// Parsed assessments keep their entries as columns (issue 14): nothing of a document may be lost on the way, and
// the engine's column path must give exactly what the general per-leaf path gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema, parseAssessment, parseFramework, type Framework } from '../src/index.js';
import { compileFramework } from '../src/scoring/compiled-framework.js';
import { evaluateUnit, LeafScratch, unitTotals, type ScoringWarning } from '../src/scoring/unit-evaluation.js';
import { eighths, frameworkArb, leavesOf, type Leaf } from './random-frameworks.js';

/** An input that fits the leaf's rule: numbers with up to 9 decimals (beyond the millionths 32-bit columns hold), huge counts. */
function inputArb(rule: Record<string, unknown>): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case 'yesNo':
      return fc.boolean();
    case 'timeliness':
      return fc.constantFrom('onTime', 'late', 'missing');
    case 'countTiers':
      return fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(1e9));
    case 'manual':
      return fc.constant(undefined);
    default:
      return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000_000_000 }).map((n) => n / 1e9));
  }
}

/** Any entry a draft may hold for a leaf on the appraised channel, or nothing. */
const entryArb = (leaf: Leaf) =>
  fc.record(
    {
      points: eighths(leaf.maxPoints),
      input: inputArb(leaf.rule),
      note: fc.constantFrom('', 'Đã ban hành kế hoạch'),
      evidence: fc.boolean(),
      shape: fc.constantFrom('nothing', 'points', 'input', 'both', 'bare', 'selfEmpty'),
    },
    { requiredKeys: ['shape'] },
  ).map(({ points, input, note, evidence, shape }) => {
    if (shape === 'nothing') return undefined;
    if (shape === 'bare') return { code: leaf.code };
    const self: Record<string, unknown> = {};
    if ((shape === 'points' || shape === 'both') && points !== undefined) self.points = points;
    if ((shape === 'input' || shape === 'both') && input !== undefined) self.input = input;
    if (note) self.note = note;
    if (evidence) self.evidence = ['e1'];
    return { code: leaf.code, self };
  });

const scenario = frameworkArb.chain((fw) => {
  const leaves = leavesOf(fw.nodes as never).filter((l) => l.code !== 'S' && l.code !== 'T');
  return fc.tuple(fc.constant(fw), fc.tuple(...leaves.map(entryArb)), fc.boolean());
});

const draft = (entries: unknown[]) => ({
  unitId: 'u1',
  framework: { id: 'random', version: '1' },
  period: '2024',
  status: 'draft',
  evidence: [{ id: 'e1', title: 'Kế hoạch', kind: 'plan', documentDate: '2024-03-01' }],
  entries,
});

/** Both paths on one assessment: totals and warnings. */
function bothPaths(fw: Framework, doc: unknown) {
  const cf = compileFramework(fw);
  const a = parseAssessment(doc, fw);
  const scratch = new LeafScratch(cf.leaves.length);
  const fast: ScoringWarning[] = [];
  const general: ScoringWarning[] = [];
  return { a, fast: { totals: unitTotals(cf, a, undefined, undefined, scratch, fast), warnings: fast }, general: { totals: evaluateUnit(cf, a, undefined, undefined, scratch, general), warnings: general } };
}

describe('parsed assessments held as columns', () => {
  it('give back every entry exactly as the schema parsed it, in its order, frozen', () => {
    fc.assert(
      fc.property(scenario, ([fw, entries, reverse]) => {
        const present = entries.filter((e) => e !== undefined);
        const doc = draft(reverse ? present.reverse() : present);
        const a = parseAssessment(doc, fw);
        expect(JSON.stringify(a)).toBe(JSON.stringify(AssessmentSchema.parse(doc)));
        expect({ ...a }).toEqual(AssessmentSchema.parse(doc));
        expect(a.entries.every((e) => Object.isFrozen(e) && (!e.self || Object.isFrozen(e.self)))).toBe(true);
        expect(Object.isFrozen(a) && Object.isFrozen(a.entries)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('are scored from the columns exactly as leaf by leaf: same totals, same warnings', () => {
    fc.assert(
      fc.property(scenario, ([fw, entries]) => {
        // every leaf once, in the framework's order: the column path's case (a leaf with nothing is "bare")
        const codes = leavesOf(fw.nodes as never).filter((l) => l.code !== 'S' && l.code !== 'T').map((l) => l.code);
        const all = entries.map((e, k) => e ?? { code: codes[k]! });
        const withChannels = leavesOf(fw.nodes as never).map((l) => all.find((e) => e.code === l.code) ?? { code: l.code });
        const { fast, general } = bothPaths(fw, draft(withChannels));
        expect(fast).toEqual(general);
      }),
      { numRuns: 300 },
    );
  });

  it('keep points beyond 2,147 (doubles instead of 32-bit integers) exactly', () => {
    const fw = frameworkOfOneLeaf(5000);
    const a = parseAssessment(draft([{ code: '1', self: { points: 4999.999999 }, appraisals: [] }]), fw);
    expect(a.entries[0]!.self!.points).toBe(4999.999999);
    const { fast, general } = bothPaths(fw, draft([{ code: '1', self: { points: 4999.999999 } }]));
    // 4999.999999 points = 4,999,999,999 micro-points, above 2^31 - 1 = 2,147,483,647
    expect(fast.totals[0]).toBe(4_999_999_999);
    expect(general.totals[0]).toBe(4_999_999_999);
  });
});

/** A framework (id `random`, version `1`) of one manual leaf worth `max` points. */
function frameworkOfOneLeaf(max: number): Framework {
  return parseFramework({
    id: 'random', version: '1', title: { vi: 'x' }, years: { from: 2024 }, unitKinds: ['commune'], scale: max,
    channels: [{ id: 'appraised', name: { vi: 'a' }, maxPoints: max }],
    bands: [{ id: 'all', label: { vi: 'x' } }],
    nodes: [{ code: '1', name: { vi: 'x' }, maxPoints: max, channel: 'appraised', rule: { kind: 'manual' } }],
  });
}
