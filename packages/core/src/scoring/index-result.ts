import type { ChannelId, Rounding } from '../frameworks/framework-schema.js';
import type { Assessment } from './assessment-schema.js';
import type { LeafSource, ScoringWarning } from './unit-evaluation.js';

/** Points of one channel for one unit. All points are exact decimals (at most six places). */
export interface ChannelResult {
  readonly channel: ChannelId;
  /** Sum of the unit's self scores. */
  readonly self: number;
  /** Sum after appraisal (the final points of each leaf), before the channel's cap. */
  readonly appraised: number;
  /** After the cap of an adjustment channel (deduction, bonus); equal to `appraised` otherwise. */
  readonly final: number;
  readonly max: number;
  /** Maximum of the nodes that apply to the unit (điểm phát sinh). */
  readonly applicableMax: number;
}

/** One unit's result: points, index, band and rank. */
export interface IndexResult {
  readonly unitId: string;
  /** The peer group the unit is ranked in. */
  readonly peerGroup: string;
  /** Competition rank in the peer group (1, 2, 2, 4); `null` when nothing applies to the unit. */
  readonly rank: number | null;
  /** Band id; `null` when nothing applies. */
  readonly band: string | null;
  /** Final points ÷ applicable maximum × 100, clamped to 0-100, rounded once to the framework's decimals. */
  readonly indexPercent: number | null;
  /** Totals: self, appraised and final points (final = scored channels − deductions + bonuses). */
  readonly points: { readonly self: number; readonly appraised: number; readonly final: number; readonly max: number; readonly applicableMax: number };
  readonly channels: readonly ChannelResult[];
  readonly warnings: readonly ScoringWarning[];
}

/** One node of a unit's breakdown, at any level. */
export interface NodeResult {
  readonly code: string;
  readonly depth: number;
  readonly channel: ChannelId;
  readonly maxPoints: number;
  /** 0 when the node does not apply to the unit or was declared not applicable. */
  readonly applicableMaxPoints: number;
  readonly self: number;
  readonly final: number;
  /** Points lost: applicable maximum − final (for deduction nodes: the points deducted). */
  readonly lost: number;
  /** final ÷ applicable maximum × 100, rounded to the framework's decimals; `null` when nothing applies. */
  readonly componentIndex: number | null;
  /** For leaves: where the final points came from. */
  readonly source?: LeafSource;
  /** For tiered leaves: the tier matched (-1 = otherwise). */
  readonly tier?: number;
}

/** Every unit's result for one framework and period. */
export interface IndexResultSet {
  readonly framework: { readonly id: string; readonly version: string };
  readonly period: string;
  readonly rounding: Rounding;
  /** How ties are broken: `shared` (equal index, equal rank), or by `appraisedPoints` or `finalPoints`. */
  readonly tieBreak: TieBreak;
  /** How peer groups were formed: `unitKind`, `all`, or `custom`. */
  readonly peerGroups: 'unitKind' | 'all' | 'custom';
  /** Results ordered by peer group, then rank (then unit id). */
  readonly results: readonly IndexResult[];
  /** One unit's result. */
  get(unitId: string): IndexResult | undefined;
  /** One unit's per-node breakdown at every level, in framework order. */
  breakdown(unitId: string): readonly NodeResult[];
  /** The assessment a unit's result was computed from. */
  assessment(unitId: string): Assessment | undefined;
}

/** Tie-break rule for ranks. */
export type TieBreak = 'shared' | 'appraisedPoints' | 'finalPoints';
