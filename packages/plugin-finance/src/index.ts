/**
 * `@par/plugin-finance`: public finance as a PAR toolkit plugin: public-investment disbursement and its windows,
 * the settlement of completed projects, the budget settlement chain and the financial autonomy of public service
 * units, in exact đồng, with checks citing their rule (FIN-xx) and legal basis by date, metrics for field 6 of an
 * index framework, disbursement curves, and readers for Treasury reports and plan-allocation tables.
 *
 * @packageDocumentation
 */
export { DongSchema, PercentSchema, PositiveDongSchema, compareRateToPercent, formatDong, formatRatePercent, parseDongText, ratePercentValue, type Dong, type Ratio } from './money.js';
export {
  AdjustmentSchema,
  AllocationSchema,
  AuditRecommendationSchema,
  AutonomyPlanSchema,
  BudgetSettlementSchema,
  DisbursementSchema,
  ExtensionSchema,
  FinanceOptionsSchema,
  PaymentRequestSchema,
  ServiceUnitSchema,
  SettlementSchema,
  SupplementSchema,
  TargetSchema,
  TreasurySnapshotSchema,
  isParsedFinanceConfig,
  parseFinanceOptions,
  type Allocation,
  type AutonomyPlan,
  type Disbursement,
  type FinanceConfig,
  type FinanceOptions,
  type Settlement,
} from './records.js';
export {
  EXTENSION_CATEGORIES,
  EXTENSION_DECIDERS,
  FIN_RULES,
  GROUP3_SUB_BANDS,
  ND99_SETTLEMENT_LIMITS,
  PROJECT_GROUPS,
  type ExtensionCategory,
  type FinRuleName,
  type FinRuleVersion,
  type ProjectGroup,
  type SettlementLimits,
  type TimeLimit,
} from './rules.js';
export { addMonths, settlementDeadlines, type SettlementRules, type SettlementStep, type StepDeadline } from './deadlines.js';
export { configureRules, type ConfiguredRules, type DisbursementTarget } from './configured-rules.js';
export { cutOffsOf, unitLedgers, type UnitLedger } from './disbursement.js';
export { disbursementCurves, rankUnitsByRate, type CurveArgs, type CurvePoint, type DisbursementCurve, type RankedRate } from './analysis.js';
export { readPlanAllocations, readTreasuryDisbursements, type TableSource } from './import.js';
export { FINANCE_IMPORTERS } from './importers.js';
export { financeReportSections } from './report-sections.js';
export { FINANCE_FRAMEWORK_FRAGMENTS, FINANCE_METRICS, createFinancePlugin, type FinanceDependencies } from './plugin.js';
