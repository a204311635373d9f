import type { AnyScoringRule, ScoringRule, Tier } from '../frameworks/scoring-rule.js';
import { toMicro } from '../shared/points.js';
import type { RuleInput } from './assessment-schema.js';

const SCALE = 1_000_000;

/** What a rule made of an input: the points (in millionths) and, for tiered rules, the tier that matched. */
export interface RuleOutcome {
  /** Points in integer millionths. */
  readonly micro: number;
  /** Index of the matched tier; -1 when `otherwise` applied. Absent for rules without tiers. */
  readonly tier?: number;
}

/** Rounds `a * b / c` (all non-negative integers) half up, exactly, falling back to BigInt when needed. */
export function mulDiv(a: number, b: number, c: number): number {
  const twice = 2 * a * b + c;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(2 * c)) return Math.floor(twice / (2 * c));
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((2n * n + d) / (2n * d));
}

/** A share (0-1) of a maximum, in millionths, rounded half up at the millionth. */
export function shareOf(maxMicro: number, share: number): number {
  return mulDiv(maxMicro, toMicro(share), SCALE);
}

/** Reads a measured number to the millionth (inputs such as 2/3 of a percent need not be exact decimals). */
const inputMicro = (value: number) => Math.round(value * SCALE);

/** Why an input does not fit a rule, or `undefined` when it does. */
export function inputProblem(rule: AnyScoringRule, input: RuleInput): string | undefined {
  switch (rule.kind) {
    case 'yesNo':
      return typeof input === 'boolean' ? undefined : 'A yes/no rule takes true or false';
    case 'timeliness':
      return typeof input === 'string' ? undefined : 'A timeliness rule takes onTime, late or missing';
    case 'ratioTiers':
    case 'linear':
      return typeof input === 'number' && input <= 100 ? undefined : 'A ratio rule takes a percent from 0 to 100';
    case 'countTiers':
    case 'deductionPerOccurrence':
      return typeof input === 'number' && Number.isInteger(input) ? undefined : 'A count rule takes a whole number';
    case 'manual':
      return 'A manual rule takes points, not an input';
    default:
      return `Rule kind "${rule.kind}" is not scored by the core; give points instead`;
  }
}

function matchTier(tiers: readonly Tier[], better: 'higher' | 'lower', value: number): number {
  const v = inputMicro(value);
  return tiers.findIndex((t) => {
    const th = inputMicro(t.threshold);
    if (better === 'higher') return t.inclusive ? v >= th : v > th;
    return t.inclusive ? v <= th : v < th;
  });
}

/**
 * Scores an input with a built-in rule: the points it earns out of `maxMicro`. The input must fit the rule
 * (see {@link inputProblem}); rounding happens once, at the millionth of a point.
 */
export function evaluateRule(rule: ScoringRule, maxMicro: number, input: RuleInput): RuleOutcome {
  switch (rule.kind) {
    case 'yesNo':
      return { micro: input === true ? maxMicro : 0 };
    case 'timeliness':
      return { micro: shareOf(maxMicro, input === 'onTime' ? rule.onTime : input === 'late' ? rule.late : rule.missing) };
    case 'ratioTiers':
    case 'countTiers': {
      const tier = matchTier(rule.tiers, rule.better, input as number);
      return { micro: shareOf(maxMicro, tier === -1 ? rule.otherwise : rule.tiers[tier]!.share), tier };
    }
    case 'linear': {
      const v = inputMicro(input as number);
      const floor = toMicro(rule.floorPercent);
      const full = toMicro(rule.fullPercent);
      if (v <= floor) return { micro: 0 };
      if (v >= full) return { micro: maxMicro };
      return { micro: mulDiv(maxMicro, v - floor, full - floor) };
    }
    case 'deductionPerOccurrence': {
      const lost = mulDiv(maxMicro, toMicro(rule.shareEach) * (input as number), SCALE);
      return { micro: Math.max(shareOf(maxMicro, rule.floorShare), maxMicro - lost) };
    }
    case 'manual':
      throw new TypeError('A manual rule has no input to evaluate');
  }
}

/** A one-line description of a rule, for explanations, in Vietnamese or English. */
export function describeRule(rule: AnyScoringRule, lang: 'vi' | 'en' = 'vi'): string {
  const vi = lang === 'vi';
  const pct = (s: number) => `${+(s * 100).toFixed(4)}%`;
  const tiers = (r: { better: 'higher' | 'lower'; tiers: readonly Tier[]; otherwise: number }, unit: string) =>
    [
      ...r.tiers.map((t) => `${r.better === 'higher' ? (t.inclusive ? '≥' : '>') : t.inclusive ? '≤' : '<'} ${t.threshold}${unit} → ${pct(t.share)}`),
      `${vi ? 'còn lại' : 'otherwise'} → ${pct(r.otherwise)}`,
    ].join('; ');
  switch (rule.kind) {
    case 'manual':
      return vi ? `Chấm trực tiếp${'step' in rule && rule.step ? `, bước ${rule.step}` : ''}` : `Manual entry${'step' in rule && rule.step ? `, in steps of ${rule.step}` : ''}`;
    case 'yesNo':
      return vi ? 'Có → tối đa; không → 0' : 'Yes → full; no → 0';
    case 'ratioTiers':
      return tiers(rule as ScoringRule & { kind: 'ratioTiers' }, '%');
    case 'countTiers':
      return tiers(rule as ScoringRule & { kind: 'countTiers' }, '');
    case 'linear': {
      const r = rule as ScoringRule & { kind: 'linear' };
      return vi ? `Tuyến tính: 0 tại ${r.floorPercent}%, tối đa tại ${r.fullPercent}%` : `Linear: 0 at ${r.floorPercent}%, full at ${r.fullPercent}%`;
    }
    case 'deductionPerOccurrence': {
      const r = rule as ScoringRule & { kind: 'deductionPerOccurrence' };
      return vi ? `Trừ ${pct(r.shareEach)} mỗi lần, tối thiểu ${pct(r.floorShare)}` : `Less ${pct(r.shareEach)} per occurrence, at least ${pct(r.floorShare)}`;
    }
    case 'timeliness': {
      const r = rule as ScoringRule & { kind: 'timeliness' };
      return vi ? `Đúng hạn ${pct(r.onTime)}; trễ hạn ${pct(r.late)}; không thực hiện ${pct(r.missing)}` : `On time ${pct(r.onTime)}; late ${pct(r.late)}; missing ${pct(r.missing)}`;
    }
    default:
      return rule.kind;
  }
}
