import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { deriveFramework, indexFramework, leavesOf, parseFramework, type Framework } from '../src/index.js';
import { miniFramework, problems } from './fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const mutate = (change: (f: Json) => void) => {
  const f = miniFramework() as Json;
  change(f);
  return f;
};

describe('parsing a framework', () => {
  it('accepts a valid framework, summing 0.1 + 0.2 + 3.7 to exactly 4', () => {
    const f = parseFramework(miniFramework());
    expect(f.nodes[0]!.maxPoints).toBe(4);
    expect(f.rounding).toEqual({ pointsDecimals: 3, percentDecimals: 2 });
    expect(leavesOf(f).map((n) => n.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', 'S', 'T']);
    const idx = indexFramework(f);
    expect(idx.get('2.2')).toMatchObject({ parentCode: '2', depth: 2, channel: 'appraised', isLeaf: true });
    expect(idx.get('T')!.channel).toBe('deduction');
    // defaults are filled in
    expect(idx.get('1.1')!.node.rule).toEqual({ kind: 'timeliness', onTime: 1, late: 0.5, missing: 0 });
  });

  it('rejects a parent whose children do not sum to it, to the millionth', () => {
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[0].children[2].maxPoints = 3.700001))))).toEqual([
      ['nodes.0.maxPoints', 'sum_mismatch'],
    ]);
  });

  it('rejects duplicate codes, codes that do not extend their parent, and rules in the wrong place', () => {
    const f = mutate((f) => {
      f.nodes[0].children[1].code = '1.1';
      f.nodes[1].children[0].code = '3.1';
      f.nodes[1].rule = { kind: 'yesNo' };
      delete f.nodes[0].children[2].rule;
    });
    expect(problems(() => parseFramework(f))).toEqual([
      ['nodes.0.children.1.code', 'duplicate_code'],
      ['nodes.0.children.2.rule', 'missing_rule'],
      ['nodes.1.rule', 'rule_on_parent'],
      ['nodes.1.children.0.code', 'code_mismatch'],
    ]);
  });

  it('checks channels: declared, consistent, summing to the scale', () => {
    expect(problems(() => parseFramework(mutate((f) => delete f.nodes[2].channel)))).toEqual([
      ['nodes.2.channel', 'missing_channel'],
      ['channels.1.maxPoints', 'channel_sum_mismatch'],
    ]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[2].channel = 'leadership'))))).toEqual([
      ['nodes.2.channel', 'unknown_channel'],
      ['channels.1.maxPoints', 'channel_sum_mismatch'],
    ]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[0].children[0].channel = 'survey'))))).toEqual([
      ['nodes.0.children.0.channel', 'channel_mismatch'],
    ]);
    // deductions sit outside the scale: raising their cap changes nothing but their own sum
    expect(problems(() => parseFramework(mutate((f) => (f.scale = 12))))).toEqual([['channels', 'scale_mismatch']]);
    expect(problems(() => parseFramework(mutate((f) => f.channels.push({ id: 'survey', name: { vi: 'x' }, maxPoints: 0 }))))).toEqual([
      ['channels.3.id', 'duplicate_channel'],
    ]);
  });

  it('requires bands to cover 0-100% with no gap or overlap, at their exact edges', () => {
    expect(problems(() => parseFramework(mutate((f) => (f.bands[1].minPercent = 61))))).toEqual([['bands.1.minPercent', 'bands_gap']]);
    expect(problems(() => parseFramework(mutate((f) => (f.bands[1].maxPercentExclusive = 80.5))))).toEqual([['bands.0.minPercent', 'bands_overlap']]);
    expect(problems(() => parseFramework(mutate((f) => (f.bands[2].minPercent = 1))))).toEqual([['bands.2.minPercent', 'bands_gap']]);
    expect(problems(() => parseFramework(mutate((f) => (f.bands[0].maxPercentExclusive = 99))))).toEqual([['bands.0.maxPercentExclusive', 'bands_gap']]);
    expect(problems(() => parseFramework(mutate((f) => delete f.bands[1].maxPercentExclusive)))).toEqual([['bands.0.minPercent', 'bands_overlap']]);
    expect(problems(() => parseFramework(mutate((f) => (f.bands[1].id = 'good'))))).toEqual([['bands.1.id', 'duplicate_band']]);
    // listed in any order
    expect(parseFramework(mutate((f) => f.bands.reverse())).bands[0]!.id).toBe('weak');
  });

  it('requires tiered rules to be monotone and shares within the maximum', () => {
    const tiersOf13 = (tiers: unknown[], otherwise?: number) =>
      mutate((f) => (f.nodes[0].children[2].rule = { kind: 'ratioTiers', tiers, ...(otherwise === undefined ? {} : { otherwise }) }));
    expect(problems(() => parseFramework(tiersOf13([{ threshold: 70, share: 0.5 }, { threshold: 90, share: 1 }])))).toEqual([
      ['nodes.0.children.2.rule.tiers.1.threshold', 'tiers_not_monotone'],
      ['nodes.0.children.2.rule.tiers.1.share', 'tiers_not_monotone'],
    ]);
    // > 90 then >= 90 is a valid pair; >= 90 then > 90 is not
    expect(problems(() => parseFramework(tiersOf13([{ threshold: 90, inclusive: false, share: 1 }, { threshold: 90, share: 0.5 }])))).toEqual([]);
    expect(problems(() => parseFramework(tiersOf13([{ threshold: 90, share: 1 }, { threshold: 90, inclusive: false, share: 0.5 }])))).toEqual([
      ['nodes.0.children.2.rule.tiers.1.threshold', 'tiers_not_monotone'],
    ]);
    expect(problems(() => parseFramework(tiersOf13([{ threshold: 90, share: 1.5 }])))).toEqual([['nodes.0.children.2.rule.tiers.0.share', 'schema.too_big']]);
    expect(problems(() => parseFramework(tiersOf13([{ threshold: 101, share: 1 }])))).toEqual([['nodes.0.children.2.rule.tiers.0.threshold', 'threshold_out_of_range']]);
    expect(problems(() => parseFramework(tiersOf13([{ threshold: 90, share: 0.5 }], 0.75)))).toEqual([['nodes.0.children.2.rule.otherwise', 'tiers_not_monotone']]);
    const lower = (tiers: unknown[]) => mutate((f) => (f.nodes[1].children[1].rule = { kind: 'countTiers', better: 'lower', tiers }));
    expect(problems(() => parseFramework(lower([{ threshold: 2, share: 1 }, { threshold: 0, share: 0.5 }])))).toEqual([
      ['nodes.1.children.1.rule.tiers.1.threshold', 'tiers_not_monotone'],
    ]);
    expect(problems(() => parseFramework(lower([{ threshold: 0.5, share: 1 }])))).toEqual([['nodes.1.children.1.rule.tiers.0.threshold', 'threshold_not_integer']]);
  });

  it('checks the other rule kinds', () => {
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[2].rule = { kind: 'manual', step: 0.4 }))))).toEqual([['nodes.2.rule.step', 'step_mismatch']]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[1].children[0].rule = { kind: 'linear', floorPercent: 90, fullPercent: 90 }))))).toEqual([
      ['nodes.1.children.0.rule.fullPercent', 'invalid_interval'],
    ]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[0].children[0].rule = { kind: 'timeliness', late: 1, onTime: 0.5 }))))).toEqual([
      ['nodes.0.children.0.rule', 'tiers_not_monotone'],
    ]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[3].rule = { kind: 'deductionPerOccurrence', shareEach: 0 }))))).toEqual([
      ['nodes.3.rule.shareEach', 'schema.custom'],
    ]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[2].rule = { kind: 'guess' }))))).toEqual([['nodes.2.rule.kind', 'schema.invalid_union']]);
  });

  it('accepts plugin rule kinds when their schemas are given', () => {
    const custom = mutate((f) => (f.nodes[2].rule = { kind: 'sipasPercent', scaleTo: 3 }));
    expect(problems(() => parseFramework(custom))).toEqual([['nodes.2.rule.kind', 'schema.invalid_union']]);
    const SipasRule = z.strictObject({ kind: z.literal('sipasPercent'), scaleTo: z.number().positive() });
    const f = parseFramework(custom, { ruleSchemas: [SipasRule] });
    expect(f.nodes[2]!.rule).toEqual({ kind: 'sipasPercent', scaleTo: 3 });
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[2].rule = { kind: 'sipasPercent', scaleTo: -1 })), { ruleSchemas: [SipasRule] }))).toEqual([
      ['nodes.2.rule.scaleTo', 'schema.too_small'],
    ]);
  });

  it('reports point values that are not exact decimals', () => {
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[2].maxPoints = 3.0000001))))).toEqual([['nodes.2.maxPoints', 'schema.custom']]);
    expect(problems(() => parseFramework(mutate((f) => (f.nodes[2].maxPoints = -3))))).toEqual([['nodes.2.maxPoints', 'schema.custom']]);
  });
});

describe('deriving a province variant', () => {
  const base: Framework = parseFramework(miniFramework());

  const variant = {
    id: 'mini-lai-chau',
    version: '2023',
    base: { id: 'mini', version: '1' },
    title: { vi: 'Biến thể' },
    bands: [
      { id: 'pass', label: { vi: 'Đạt' }, minPercent: 50 },
      { id: 'fail', label: { vi: 'Không đạt' }, maxPercentExclusive: 50 },
    ],
    operations: [
      { op: 'exclude', code: '1.2' },
      { op: 'update', code: '1.3', set: { maxPoints: 3.9, rule: { kind: 'linear' } } },
      { op: 'update', code: '2', set: { maxPoints: 2.5 } },
      { op: 'update', code: '2.2', set: { maxPoints: 0.25 } },
      { op: 'add', parentCode: '2', after: '2.1', node: { code: '2.3', name: { vi: 'Mới' }, maxPoints: 0.25, rule: { kind: 'yesNo' } } },
      { op: 'add', after: '2', node: { code: '3', name: { vi: 'Lĩnh vực mới' }, maxPoints: 0.5, channel: 'appraised', rule: { kind: 'yesNo' } } },
    ],
  };

  it('resolves to a new validated framework that remembers its base', () => {
    const d = deriveFramework(base, variant);
    expect([d.id, d.version, d.title.vi, d.derivedFrom]).toEqual(['mini-lai-chau', '2023', 'Biến thể', { id: 'mini', version: '1' }]);
    expect(leavesOf(d).map((n) => `${n.code}:${n.maxPoints}`)).toEqual(['1.1:0.1', '1.3:3.9', '2.1:2', '2.3:0.25', '2.2:0.25', '3:0.5', 'S:3', 'T:2']);
    expect(d.bands.map((b) => b.id)).toEqual(['pass', 'fail']);
    expect(indexFramework(d).get('1.3')!.node.rule).toEqual({ kind: 'linear', floorPercent: 0, fullPercent: 100 });
    // the base is untouched, and the same inputs give the same framework
    expect(base.nodes[0]!.children!.length).toBe(3);
    expect(deriveFramework(base, variant)).toEqual(d);
  });

  it('validates the result: an exclusion that breaks a sum is reported with its path', () => {
    const broken = { ...variant, operations: [{ op: 'exclude', code: '1.2' }] };
    expect(problems(() => deriveFramework(base, broken))).toEqual([
      ['nodes.0.maxPoints', 'sum_mismatch'],
    ]);
  });

  it('rejects operations on codes that do not exist, and a derivation written for another base', () => {
    const bad = {
      ...variant,
      base: { id: 'mini', version: '0' },
      operations: [
        { op: 'exclude', code: '9.9' },
        { op: 'update', code: '8', set: { maxPoints: 1 } },
        { op: 'add', parentCode: '7', node: { code: '7.1', name: { vi: 'x' }, maxPoints: 1, rule: { kind: 'yesNo' } } },
        { op: 'add', parentCode: '1', after: '1.9', node: { code: '1.4', name: { vi: 'x' }, maxPoints: 1, rule: { kind: 'yesNo' } } },
      ],
    };
    expect(problems(() => deriveFramework(base, bad))).toEqual([
      ['base', 'base_mismatch'],
      ['operations.0.code', 'unknown_code'],
      ['operations.1.code', 'unknown_code'],
      ['operations.2.parentCode', 'unknown_code'],
      ['operations.3.after', 'unknown_code'],
    ]);
    expect(problems(() => deriveFramework(base, { ...variant, operations: [{ op: 'rename', code: '1' }] }))).toEqual([['operations.0.op', 'schema.invalid_union']]);
  });
});
