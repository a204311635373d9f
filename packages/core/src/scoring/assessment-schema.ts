import { z } from 'zod';
import { CivilDateSchema, PeriodSchema } from '@par/calendar';
import { IdSchema } from '../shared/identifiers.js';
import { NonNegativePointsSchema } from '../shared/points.js';
import { PARSED } from '../shared/parsed.js';

/** The stages of an assessment, from the unit's draft to the published result. */
export const AssessmentStatusSchema = z.enum(['draft', 'submitted', 'underAppraisal', 'explained', 'appraised', 'published']);

/**
 * `draft` (the unit scores itself), `submitted` (approved by its head), `underAppraisal` (round 1),
 * `explained` (the unit's giải trình is in), `appraised` (round 2 done), `published` (locked).
 */
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;

/** Zod schema for {@link Evidence}. */
export const EvidenceSchema = z.strictObject({
  id: IdSchema,
  title: z.string().trim().min(1),
  /** Plan, report, decision, statistics... */
  kind: z.string().trim().min(1),
  link: z.string().trim().min(1).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Expected a lowercase hex SHA-256' }).optional(),
  documentDate: CivilDateSchema.optional(),
  effectiveFrom: CivilDateSchema.optional(),
  effectiveTo: CivilDateSchema.optional(),
});

/** A document offered as evidence (tài liệu kiểm chứng). */
export interface Evidence extends z.output<typeof EvidenceSchema> {}

/** The timeliness values a timeliness rule scores (internal: the columns hold one by its index here). */
export const TIMELINESS_VALUES = ['onTime', 'late', 'missing'] as const;
/** The largest measured number (a percent or a count) an assessment may give. */
export const MAX_RULE_INPUT = 1e9;

/** Zod schema for a rule input: what was measured, for a declarative rule to score. */
export const RuleInputSchema = z.union([
  z.number().min(0).max(MAX_RULE_INPUT),
  z.boolean(),
  z.enum(TIMELINESS_VALUES),
]);

/**
 * What was measured for a declarative rule: a percent (ratio rules), a count (count rules, occurrences),
 * `true`/`false` (yes/no) or `onTime`/`late`/`missing` (timeliness).
 */
export type RuleInput = z.infer<typeof RuleInputSchema>;

const evidenceRefs = z.array(IdSchema).default([]);

/** Zod schema for one appraisal round. */
export const AppraisalSchema = z.strictObject({
  round: z.union([z.literal(1), z.literal(2)]),
  points: NonNegativePointsSchema,
  reason: z.string().optional(),
  appraiser: z.string().trim().min(1),
  on: CivilDateSchema.optional(),
});

/** Points set by the appraisers in one round (thẩm định lần 1, lần 2), with the reason and who set them. */
export interface Appraisal extends z.output<typeof AppraisalSchema> {}

/** Zod schema for one {@link AssessmentEntry}. */
export const AssessmentEntrySchema = z.strictObject({
  /** Code of a leaf node of the framework. */
  code: z.string().min(1),
  /** The unit's own score: points, or the measured input its rule scores, or both. */
  self: z
    .strictObject({
      points: NonNegativePointsSchema.optional(),
      input: RuleInputSchema.optional(),
      note: z.string().optional(),
      evidence: evidenceRefs,
    })
    .optional(),
  appraisals: z.array(AppraisalSchema).default([]),
  /** The unit's explanation (giải trình) after round 1. */
  explanation: z.strictObject({ text: z.string().trim().min(1), evidence: evidenceRefs, on: CivilDateSchema.optional() }).optional(),
  /** A declaration that the node does not arise (không phát sinh) for the unit. */
  notApplicable: z.strictObject({ reason: z.string().trim().min(1) }).optional(),
  /** Points imported on the survey or leadership channel (never self-scored). */
  imported: z.strictObject({ points: NonNegativePointsSchema, source: z.string().trim().min(1) }).optional(),
});

/** One leaf of one assessment: self score, appraisal rounds, explanation, N/A declaration or imported points. */
export interface AssessmentEntry extends z.output<typeof AssessmentEntrySchema> {}

/** Zod schema for an {@link Assessment} document. */
export const AssessmentSchema = z.strictObject({
  unitId: IdSchema,
  framework: z.strictObject({ id: IdSchema, version: z.string().min(1) }),
  /** The assessed period, usually the index year (`2021`). */
  period: PeriodSchema,
  status: AssessmentStatusSchema.default('draft'),
  evidence: z.array(EvidenceSchema).default([]),
  entries: z.array(AssessmentEntrySchema),
});

/**
 * One unit's assessment against one framework version for one period, as `parseAssessment` (or
 * `updateAssessment`) returned it: a distinct type from the document's shape ({@link AssessmentInput}), and checked
 * at run time too, so a plain object is refused by every function that scores.
 */
export interface Assessment extends z.output<typeof AssessmentSchema> {
  /** The type-level mark of a parsed assessment (no property at run time). */
  readonly [PARSED]: true;
}

/** An assessment document as written in JSON, before `parseAssessment`. */
export type AssessmentInput = z.input<typeof AssessmentSchema>;
