import type { z } from 'zod';
import type { CivilDate, Period } from '@par/calendar';
import type { FrameworkNode } from '../frameworks/framework-schema.js';
import type { RuleKindSchema } from '../frameworks/scoring-rule.js';
import type { RuleInput } from '../scoring/assessment-schema.js';
import type { Label } from '../shared/label.js';
import type { FindingInput } from './finding.js';
import type { ReportSectionContent } from './report-section.js';

/**
 * What a check or a metric provider is asked about: one unit, one period, and an explicit `now`. The host gives
 * every call its own frozen copy (and its own `Date`), so nothing one plugin does to it reaches another.
 */
export interface PluginRunContext {
  readonly unitId: string;
  readonly period: Period;
  readonly now: Date;
  /** The civil date of `now` in Vietnam: the reference date rules are evaluated in. */
  readonly referenceDate: CivilDate;
}

/** A metric a plugin computes from its own records. */
export interface MetricProvider {
  readonly metricId: string;
  readonly description: Label;
  /** The value for a unit and period, or `undefined` when the plugin has nothing on it; may be asynchronous. */
  compute(context: PluginRunContext): RuleInput | undefined | PromiseLike<RuleInput | undefined>;
}

/** A rule a plugin checks, producing findings. */
export interface PluginCheck {
  readonly id: string;
  readonly title: Label;
  /**
   * The findings about `context.unitId` (a list, or any iterable: the host stops reading at its cap); may be
   * asynchronous.
   */
  run(context: PluginRunContext): Iterable<FindingInput> | PromiseLike<Iterable<FindingInput>>;
}

/**
 * A table as an office keeps it, handed to a {@link PluginImporter}: CSV text, or the rows of one sheet of a
 * workbook (each cell as the spreadsheet stored it: text, a number, a boolean, a `Date` for a date cell, `null` when
 * empty). `name` is where problems are reported: an importer names a bad cell by the path `[name, 'E7']`.
 */
export type PluginTableSource =
  | { readonly format: 'csv'; readonly name: string; readonly text: string }
  | { readonly format: 'rows'; readonly name: string; readonly rows: readonly (readonly unknown[])[] };

/** Reads a file an office keeps (a Treasury report, a register export) into the plugin's records. */
export interface PluginImporter {
  /** Unique within the plugin, e.g. `treasury-disbursements`. */
  readonly id: string;
  readonly label: Label;
  /** The formats it reads: `csv` (given as text) and `xlsx` (given as the rows of a sheet). */
  readonly formats: readonly ('csv' | 'xlsx')[];
  /**
   * The records, JSON-ready (plain objects, arrays, strings, finite numbers, booleans, `null`: amounts as integer
   * strings), in the form the plugin's options files hold them. Throws `ParValidationError` naming every problem at
   * `[source.name, cell]` (`E7`, or `row 7` when no column is to blame) and returns nothing of a table with a problem.
   */
  read(source: PluginTableSource): readonly unknown[] | PromiseLike<readonly unknown[]>;
}

/** What a report section is computed for: the units in the report, one period and an explicit `now`. */
export interface PluginReportContext {
  readonly unitIds: readonly string[];
  readonly period: Period;
  readonly now: Date;
  /** The civil date of `now` in Vietnam. */
  readonly referenceDate: CivilDate;
}

/** A section of the report a plugin contributes: structured data (titled tables, numeric series), never markup. */
export interface PluginReportSection {
  /** Unique within the plugin, e.g. `disbursement-curves`. */
  readonly id: string;
  readonly title: Label;
  /** The section's content, or `undefined` when the plugin has nothing for these units and period; may be asynchronous. */
  compute(context: PluginReportContext): ReportSectionContent | undefined | PromiseLike<ReportSectionContent | undefined>;
}

/**
 * The plugin contract, version 1. A plugin package exports `createXPlugin(options)` returning one of these; the host
 * composes plugins with `createPar({ plugins })`, which validates `config` against `configSchema`.
 */
export interface ParPluginV1<Config = unknown> {
  readonly specificationVersion: 'v1';
  readonly name: string;
  readonly version: string;
  /** The schema of the plugin's options. */
  readonly configSchema: z.ZodType<Config>;
  /** The options the plugin was created with, as given. */
  readonly config: unknown;
  readonly metricProviders?: readonly MetricProvider[];
  readonly checks?: readonly PluginCheck[];
  /** Extra scoring-rule kinds, for `parseFramework(..., { ruleSchemas })`. */
  readonly ruleKinds?: readonly RuleKindSchema[];
  /** Guards and actions for `assignmentMachine.provide()`. */
  readonly lifecycle?: { readonly guards?: Readonly<Record<string, unknown>>; readonly actions?: Readonly<Record<string, unknown>> };
  /** Framework nodes (with their metric bindings) a framework can include. */
  readonly frameworkFragments?: readonly FrameworkNode[];
  /** Readers of the files offices keep into this plugin's records (`par import-records`). */
  readonly importers?: readonly PluginImporter[];
  /** Sections of the HTML report (`par report`): tables and series the host renders and escapes. */
  readonly reportSections?: readonly PluginReportSection[];
}
