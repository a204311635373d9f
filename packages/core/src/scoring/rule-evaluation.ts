import { z } from 'zod';
import { ScoringRuleSchema, type AnyScoringRule, type ScoringRule, type Tier } from '../frameworks/scoring-rule.js';
import { MAX_POINTS_MAGNITUDE } from '../shared/points.js';
import { RuleInputSchema, type RuleInput } from './assessment-schema.js';
import { ArgumentCheck } from './arguments.js';
import { compileRule, NO_SCORE, NO_TIER } from './compiled-rule.js';

/** What a rule made of an input: the points (in millionths) and, for tiered rules, the tier that matched. */
export interface RuleOutcome {
  /** Points in integer millionths. */
  readonly micro: number;
  /** Index of the matched tier; -1 when `otherwise` applied. Absent for rules without tiers. */
  readonly tier?: number;
}

const AnyRuleSchema = z.looseObject({ kind: z.string().min(1) });

/** Why an input does not fit a rule, or `undefined` when it does. Throws `ParValidationError` for a rule or input of the wrong shape. */
export function inputProblem(rule: AnyScoringRule, input: RuleInput): string | undefined {
  new ArgumentCheck('inputProblem').schema(rule, ['rule'], AnyRuleSchema).schema(input, ['input'], RuleInputSchema).done();
  return uncheckedInputProblem(rule, input);
}

/** {@link inputProblem} without the argument checks, for rules and inputs already parsed. */
export function uncheckedInputProblem(rule: AnyScoringRule, input: RuleInput): string | undefined {
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

/**
 * Scores an input with a built-in rule: the points it earns out of `maxMicro`, and for tiered rules the tier
 * matched. The same computation the engine runs (through `compileRule`); rounding happens once, at the millionth.
 * Throws `ParValidationError` for a rule that is not a built-in one (or a manual rule, which takes no input), a
 * maximum that is not a whole number of micro-points, or an input that does not fit the rule (see {@link inputProblem}).
 */
export function evaluateRule(rule: ScoringRule, maxMicro: number, input: RuleInput): RuleOutcome {
  const args = new ArgumentCheck('evaluateRule').schema(rule, ['rule'], ScoringRuleSchema).count(maxMicro, ['maxMicro'], 0, MAX_POINTS_MAGNITUDE * 1e6, false).schema(input, ['input'], RuleInputSchema);
  args.done();
  const compiled = compileRule(rule, maxMicro, 'appraised');
  if (!compiled) args.add(['rule', 'kind'], 'manual_rule', 'A manual rule has no input to evaluate');
  else if (compiled.evaluate(input) === NO_SCORE) args.add(['input'], 'input_mismatch', uncheckedInputProblem(rule, input) ?? `${String(input)} does not fit a ${rule.kind} rule`);
  args.done();
  const micro = compiled!.evaluate(input);
  return compiled!.tier === NO_TIER ? { micro } : { micro, tier: compiled!.tier };
}

/** A one-line description of a rule, for explanations, in Vietnamese or English. */
export function describeRule(rule: AnyScoringRule, lang: 'vi' | 'en' = 'vi'): string {
  new ArgumentCheck('describeRule').schema(rule, ['rule'], AnyRuleSchema).oneOf(lang, ['lang'], ['vi', 'en']).done();
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
