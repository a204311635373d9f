import type { AnyScoringRule, ScoringRule } from '../frameworks/scoring-rule.js';
import type { ChannelId } from '../frameworks/framework-schema.js';
import { microOf } from '../shared/points.js';
import type { RuleInput } from './assessment-schema.js';
import { mulDiv } from './exact-ratio.js';

/** Returned by a compiled rule when the input does not fit it. */
export const NO_SCORE = -1;

/** The tier of a rule that has no tiers (-1 is "otherwise"). */
export const NO_TIER = -2;

/** A rule turned into a fast function of its input: micro-points, or {@link NO_SCORE}; `tier` after each call. */
export class CompiledRule {
  /** The tier the last call matched (-1: otherwise; -2: the rule has no tiers). */
  tier = NO_TIER;
  /** Wraps the evaluation function. */
  constructor(private readonly fn: (input: RuleInput, self: CompiledRule) => number) {}
  /** Scores one input. */
  evaluate(input: RuleInput): number {
    this.tier = NO_TIER;
    return this.fn(input, this);
  }
}

const share = (maxMicro: number, s: number) => mulDiv(maxMicro, microOf(s), 1_000_000);

/**
 * Compiles a leaf's built-in rule for its maximum and channel (on the deduction channel a per-occurrence rule
 * yields the points deducted); `undefined` for manual and plugin rules.
 */
export function compileRule(rule: AnyScoringRule, maxMicro: number, channel: ChannelId): CompiledRule | undefined {
  const r = rule as ScoringRule;
  let fn: (input: RuleInput, out: CompiledRule) => number;
  switch (r.kind) {
    case 'yesNo':
      fn = (v) => (typeof v !== 'boolean' ? NO_SCORE : v ? maxMicro : 0);
      break;
    case 'timeliness': {
      const [on, late, missing] = [share(maxMicro, r.onTime), share(maxMicro, r.late), share(maxMicro, r.missing)];
      fn = (v) => (v === 'onTime' ? on : v === 'late' ? late : v === 'missing' ? missing : NO_SCORE);
      break;
    }
    case 'ratioTiers':
    case 'countTiers': {
      const thresholds = r.tiers.map((t) => microOf(t.threshold));
      const inclusive = r.tiers.map((t) => t.inclusive);
      const points = r.tiers.map((t) => share(maxMicro, t.share));
      const otherwise = share(maxMicro, r.otherwise);
      const higher = r.better === 'higher';
      const ratio = r.kind === 'ratioTiers';
      fn = (v, out) => {
        if (typeof v !== 'number' || (ratio ? v > 100 : !Number.isInteger(v))) return NO_SCORE;
        const m = Math.round(v * 1e6);
        for (let i = 0; i < thresholds.length; i++) {
          const th = thresholds[i]!;
          const hit = higher ? (inclusive[i] ? m >= th : m > th) : inclusive[i] ? m <= th : m < th;
          if (hit) {
            out.tier = i;
            return points[i]!;
          }
        }
        out.tier = -1;
        return otherwise;
      };
      break;
    }
    case 'linear': {
      const floor = microOf(r.floorPercent);
      const full = microOf(r.fullPercent);
      fn = (v) => {
        if (typeof v !== 'number' || v > 100) return NO_SCORE;
        const m = Math.round(v * 1e6);
        return m <= floor ? 0 : m >= full ? maxMicro : mulDiv(maxMicro, m - floor, full - floor);
      };
      break;
    }
    case 'deductionPerOccurrence': {
      const each = microOf(r.shareEach);
      const floor = share(maxMicro, r.floorShare);
      const deduction = channel === 'deduction';
      fn = (v) => {
        if (typeof v !== 'number' || !Number.isInteger(v)) return NO_SCORE;
        const score = Math.max(floor, maxMicro - mulDiv(maxMicro, each * v, 1_000_000));
        return deduction ? maxMicro - score : score;
      };
      break;
    }
    default:
      return undefined;
  }
  return new CompiledRule(fn);
}
