import { z } from 'zod';
import { ParValidationError } from '@par/calendar';
import { IdSchema, KindNameSchema } from '../shared/identifiers.js';
import { LabelSchema, type Label } from '../shared/label.js';
import { LegalBasisSchema, VerificationSchema, type LegalBasis, type Verification } from '../shared/legal-basis.js';
import { NonNegativePointsSchema } from '../shared/points.js';
import { PARSED } from '../shared/parsed.js';
import { BUILT_IN_RULE_SCHEMAS, type AnyScoringRule, type RuleKindSchema } from './scoring-rule.js';

/** The channels points can come through. */
export const ChannelIdSchema = z.enum(['appraised', 'survey', 'leadership', 'deduction', 'bonus']);

/**
 * `appraised` (self-assessed then appraised), `survey` (sociological survey, never self-scored), `leadership`
 * (the leadership's discretionary score), `deduction` and `bonus` (adjustments outside the scale, capped).
 */
export type ChannelId = z.infer<typeof ChannelIdSchema>;

/** Channels that adjust the total instead of making up the scale. */
export const ADJUSTMENT_CHANNELS: readonly ChannelId[] = ['deduction', 'bonus'];

/** Zod schema for a {@link Channel}. */
export const ChannelSchema = z.strictObject({ id: ChannelIdSchema, name: LabelSchema, maxPoints: NonNegativePointsSchema });

/** A channel and the points it carries (for deduction and bonus: the cap). */
export interface Channel extends z.output<typeof ChannelSchema> {}

/** Zod schema for a {@link Band}. */
export const BandSchema = z.strictObject({
  id: KindNameSchema,
  label: LabelSchema,
  /** Lowest index % in the band (inclusive). Default 0. */
  minPercent: z.number().min(0).max(100).default(0),
  /** Index % where the next band starts (exclusive); absent for the top band, which runs to 100 inclusive. */
  maxPercentExclusive: z.number().min(0).max(100).optional(),
  verification: VerificationSchema.optional(),
});

/** A classification band (xếp loại) over the index percentage. */
export interface Band extends z.output<typeof BandSchema> {}

/** Zod schema for node applicability. */
export const ApplicabilitySchema = z.strictObject({
  /** Unit kinds the node applies to; absent = all the framework's kinds. */
  unitKinds: z.array(KindNameSchema).min(1).optional(),
  /** Unit tags required for the node to apply. */
  tags: z.array(z.string().min(1)).min(1).optional(),
  /** Whether a unit may declare the node not applicable (không phát sinh), leaving it out of its maximum. */
  notApplicableAllowed: z.boolean().default(false),
});

/** Who a node applies to, and whether a unit may declare it not applicable. */
export interface Applicability extends z.output<typeof ApplicabilitySchema> {}

/** A node of a framework tree: a field, criterion or sub-criterion at any depth. */
export interface FrameworkNode {
  /** Dotted code: `1`, `1.2`, `1.2.3`; a child's code extends its parent's. */
  readonly code: string;
  /** Optional name of the level (`field`, `criterion`, `subCriterion`). */
  readonly kind?: 'field' | 'criterion' | 'subCriterion' | undefined;
  readonly name: Label;
  readonly maxPoints: number;
  /** Required on top-level nodes; children inherit it. */
  readonly channel?: ChannelId | undefined;
  readonly applicability?: Applicability | undefined;
  /** Evidence the unit is expected to attach (tài liệu kiểm chứng). */
  readonly evidence?: readonly Label[] | undefined;
  /** Binding to a metric that scores the leaf from operational data. */
  readonly metric?: { readonly metricId: string } | undefined;
  /** Where the figure comes from (nguồn thu thập dữ liệu). */
  readonly dataSource?: string | undefined;
  readonly legalBasis?: readonly LegalBasis[] | undefined;
  readonly verification?: Verification | undefined;
  /** Leaves only: how the node is scored. */
  readonly rule?: AnyScoringRule | undefined;
  readonly children?: readonly FrameworkNode[] | undefined;
}

function nodeSchema(ruleSchema: z.ZodType<AnyScoringRule>): z.ZodType<FrameworkNode> {
  const node: z.ZodType<FrameworkNode> = z.strictObject({
    code: z.string().regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/, { message: 'Expected a dotted code such as 1.2.3' }),
    kind: z.enum(['field', 'criterion', 'subCriterion']).optional(),
    name: LabelSchema,
    maxPoints: NonNegativePointsSchema,
    channel: ChannelIdSchema.optional(),
    applicability: ApplicabilitySchema.optional(),
    evidence: z.array(LabelSchema).optional(),
    metric: z.strictObject({ metricId: IdSchema }).optional(),
    dataSource: z.string().min(1).optional(),
    legalBasis: z.array(LegalBasisSchema).optional(),
    verification: VerificationSchema.optional(),
    rule: ruleSchema.optional(),
    get children() {
      return z.array(node).optional();
    },
  });
  return node;
}

/** Zod schema for a framework's rounding rule. */
export const RoundingSchema = z.strictObject({
  pointsDecimals: z.int().min(0).max(6).default(3),
  percentDecimals: z.int().min(0).max(6).default(2),
});

/** How results are rounded, once, at the edge (published tables: 3 decimals for points, 2 for percentages). */
export interface Rounding extends z.output<typeof RoundingSchema> {}

function ruleUnion(fn: string, extraRules: readonly RuleKindSchema[]): z.ZodType<AnyScoringRule> {
  try {
    if (!Array.isArray(extraRules)) throw new TypeError('not a list');
    // zod finds a duplicate kind only when it first parses, with an Error: check here
    const kinds = [...BUILT_IN_RULE_SCHEMAS, ...extraRules].map((r) => (r as Partial<RuleKindSchema> | null)?.shape?.kind?.value);
    if (kinds.some((k) => typeof k !== 'string') || new Set(kinds).size !== kinds.length) throw new TypeError('kinds');
    return z.discriminatedUnion('kind', [...BUILT_IN_RULE_SCHEMAS, ...extraRules]) as unknown as z.ZodType<AnyScoringRule>;
  } catch {
    const message = 'Expected a list of zod object schemas, each with a literal `kind` no other rule kind uses';
    throw new ParValidationError(`arguments of ${fn}`, [{ path: ['extraRules'], code: 'invalid_rule_schemas', message }]);
  }
}

const YearsSchema = z.strictObject({ from: z.int().min(1990).max(2200), to: z.int().min(1990).max(2200).optional() });

/**
 * Builds the framework schema, with extra rule kinds added to the built-in ones. Throws `ParValidationError`
 * (`invalid_rule_schemas`) for extra rules that are not a list of zod objects with distinct literal `kind`s.
 */
export function makeFrameworkSchema(extraRules: readonly RuleKindSchema[] = []) {
  const rule = ruleUnion('makeFrameworkSchema', extraRules);
  return z.strictObject({
    id: IdSchema,
    version: z.string().trim().min(1),
    title: LabelSchema,
    /** Issuing body and decision, as cited. */
    issuer: z.string().optional(),
    years: YearsSchema,
    unitKinds: z.array(KindNameSchema).min(1),
    legalBasis: z.array(LegalBasisSchema).default([]),
    /** The total scale (100 for every PAR index on record). */
    scale: NonNegativePointsSchema,
    channels: z.array(ChannelSchema).min(1),
    bands: z.array(BandSchema).min(1),
    rounding: RoundingSchema.default({ pointsDecimals: 3, percentDecimals: 2 }),
    nodes: z.array(nodeSchema(rule)).min(1),
    derivedFrom: z.strictObject({ id: IdSchema, version: z.string().min(1) }).optional(),
    verification: VerificationSchema.optional(),
    source: z.string().optional(),
    notes: z.string().optional(),
  });
}

/** Zod schema for a {@link Framework} with the built-in rule kinds. */
export const FrameworkSchema = makeFrameworkSchema();

/**
 * A versioned index methodology (bộ tiêu chí) as data: scale, channels, bands, and a tree of nodes with
 * maximum points and scoring rules.
 */
export interface Framework extends Omit<z.output<typeof FrameworkSchema>, 'nodes'> {
  readonly nodes: readonly FrameworkNode[];
  /** The type-level mark of a framework returned by `parseFramework` or `deriveFramework` (checked at run time too). */
  readonly [PARSED]: true;
}

function makeDerivationOperationSchema(extraRules: readonly RuleKindSchema[]) {
  const rule = ruleUnion('makeFrameworkDerivationSchema', extraRules);
  const node = nodeSchema(rule);
  return z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('exclude'), code: z.string().min(1) }),
    z.strictObject({
      op: z.literal('add'),
      /** Parent to add under; absent = a new top-level node. */
      parentCode: z.string().min(1).optional(),
      /** Sibling to insert after; absent = last. */
      after: z.string().min(1).optional(),
      node,
    }),
    z.strictObject({
      op: z.literal('update'),
      code: z.string().min(1),
      set: z.strictObject({
        name: LabelSchema.optional(),
        maxPoints: NonNegativePointsSchema.optional(),
        channel: ChannelIdSchema.optional(),
        rule: rule.optional(),
        applicability: ApplicabilitySchema.optional(),
        evidence: z.array(LabelSchema).optional(),
        metric: z.strictObject({ metricId: IdSchema }).optional(),
        legalBasis: z.array(LegalBasisSchema).optional(),
        verification: VerificationSchema.optional(),
      }),
    }),
  ]);
}

/** Builds the framework-derivation schema, with extra rule kinds. Refuses extra rules as {@link makeFrameworkSchema} does. */
export function makeFrameworkDerivationSchema(extraRules: readonly RuleKindSchema[] = []) {
  return z.strictObject({
    id: IdSchema,
    version: z.string().trim().min(1),
    /** The base this derivation was written for; checked against the base given. */
    base: z.strictObject({ id: IdSchema, version: z.string().min(1) }),
    title: LabelSchema.optional(),
    issuer: z.string().optional(),
    years: YearsSchema.optional(),
    unitKinds: z.array(KindNameSchema).min(1).optional(),
    legalBasis: z.array(LegalBasisSchema).optional(),
    scale: NonNegativePointsSchema.optional(),
    channels: z.array(ChannelSchema).min(1).optional(),
    bands: z.array(BandSchema).min(1).optional(),
    rounding: RoundingSchema.optional(),
    operations: z.array(makeDerivationOperationSchema(extraRules)).default([]),
    notes: z.string().optional(),
  });
}

/** Zod schema for a {@link FrameworkDerivation} with the built-in rule kinds. */
export const FrameworkDerivationSchema = makeFrameworkDerivationSchema();

/**
 * A province variant of a base framework (OSCAL's profile): replacements of top-level settings, and node
 * operations applied in order: `exclude`, `add`, `update`.
 */
export type FrameworkDerivation = z.output<typeof FrameworkDerivationSchema>;
