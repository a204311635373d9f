import { z } from 'zod';
import { CivilDateSchema, parseWithSchema } from '@par/calendar';
import { VerificationSchema } from '@par/core';
import { DongSchema, PercentSchema, PositiveDongSchema } from './money.js';
import { EXTENSION_CATEGORIES, EXTENSION_DECIDERS, PROJECT_GROUPS } from './rules.js';

const date = CivilDateSchema;
const text = z.string().trim().min(1);
const year = z.int().min(1990).max(2100);
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Expected MM-DD' })
  .refine((md) => Number(md.slice(3)) <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(md.slice(0, 2)) - 1]!, { message: 'Expected a day every year has (not 02-29)' });
const decision = z.strictObject({ number: text, date });
const capitalSource = z.enum(['central', 'local']);
const budgetLevel = z.enum(['province', 'district', 'commune']);
const months = z.int().min(1).max(120);
const limit = z.union([z.strictObject({ months }), z.strictObject({ days: z.int().min(1).max(3650) })]);
const byGroup = z.strictObject({ national: limit, A: limit, B: limit, C: limit });

/** Zod schema for a plan allocation (giao kế hoạch vốn) of one project in one plan year. */
export const AllocationSchema = z.strictObject({
  id: text,
  /** The unit responsible for disbursing it (the investor's managing unit); findings and rates are per unit. */
  unitId: text,
  planYear: year,
  capitalSource,
  /** The budget level of local capital (FIN-03: the People's Committee chair of that level extends it). */
  budgetLevel: budgetLevel.optional(),
  projectId: text,
  group: z.enum(PROJECT_GROUPS),
  amount: DongSchema,
  decision,
  /** Which plan the amount belongs to: the Prime Minister's plan or the locality's own (FIN-04 states both). */
  denominator: z.enum(['primeMinister', 'locality']),
  /** When the capital was allocated in detail to the project (FIN-06); absent while it is not. */
  detailedOn: date.optional(),
});

/** Zod schema for capital added to a project during the plan year (bổ sung vốn); after 30/09 it has its own window (FIN-02). */
export const SupplementSchema = z.strictObject({
  id: text,
  unitId: text,
  planYear: year,
  capitalSource,
  budgetLevel: budgetLevel.optional(),
  projectId: text,
  amount: PositiveDongSchema,
  denominator: z.enum(['primeMinister', 'locality']),
  decision,
});

/** Zod schema for an extension of a disbursement window (kéo dài thời gian thực hiện và giải ngân, FIN-03). */
export const ExtensionSchema = z.strictObject({
  id: text,
  unitId: text,
  planYear: year,
  projectId: text,
  decidedBy: z.enum(EXTENSION_DECIDERS),
  /** The level of the deciding body (a People's Committee chair's level). */
  level: budgetLevel.optional(),
  category: z.enum(EXTENSION_CATEGORIES),
  newEnd: date,
  decision,
});

/** Zod schema for a State Treasury (KBNN) disbursement: a payment, an advance, or the recovery of an advance. */
export const DisbursementSchema = z.strictObject({
  unitId: text,
  projectId: text,
  planYear: year,
  date,
  amount: PositiveDongSchema,
  kind: z.enum(['payment', 'advance', 'advanceRecovery']),
  /** The Treasury's reference, when the report gives one. */
  reference: text.optional(),
});

/** Zod schema for a cut-off figure as the Treasury reports it (cumulative disbursed at a date, one denominator). */
export const TreasurySnapshotSchema = z.strictObject({
  unitId: text,
  planYear: year,
  cutOff: date,
  denominator: z.enum(['primeMinister', 'locality']),
  planAmount: PositiveDongSchema,
  disbursed: DongSchema,
  source: text,
});

/** Zod schema for a plan adjustment moving capital from one project to another (FIN-07). */
export const AdjustmentSchema = z.strictObject({
  id: text,
  unitId: text,
  planYear: year,
  fromProjectId: text,
  toProjectId: text,
  amount: PositiveDongSchema,
  decision,
});

/** Zod schema for the settlement of a completed project (quyết toán dự án hoàn thành): its dated steps (FIN-08, FIN-09). */
export const SettlementSchema = z
  .strictObject({
    projectId: text,
    unitId: text,
    name: text,
    group: z.enum(PROJECT_GROUPS),
    /** When the investment was decided: projects decided before 2016 follow the legacy table (FIN-09). */
    investmentDecidedOn: date,
    /** Legacy projects only: an economic-technical report (báo cáo kinh tế - kỹ thuật) rather than a group. */
    economicTechnicalReport: z.boolean().default(false),
    /** Acceptance and hand-over minutes (biên bản nghiệm thu, bàn giao): preparation runs from here. */
    handedOverOn: date,
    /** File sent by the investor to the verifying body. */
    fileSentOn: date.optional(),
    /** A complete file received by the verifying body: verification runs from here. */
    completeFileReceivedOn: date.optional(),
    verificationReportOn: date.optional(),
    /** Submitted for approval (the approving body's complete file): approval runs from here. */
    approvalSubmittedOn: date.optional(),
    approvalDecision: decision.optional(),
  })
  .superRefine((s, ctx) => {
    const steps = ['handedOverOn', 'fileSentOn', 'completeFileReceivedOn', 'verificationReportOn', 'approvalSubmittedOn'] as const;
    let last: { key: string; date: string } | undefined;
    for (const key of steps) {
      const d = s[key];
      if (d === undefined) continue;
      if (last && d < last.date) ctx.addIssue({ code: 'custom', path: [key], message: `${key} ${d} is before ${last.key} ${last.date}` });
      last = { key, date: d };
    }
    if (s.approvalDecision && last && s.approvalDecision.date < last.date) ctx.addIssue({ code: 'custom', path: ['approvalDecision', 'date'], message: `The approval ${s.approvalDecision.date} is before ${last.key} ${last.date}` });
  });

/** Zod schema for a payment request to the State Treasury and its acceptance (FIN-10). */
export const PaymentRequestSchema = z
  .strictObject({
    id: text,
    unitId: text,
    projectId: text,
    kind: z.enum(['payment', 'advance']),
    amount: PositiveDongSchema,
    submittedOn: date,
    acceptedOn: date.optional(),
  })
  .refine((r) => r.acceptedOn === undefined || r.acceptedOn >= r.submittedOn, { path: ['acceptedOn'], message: 'Accepted before it was submitted' });

/** Zod schema for one level's yearly budget settlement (quyết toán ngân sách) in the chain (FIN-11..FIN-16). */
export const BudgetSettlementSchema = z.strictObject({
  unitId: text,
  budgetYear: year,
  level: budgetLevel,
  /** The HĐND resolution approving it. */
  approvedOn: date.optional(),
  /** Sent to the next level (or the Ministry of Finance). */
  sentOn: date.optional(),
  /** The HĐND session that approves it, and when the reports reached the delegates (FIN-14). */
  sessionOn: date.optional(),
  delegatesSentOn: date.optional(),
});

/** Zod schema for a public service unit's financial autonomy plan (phương án tự chủ tài chính, FIN-20..FIN-24). */
export const AutonomyPlanSchema = z
  .strictObject({
    /** The public service unit (đơn vị sự nghiệp công lập). */
    serviceUnitId: text,
    /** The managing unit that approves it; findings and metrics are the managing unit's. */
    unitId: text,
    planYear: year,
    /** A: the revenues NĐ 60/2021 Art. 10 counts. */
    revenue: DongSchema,
    /** B: the recurrent expenditures Art. 10 counts. */
    spending: PositiveDongSchema,
    /** Self-financed investment at least depreciation and amortisation (Art. 9(1)); or services at full market prices. */
    investmentSelfFinanced: z.boolean(),
    /** The group the plan states. */
    group: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    approvalDecision: decision.optional(),
    /** The stable period the group is fixed for (its length is U in the notes). */
    stablePeriod: z.strictObject({ from: year, to: year }).refine((p) => p.to >= p.from, { message: 'The period ends before it starts' }),
  });

/** Zod schema for an audit or inspection recommendation (kiến nghị kiểm toán, thanh tra) and its follow-up. */
export const AuditRecommendationSchema = z.strictObject({
  id: text,
  unitId: text,
  issuedBy: text,
  issuedOn: date,
  dueDate: date,
  description: text,
  amount: DongSchema.optional(),
  implementedOn: date.optional(),
});

/** Zod schema for a public service unit a managing unit is responsible for (the denominator of `finance.autonomyPlansApprovedRate`). */
export const ServiceUnitSchema = z.strictObject({ serviceUnitId: text, unitId: text, from: date.optional(), to: date.optional() });

/** A disbursement target: the rate a year's plan should reach by a date (FIN-05), from the decision that sets it. */
export const TargetSchema = z.strictObject({
  planYear: year,
  cutOff: date,
  percent: PercentSchema,
  document: text,
  verification: VerificationSchema.default('unconfirmed'),
});

/** Zod schema for the plugin's options: every record, and every number the domain notes leave unconfirmed. */
export const FinanceOptionsSchema = z
  .strictObject({
    allocations: z.array(AllocationSchema).default([]),
    supplements: z.array(SupplementSchema).default([]),
    extensions: z.array(ExtensionSchema).default([]),
    disbursements: z.array(DisbursementSchema).default([]),
    snapshots: z.array(TreasurySnapshotSchema).default([]),
    adjustments: z.array(AdjustmentSchema).default([]),
    settlements: z.array(SettlementSchema).default([]),
    paymentRequests: z.array(PaymentRequestSchema).default([]),
    budgetSettlements: z.array(BudgetSettlementSchema).default([]),
    autonomyPlans: z.array(AutonomyPlanSchema).default([]),
    serviceUnits: z.array(ServiceUnitSchema).default([]),
    auditRecommendations: z.array(AuditRecommendationSchema).default([]),
    /**
     * Findings of unconfirmed rules: `advisory` (default) reports them as `minor` at most; `enforced` keeps their
     * severity.
     */
    unconfirmedRules: z.enum(['advisory', 'enforced']).default('advisory'),
    /** The plan the rate metric and curves divide by (FIN-04 states both; the default is the locality's plan). */
    denominator: z.enum(['primeMinister', 'locality']).default('locality'),
    /** FIN-05: targets other than the confirmed 2025 one (intermediate cut-offs, other years), with their tags. */
    targets: z.array(TargetSchema).default([]),
    /** FIN-06: the detailed-allocation cut-off of years other than 2022, `MM-DD` of the plan year (tag: unconfirmed unless given). */
    allocationCutOffs: z.array(z.strictObject({ planYear: year, cutOff: monthDay, document: text, verification: VerificationSchema.default('unconfirmed') })).default([]),
    /** FIN-07 (U): projects whose rate at a review date is below `belowPercent` are flagged for adjustment; off unless set. */
    slowProjects: z.strictObject({ reviewOn: z.array(monthDay).min(1).default(['06-30', '09-30']), belowPercent: PercentSchema }).optional(),
    /** FIN-03 (U): the categories eligible for an extension under the 2024 law; the 2019 list by default. */
    extensionCategories2024: z.array(z.enum(EXTENSION_CATEGORIES)).default([...EXTENSION_CATEGORIES]),
    /** FIN-08 (P): NĐ 193/2026's limits from 01/07/2026 ("4-9 months" reported); NĐ 99/2021's as the default. */
    settlementLimits2026: z.strictObject({ preparation: byGroup, verification: byGroup, approval: byGroup }).optional(),
    /** FIN-10 (U): working days the Treasury has to accept a payment request; advances use `advanceControlWorkingDays` when set. */
    paymentControlWorkingDays: z.int().min(1).max(60).default(4),
    advanceControlWorkingDays: z.int().min(1).max(60).optional(),
    /** FIN-16 (U): provincial deadlines for submitting settlements, per year and level. */
    provincialDeadlines: z.array(z.strictObject({ budgetYear: year, level: budgetLevel, submitBy: date, document: text })).default([]),
    /** FIN-24 (U): the day NĐ 111/2025's amendments to the autonomy groups apply, when you know it (content not confirmed). */
    autonomyAmendmentFrom: date.optional(),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.allocations.forEach((a, i) => {
      const key = `${a.planYear}/${a.projectId}/${a.denominator}/${a.capitalSource}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['allocations', i], message: `A second allocation of project ${a.projectId} in ${a.planYear} (${a.capitalSource}, ${a.denominator}'s plan)` });
      seen.add(key);
      if (a.capitalSource === 'local' && !a.budgetLevel) ctx.addIssue({ code: 'custom', path: ['allocations', i, 'budgetLevel'], message: 'Local capital needs its budget level' });
    });
    const projects = new Set(o.allocations.map((a) => `${a.planYear}/${a.projectId}`));
    o.disbursements.forEach((d, i) => {
      if (!projects.has(`${d.planYear}/${d.projectId}`)) ctx.addIssue({ code: 'custom', path: ['disbursements', i, 'projectId'], message: `No allocation of project ${d.projectId} in plan year ${d.planYear}` });
    });
    const unique = (list: 'allocations' | 'supplements' | 'extensions' | 'adjustments' | 'paymentRequests' | 'auditRecommendations' | 'settlements', key: 'id' | 'projectId') => {
      const ids = new Set<string>();
      (o[list] as readonly Record<string, unknown>[]).forEach((r, i) => {
        const id = r[key] as string;
        if (ids.has(id)) ctx.addIssue({ code: 'custom', path: [list, i, key], message: `A second record with ${key} ${id}` });
        ids.add(id);
      });
    };
    for (const list of ['allocations', 'supplements', 'extensions', 'adjustments', 'paymentRequests', 'auditRecommendations'] as const) unique(list, 'id');
    unique('settlements', 'projectId');
  });

/** The options as validated: amounts are `bigint` đồng, percentages exact ratios. */
export type FinanceConfig = z.output<typeof FinanceOptionsSchema>;

/** Options of `createFinancePlugin` as JSON carries them (amounts as integer strings or safe integers). */
export type FinanceOptions = z.input<typeof FinanceOptionsSchema>;

/** A plan allocation as validated. */
export type Allocation = z.output<typeof AllocationSchema>;
/** A disbursement as validated. */
export type Disbursement = z.output<typeof DisbursementSchema>;
/** A completed project's settlement as validated. */
export type Settlement = z.output<typeof SettlementSchema>;
/** An autonomy plan as validated. */
export type AutonomyPlan = z.output<typeof AutonomyPlanSchema>;

const parsedConfigs = new WeakSet<object>();

/** Parses the plugin's options (all records); throws `ParValidationError` naming every problem by path. */
export function parseFinanceOptions(input: unknown): FinanceConfig {
  const c = parseWithSchema('finance plugin options', FinanceOptionsSchema, input);
  parsedConfigs.add(c);
  return c;
}

/** Whether a value came from {@link parseFinanceOptions} (a look-alike plain object does not). */
export const isParsedFinanceConfig = (value: unknown): value is FinanceConfig => typeof value === 'object' && value !== null && parsedConfigs.has(value);
