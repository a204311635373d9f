import { z } from 'zod';
import { NonNegativePointsSchema, tryToMicro } from '../shared/points.js';

/** A fraction of a node's maximum points, 0 to 1, exact to six decimals (0.5 = half the points). */
export const ShareSchema = z
  .number()
  .min(0)
  .max(1)
  .refine((v) => tryToMicro(v) !== undefined, { message: 'A share has at most 6 decimals' });

/** Zod schema for one tier of a tiered rule. */
export const TierSchema = z.strictObject({
  /** The ratio (percent, 0-100) or count the measured value is compared with. */
  threshold: z.number().min(0),
  /** `true`: `>=` (or `<=` when lower is better); `false`: strict `>` (or `<`). */
  inclusive: z.boolean().default(true),
  /** Points earned, as a share of the node's maximum. */
  share: ShareSchema,
});

/** One tier: the threshold, whether it is inclusive, and the share of the maximum it earns. */
export interface Tier extends z.output<typeof TierSchema> {}

const tiered = {
  /** `higher`: tiers are checked from the highest threshold down; `lower`: from the lowest up. */
  better: z.enum(['higher', 'lower']).default('higher'),
  tiers: z.array(TierSchema).min(1),
  /** Share earned when no tier matches. */
  otherwise: ShareSchema.default(0),
};

/** Manual entry: any points from 0 to the maximum, in steps of `step` when given (e.g. 0.25). */
export const ManualRuleSchema = z.strictObject({
  kind: z.literal('manual'),
  step: NonNegativePointsSchema.refine((v) => v > 0, { message: 'step must be positive' }).optional(),
});
/** Yes = the maximum, no = 0. */
export const YesNoRuleSchema = z.strictObject({ kind: z.literal('yesNo') });
/** Tiers over a ratio in percent (100% -> full, >= 90% -> half, else 0). */
export const RatioTiersRuleSchema = z.strictObject({ kind: z.literal('ratioTiers'), ...tiered });
/** Tiers over a count (meetings held 4 / 3 / 2 / 1; violations 0 when lower is better). */
export const CountTiersRuleSchema = z.strictObject({ kind: z.literal('countTiers'), ...tiered });
/** Linear in a ratio: 0 at `floorPercent` or below, full at `fullPercent` or above, proportional between. */
export const LinearRuleSchema = z.strictObject({
  kind: z.literal('linear'),
  floorPercent: z.number().min(0).max(100).default(0),
  fullPercent: z.number().min(0).max(100).default(100),
});
/** Full points less `shareEach` of the maximum per occurrence, never below `floorShare`. */
export const DeductionPerOccurrenceRuleSchema = z.strictObject({
  kind: z.literal('deductionPerOccurrence'),
  shareEach: ShareSchema.refine((v) => v > 0, { message: 'shareEach must be positive' }),
  floorShare: ShareSchema.default(0),
});
/** On time / late / missing, each earning a share of the maximum (Cà Mau 1.1.1: 1 / 0.5 / 0). */
export const TimelinessRuleSchema = z.strictObject({
  kind: z.literal('timeliness'),
  onTime: ShareSchema.default(1),
  late: ShareSchema,
  missing: ShareSchema.default(0),
});

/** The built-in scoring-rule schemas; plugins add theirs through `parseFramework`'s `ruleSchemas` option. */
export const BUILT_IN_RULE_SCHEMAS = [
  ManualRuleSchema,
  YesNoRuleSchema,
  RatioTiersRuleSchema,
  CountTiersRuleSchema,
  LinearRuleSchema,
  DeductionPerOccurrenceRuleSchema,
  TimelinessRuleSchema,
] as const;

/** Zod schema for a built-in {@link ScoringRule}. */
export const ScoringRuleSchema = z.discriminatedUnion('kind', BUILT_IN_RULE_SCHEMAS);

/** A built-in declarative scoring rule (cách chấm điểm) of a leaf node. Points are shares of the node's maximum. */
export type ScoringRule = z.output<typeof ScoringRuleSchema>;

/**
 * A scoring rule as stored in a framework: a built-in one, or a plugin's kind (an object with a `kind` its
 * schema accepts).
 */
export type AnyScoringRule = ScoringRule | { readonly kind: string; readonly [key: string]: unknown };

/** A zod object schema with a literal `kind`: the shape a plugin's extra rule kind must have. */
export type RuleKindSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.core.$ZodLooseShape>;
