import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Framework } from '../frameworks/framework-schema.js';
import type { Assessment } from './assessment-schema.js';
import { CHANNELS, compileFramework } from './compiled-framework.js';
import { ArgumentCheck } from './arguments.js';
import { checkIndexOptions, computeIndex, type IndexOptions } from './index-engine.js';
import { groupMetrics } from './metric.js';
import { evaluateUnit, FINAL, LeafScratch } from './unit-evaluation.js';

/**
 * What a leaf a unit declared not applicable counts in a sample: `exclude` (it leaves the maximum, the
 * methodology's rule), `zero` (it stays in the maximum and earns nothing), `full` (it earns its maximum).
 */
export type NotApplicablePolicy = 'exclude' | 'zero' | 'full';

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends Pick<IndexOptions, 'metrics' | 'units' | 'peerGroup'> {
  /** Number of samples. Default 1,000. */
  readonly samples?: number;
  /** Each leaf's maximum is multiplied by a factor drawn uniformly from 1 ± this. Default 0.1 (±10%). */
  readonly perturbation?: number;
  /** Seed of the generator (xoroshiro128+): the same seed gives the same report. Default 1. */
  readonly seed?: number;
  /** Policies drawn from, one per sample, uniformly. Default `['exclude', 'zero']`. */
  readonly notApplicablePolicies?: readonly NotApplicablePolicy[];
  /** A rank is robust when its 5th-95th percentile interval spans at most this many places. Default: 5% of the peer group, at least 1. */
  readonly robustSpan?: number;
}

/** How stable one unit's rank is. */
export interface RankStability {
  readonly unitId: string;
  readonly peerGroup: string;
  /** Rank under the framework as it stands. */
  readonly baseRank: number | null;
  readonly medianRank: number;
  readonly p5Rank: number;
  readonly p95Rank: number;
  /** Whether p95 − p5 stays within the robust span. */
  readonly robust: boolean;
}

/** What {@link sensitivity} found. */
export interface SensitivityReport {
  readonly samples: number;
  readonly seed: number;
  readonly perturbation: number;
  readonly notApplicablePolicies: readonly NotApplicablePolicy[];
  readonly units: readonly RankStability[];
}

/**
 * Re-ranks the units under perturbed weights (each leaf's maximum ± `perturbation`, its points scaled with it)
 * and alternative treatments of not-applicable declarations, with seeded sampling; reports per unit the median
 * rank and the 5th-95th percentile interval, and whether its rank is robust. Samples use floating point (ranks
 * only); the base rank is the exact one.
 */
export function sensitivity(framework: Framework, assessments: readonly Assessment[], options: SensitivityOptions = {}): SensitivityReport {
  const args = new ArgumentCheck('sensitivity').framework(framework).assessments(assessments);
  checkIndexOptions(args, options);
  if (args.options(options)) {
    args.count(options.samples, ['options', 'samples'], 1, 1_000_000).number(options.perturbation, ['options', 'perturbation'], 0, 0.99);
    args.count(options.seed, ['options', 'seed'], -(2 ** 31), 2 ** 31 - 1).count(options.robustSpan, ['options', 'robustSpan'], 0);
    const policies = args.array(options.notApplicablePolicies, ['options', 'notApplicablePolicies']);
    if (Array.isArray(options.notApplicablePolicies) && policies.length === 0) args.add(['options', 'notApplicablePolicies'], 'invalid_option', 'Expected at least one policy');
    policies.forEach((p, i) => args.oneOf(p, ['options', 'notApplicablePolicies', i], ['exclude', 'zero', 'full']));
  }
  args.done();
  const samples = options.samples ?? 1000;
  const x = options.perturbation ?? 0.1;
  const seed = options.seed ?? 1;
  const policies = options.notApplicablePolicies ?? ['exclude', 'zero'];
  const base = computeIndex(framework, assessments, options);
  const cf = compileFramework(framework);
  const scored: number[] = [];
  for (let pos = 0; pos < cf.leaves.length; pos++) if (!cf.adjustment[cf.leafChannel[pos]!]) scored.push(pos);
  const L = scored.length;
  const U = assessments.length;
  const final = new Float64Array(U * L);
  const applicable = new Float64Array(U * L);
  const declaredNA = new Uint8Array(U * L);
  const adjust = new Float64Array(U);
  const scratch = new LeafScratch(cf.leaves.length);
  const units = new Map((options.units ?? []).map((u) => [u.id, u]));
  const metrics = groupMetrics(options.metrics ?? [], assessments[0]?.period ?? '');
  assessments.forEach((a, u) => {
    const na = new Set(a.entries.filter((e) => e.notApplicable).map((e) => e.code));
    const unit = units.get(a.unitId);
    const totals = evaluateUnit(cf, a, metrics.get(a.unitId), unit, scratch, undefined);
    scored.forEach((pos, l) => {
      final[u * L + l] = scratch.final[pos]!;
      applicable[u * L + l] = scratch.applicable[pos]!;
      declaredNA[u * L + l] = na.has(cf.codes[cf.leaves[pos]!]!) ? 1 : 0;
    });
    adjust[u] = totals[FINAL + CHANNELS.indexOf('bonus')]! - totals[FINAL + CHANNELS.indexOf('deduction')]!;
  });
  const leafMax = Float64Array.from(scored, (pos) => cf.leafMaxMicro[pos]!);

  const group = assessments.map((a) => base.get(a.unitId)!.peerGroup);
  const groups = new Map<string, number[]>();
  group.forEach((g, u) => groups.set(g, [...(groups.get(g) ?? []), u]));
  const ranks = new Int32Array(samples * U);
  const index = new Float64Array(U);
  const weights = new Float64Array(L);
  const rng = xoroshiro128plus(seed);
  for (let s = 0; s < samples; s++) {
    for (let l = 0; l < L; l++) weights[l] = 1 + (2 * uniformFloat64(rng) - 1) * x;
    const policy = policies[Math.floor(uniformFloat64(rng) * policies.length)]!;
    for (let u = 0; u < U; u++) {
      let num = adjust[u]!;
      let den = 0;
      const o = u * L;
      for (let l = 0; l < L; l++) {
        const w = weights[l]!;
        if (declaredNA[o + l] === 1 && policy !== 'exclude') {
          den += leafMax[l]! * w;
          if (policy === 'full') num += leafMax[l]! * w;
        } else {
          num += final[o + l]! * w;
          den += applicable[o + l]! * w;
        }
      }
      index[u] = den > 0 ? num / den : Number.NEGATIVE_INFINITY;
    }
    for (const members of groups.values()) {
      const order = [...members].sort((a, b) => index[b]! - index[a]!);
      let rank = 1;
      order.forEach((u, i) => {
        if (i > 0 && index[u] !== index[order[i - 1]!]) rank = i + 1;
        ranks[s * U + u] = rank;
      });
    }
  }
  const column = new Int32Array(samples);
  const pick = (p: number) => column[Math.min(samples - 1, Math.max(0, Math.ceil(p * samples) - 1))]!;
  const report = assessments.map((a, u): RankStability => {
    for (let s = 0; s < samples; s++) column[s] = ranks[s * U + u]!;
    column.sort();
    const size = groups.get(group[u]!)!.length;
    const span = options.robustSpan ?? Math.max(1, Math.ceil(size * 0.05));
    const p5 = pick(0.05);
    const p95 = pick(0.95);
    return { unitId: a.unitId, peerGroup: group[u]!, baseRank: base.get(a.unitId)!.rank, medianRank: pick(0.5), p5Rank: p5, p95Rank: p95, robust: p95 - p5 <= span };
  });
  return { samples, seed, perturbation: x, notApplicablePolicies: policies, units: report };
}
