import type { z } from 'zod';
import type { CivilDate, Period } from '@par/calendar';
import type { FrameworkNode } from '../frameworks/framework-schema.js';
import type { RuleKindSchema } from '../frameworks/scoring-rule.js';
import type { RuleInput } from '../scoring/assessment-schema.js';
import type { Label } from '../shared/label.js';
import type { FindingInput } from './finding.js';

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
}
