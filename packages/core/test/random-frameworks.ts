// Random frameworks for property tests: trees of depth up to 3 with every kind of built-in rule, and the optional
// survey and deduction channels.
import fc from 'fast-check';
import { parseFramework, toMicro } from '../src/index.js';

/** A multiple of 1/8 from 0 to `max`. */
export const eighths = (max: number) => fc.integer({ min: 0, max: max * 8 }).map((n) => n / 8);

/** One of the built-in rules. */
export const ruleArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ kind: 'manual', step: 0.125 }),
  fc.constant({ kind: 'yesNo' }),
  fc.constant({ kind: 'ratioTiers', tiers: [{ threshold: 100, share: 1 }, { threshold: 90, inclusive: false, share: 0.5 }], otherwise: 0.25 }),
  fc.constant({ kind: 'countTiers', better: 'lower', tiers: [{ threshold: 0, share: 1 }, { threshold: 3, share: 0.5 }] }),
  fc.constant({ kind: 'linear', floorPercent: 50, fullPercent: 100 }),
  fc.constant({ kind: 'timeliness', late: 0.5 }),
);

/** A leaf node as generated. */
export interface Leaf { code: string; maxPoints: number; rule: Record<string, unknown>; applicability?: unknown; name: { vi: string } }
interface Parent { code: string; maxPoints: number; name: { vi: string }; children: (Leaf | Parent)[]; channel?: string }

/** A random tree of depth up to 3 with leaves in eighths of a point; parents are their children's sum. */
function treeArb(code: string, depth: number): fc.Arbitrary<Leaf | Parent> {
  const leaf = fc.record({ max: fc.integer({ min: 1, max: 24 }), rule: ruleArb, na: fc.boolean() }).map(
    ({ max, rule, na }): Leaf => ({
      code,
      name: { vi: code },
      maxPoints: max / 8,
      rule,
      ...(na ? { applicability: { notApplicableAllowed: true } } : {}),
    }),
  );
  if (depth >= 3) return leaf;
  return fc.oneof(
    leaf,
    fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => treeArb(`${code}.${i + 1}`, depth + 1))).map(
        (children): Parent => ({ code, name: { vi: code }, maxPoints: children.reduce((s, c) => s + toMicro(c.maxPoints), 0) / 1e6, children }),
      ),
    ),
  );
}

/** A parsed random framework (id `random`, version `1`). */
export const frameworkArb = fc
  .record({
    fields: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => treeArb(String(i + 1), 1)))),
    survey: fc.integer({ min: 0, max: 16 }),
    deduction: fc.integer({ min: 0, max: 16 }),
  })
  .map(({ fields, survey, deduction }) => {
    const appraised = fields.reduce((s, f) => s + toMicro(f.maxPoints), 0) / 1e6;
    const nodes: Record<string, unknown>[] = fields.map((f) => ({ ...f, channel: 'appraised' }));
    const channels = [{ id: 'appraised', name: { vi: 'a' }, maxPoints: appraised }];
    if (survey > 0) {
      nodes.push({ code: 'S', name: { vi: 'S' }, maxPoints: survey / 8, channel: 'survey', rule: { kind: 'manual' } });
      channels.push({ id: 'survey', name: { vi: 's' }, maxPoints: survey / 8 });
    }
    if (deduction > 0) {
      nodes.push({ code: 'T', name: { vi: 'T' }, maxPoints: deduction / 8, channel: 'deduction', rule: { kind: 'manual' } });
      channels.push({ id: 'deduction', name: { vi: 'd' }, maxPoints: deduction / 8 });
    }
    return parseFramework({
      id: 'random',
      version: '1',
      title: { vi: 'r' },
      years: { from: 2024 },
      unitKinds: ['commune'],
      scale: (toMicro(appraised) + survey * 125_000) / 1e6,
      channels,
      bands: [
        { id: 'good', label: { vi: 'Tốt' }, minPercent: 80 },
        { id: 'weak', label: { vi: 'Yếu' }, maxPercentExclusive: 80 },
      ],
      nodes,
    });
  });

/** The leaves of a tree of nodes, in document order. */
export function leavesOf(nodes: readonly { code: string; maxPoints: number; rule?: unknown; applicability?: unknown; children?: readonly unknown[] }[]): Leaf[] {
  return nodes.flatMap((n) => (n.children?.length ? leavesOf(n.children as never) : [n as Leaf]));
}

