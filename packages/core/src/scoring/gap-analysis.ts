import { ArgumentCheck } from './arguments.js';
import { indexFramework } from '../frameworks/framework-index.js';
import type { Framework } from '../frameworks/framework-schema.js';
import type { Label } from '../shared/label.js';
import { fromMicro, microOf } from '../shared/points.js';
import { clampedIndex, compareRatios, percentRounded } from './exact-ratio.js';
import type { IndexResultSet } from './index-result.js';

/** Points lost on one node across all units. */
export interface NodeGap {
  readonly code: string;
  readonly name: Label;
  readonly depth: number;
  /** Points lost by all units together (applicable maximum − final, summed). */
  readonly lostTotal: number;
  /** How many units lost points on it. */
  readonly unitsLosing: number;
  /** Share of the applicable points lost, in percent. */
  readonly lostPercent: number | null;
}

/** What a unit would gain if its weakest nodes reached full points. */
export interface UnitPotential {
  readonly unitId: string;
  /** The weakest nodes, most points lost first. */
  readonly weakest: readonly { readonly code: string; readonly lost: number }[];
  /** Points gained if those nodes reached full points. */
  readonly gain: number;
  readonly indexNow: number | null;
  readonly indexPotential: number | null;
  readonly rankNow: number | null;
  /** The rank it would then have in its peer group, the others unchanged. */
  readonly rankPotential: number | null;
}

/** Where the points are lost district-wide, and what each unit could gain. */
export interface GapAnalysis {
  /** The depth analysed (1 = fields; the leaves' depth when `depth` was not given). */
  readonly depth: number | 'leaves';
  readonly nodes: readonly NodeGap[];
  readonly units: readonly UnitPotential[];
}

/** Options of {@link gapAnalysis}. */
export interface GapOptions {
  /** Node depth to analyse (1 = fields, 2 = criteria...); default: the leaves. */
  readonly depth?: number;
  /** How many of each unit's weakest nodes to lift to full points. Default 3. */
  readonly weakest?: number;
}

/**
 * Gap analysis across units (scored channels only): the nodes where the most points are lost, and each
 * unit's potential gain, index and rank if its weakest nodes reached full points, the others unchanged.
 */
export function gapAnalysis(framework: Framework, results: IndexResultSet, options: GapOptions = {}): GapAnalysis {
  const args = new ArgumentCheck('gapAnalysis').framework(framework).results(results);
  if (args.options(options)) args.count(options.depth, ['options', 'depth'], 1).count(options.weakest, ['options', 'weakest'], 0);
  args.done();
  const index = indexFramework(framework);
  const k = options.weakest ?? 3;
  const selected = [...index.values()].filter(
    (n) => n.channel !== 'deduction' && n.channel !== 'bonus' && (options.depth === undefined ? n.isLeaf : n.depth === options.depth),
  );
  const lost = new Map(selected.map((n) => [n.node.code, { lost: 0, applicable: 0, units: 0 }]));
  const perUnit = results.results.map((r) => {
    const gaps: { code: string; lost: number }[] = [];
    for (const n of results.breakdown(r.unitId)) {
      const acc = lost.get(n.code);
      if (!acc) continue;
      const l = microOf(n.lost);
      acc.lost += l;
      acc.applicable += microOf(n.applicableMaxPoints);
      if (l > 0) {
        acc.units += 1;
        gaps.push({ code: n.code, lost: l });
      }
    }
    gaps.sort((x, y) => y.lost - x.lost || (x.code < y.code ? -1 : 1));
    return { r, weakest: gaps.slice(0, k) };
  });
  const nodes = selected
    .map(({ node, depth }): NodeGap => {
      const acc = lost.get(node.code)!;
      return {
        code: node.code,
        name: node.name,
        depth,
        lostTotal: fromMicro(acc.lost),
        unitsLosing: acc.units,
        lostPercent: acc.applicable === 0 ? null : percentRounded(acc.lost, acc.applicable, framework.rounding.percentDecimals),
      };
    })
    .sort((x, y) => y.lostTotal - x.lostTotal || (x.code < y.code ? -1 : 1));
  const units = perUnit.map(({ r, weakest }): UnitPotential => {
    const gain = weakest.reduce((s, w) => s + w.lost, 0);
    const final = microOf(r.points.final) + gain;
    const applicable = microOf(r.points.applicableMax);
    const peers = results.results.filter((p) => p.peerGroup === r.peerGroup && p.unitId !== r.unitId && p.indexPercent !== null);
    const ahead = peers.filter((p) => compareRatios(microOf(p.points.final), microOf(p.points.applicableMax), final, applicable) > 0).length;
    return {
      unitId: r.unitId,
      weakest: weakest.map((w) => ({ code: w.code, lost: fromMicro(w.lost) })),
      gain: fromMicro(gain),
      indexNow: r.indexPercent,
      indexPotential: clampedIndex(final, applicable, framework.rounding.percentDecimals),
      rankNow: r.rank,
      rankPotential: applicable === 0 ? null : ahead + 1,
    };
  });
  return { depth: options.depth ?? 'leaves', nodes, units };
}
