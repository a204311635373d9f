/**
 * `@par/core`: the model of Vietnam's public administration reform (cải cách hành chính) loop: units with
 * their history, directive documents and their assignments, and PAR INDEX frameworks as versioned data.
 *
 * Every input document passes one zod schema at the boundary through a `parseX` function, which returns a
 * fully valid object or throws {@link ParValidationError} naming every problem by path.
 *
 * @packageDocumentation
 */
export { ParValidationError, formatIssuePath, type ParIssue } from '@par/calendar';

export {
  CivilDateSchema,
  PeriodSchema,
  addDays,
  civilDate,
  daysBetween,
  lastDayOfMonth,
  maxDate,
  minDate,
  periodRange,
  type CivilDate,
  type Period,
} from '@par/calendar';
export { LabelSchema, labelText, type Label } from './shared/label.js';
export { IdSchema, KindDeclarationSchema, KindNameSchema, type KindDeclaration } from './shared/identifiers.js';
export { LegalBasisSchema, VerificationSchema, type LegalBasis, type Verification } from './shared/legal-basis.js';
export {
  MAX_POINTS_MAGNITUDE,
  NonNegativePointsSchema,
  POINTS_DECIMALS,
  PointsSchema,
  formatPoints,
  fromMicro,
  sumPoints,
  toMicro,
  tryToMicro,
} from './shared/points.js';
export { DEFAULT_FIGURES, figureFormat, formatRatioPercent, type FigureFormat, type FigureOptions } from './shared/figures.js';
export { neutraliseCsvCell } from './shared/csv-cell.js';
export { PARSED, isParsed } from './shared/parsed.js';

export { BUILT_IN_UNIT_KINDS, UnitSchema, UnitsDocumentSchema, type BuiltInUnitKind, type Unit, type UnitsDocument } from './units/unit-schema.js';
export {
  AbsorbChangeSchema,
  DissolveChangeSchema,
  EstablishChangeSchema,
  MergeChangeSchema,
  RenameChangeSchema,
  ReparentChangeSchema,
  SplitChangeSchema,
  UnitChangeSchema,
  UnitChangesDocumentSchema,
  type UnitChange,
  type UnitChangesDocument,
} from './units/unit-change-schema.js';
export { parseUnitChanges, parseUnits } from './units/parse-units.js';
export { createUnitRegistry, type LineageStep, type UnitRegistry, type UnitTree, type UnitVersion } from './units/unit-registry.js';

export {
  DayInPeriodSchema,
  DueBoundSchema,
  DueRuleSchema,
  FrequencySchema,
  ReportScheduleSchema,
  ScheduleSchema,
  dueRuleEnd,
  scheduleDates,
  type DayInPeriod,
  type DueBound,
  type DueOccurrence,
  type DueRule,
  type Frequency,
  type ReportSchedule,
  type Schedule,
  type ScheduledDate,
} from './directives/due-rule.js';
export { UnitSelectorSchema, type RankedUnit, type UnitSelector } from './directives/unit-selector.js';
export {
  BUILT_IN_DIRECTIVE_KINDS,
  DirectiveDocumentSchema,
  DirectiveItemSchema,
  SignerSchema,
  SigningAuthoritySchema,
  parseDirectiveDocument,
  type DirectiveDocument,
  type DirectiveItem,
  type Signer,
  type SigningAuthority,
} from './directives/directive-schema.js';
export {
  assignmentsOf,
  expandOccurrences,
  whoAnswers,
  type Answer,
  type Assignment,
  type AssignmentOccurrence,
  type AssignmentOptions,
  type AssignmentRole,
  type AssignmentSet,
  type Obligation,
  type UnresolvedReason,
  type UnresolvedSelector,
} from './directives/assignments.js';

export {
  BUILT_IN_RULE_SCHEMAS,
  CountTiersRuleSchema,
  DeductionPerOccurrenceRuleSchema,
  LinearRuleSchema,
  ManualRuleSchema,
  RatioTiersRuleSchema,
  ScoringRuleSchema,
  ShareSchema,
  TierSchema,
  TimelinessRuleSchema,
  YesNoRuleSchema,
  type AnyScoringRule,
  type RuleKindSchema,
  type ScoringRule,
  type Tier,
} from './frameworks/scoring-rule.js';
export {
  ADJUSTMENT_CHANNELS,
  ApplicabilitySchema,
  BandSchema,
  ChannelIdSchema,
  ChannelSchema,
  FrameworkDerivationSchema,
  FrameworkSchema,
  RoundingSchema,
  makeFrameworkDerivationSchema,
  makeFrameworkSchema,
  type Applicability,
  type Band,
  type Channel,
  type ChannelId,
  type Framework,
  type FrameworkDerivation,
  type FrameworkNode,
  type Rounding,
} from './frameworks/framework-schema.js';
export { parseFramework, type FrameworkParseOptions } from './frameworks/parse-framework.js';
export { deriveFramework, parseFrameworkDerivation } from './frameworks/derive-framework.js';
export { indexFramework, leavesOf, type IndexedNode } from './frameworks/framework-index.js';

export { INPUT_DOCUMENT_SCHEMAS, inputJsonSchema, type InputDocumentName } from './json-schemas.js';

export {
  AppraisalSchema,
  AssessmentEntrySchema,
  AssessmentSchema,
  AssessmentStatusSchema,
  EvidenceSchema,
  RuleInputSchema,
  type Appraisal,
  type Assessment,
  type AssessmentEntry,
  type AssessmentInput,
  type AssessmentStatus,
  type Evidence,
  type RuleInput,
} from './scoring/assessment-schema.js';
export { MetricSchema, type Metric } from './scoring/metric.js';
export { parseAssessment } from './scoring/parse-assessment.js';
export { parseAssessmentsJson, type AssessmentsJson, type AssessmentsJsonOptions } from './scoring/assessments-json.js';
export { PACKED_ASSESSMENT_FORMAT, PackedAssessmentSchema, packAssessment, unpackAssessment, type PackedAssessment } from './scoring/packed-assessment.js';
export { describeRule, evaluateRule, inputProblem, type RuleOutcome } from './scoring/rule-evaluation.js';
export type { LeafSource, ScoringWarning } from './scoring/unit-evaluation.js';
export type { ChannelResult, IndexResult, IndexResultSet, NodeResult, TieBreak } from './scoring/index-result.js';
export { computeIndex, createIndexEngine, type IndexEngine, type IndexOptions, type UnitFacts } from './scoring/index-engine.js';
export { ASSESSMENT_TRANSITIONS, updateAssessment } from './scoring/assessment-status.js';
export { explain, type ExplainOptions, type LeafExplanation, type PeerComparison, type UnitExplanation } from './scoring/explain.js';
export {
  CrosswalkSchema,
  compareResults,
  parseCrosswalk,
  type CompareOptions,
  type Crosswalk,
  type MergePolicy,
  type NodeChange,
  type UnitChangeRow,
  type YearOverYear,
} from './scoring/year-over-year.js';
export { gapAnalysis, type GapAnalysis, type GapOptions, type NodeGap, type UnitPotential } from './scoring/gap-analysis.js';
export {
  ClassSchema,
  ItemListSchema,
  PublishedTableSchema,
  reconcile,
  type CorrectedRow,
  type Discrepancy,
  type ItemList,
  type PublishedClass,
  type PublishedTable,
  type ReconcileOptions,
  type ReconcileUnit,
  type Reconciliation,
} from './scoring/reconcile.js';
export {
  sensitivity,
  type NotApplicablePolicy,
  type RankStability,
  type SensitivityOptions,
  type SensitivityReport,
} from './scoring/sensitivity.js';
export { resultsToCsv, resultsToJson, type CsvOptions, type IndexResultsJson, type JsonOptions, type NodeDisplay, type ResultDisplay } from './scoring/serialise.js';
export { metricsByUnit } from './scoring/metric.js';
export {
  DEFAULT_CORRECTION_WORKING_DAYS,
  FindingInputSchema,
  MAX_FINDING_TEXT,
  SeveritySchema,
  findingToDirectiveItem,
  type CorrectiveItemOptions,
  type Finding,
  type FindingInput,
  type Severity,
} from './plugins/finding.js';
export { advisorySeverity, ruleInForce, ruleVersionBasis, type RuleVersion } from './plugins/rule-version.js';
export type { MetricProvider, ParPluginV1, PluginCheck, PluginImporter, PluginReportContext, PluginReportSection, PluginRunContext, PluginTableSource } from './plugins/plugin.js';
export { createPar, type CreateParOptions, type ImporterInfo, type ImportOutcome, type Par, type PluginRun, type SectionFailure } from './plugins/create-par.js';
export { checkPluginRunContext } from './plugins/run-context.js';
export {
  REPORT_SECTION_LIMITS,
  ReportChartSchema,
  ReportSectionContentSchema,
  ReportTableSchema,
  type ComputedReportSection,
  type ReportChart,
  type ReportSectionContent,
  type ReportTable,
} from './plugins/report-section.js';
export type { PluginTimer } from './plugins/plugin-timer.js';
