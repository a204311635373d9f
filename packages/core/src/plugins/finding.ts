import { z } from 'zod';
import { addDays, CivilDateSchema, defaultCalendar, parseWithSchema, type Calendar, type CivilDate } from '@par/calendar';
import { DirectiveItemSchema, type DirectiveItem } from '../directives/directive-schema.js';
import { DueRuleSchema, endOf } from '../directives/due-rule.js';
import { LegalBasisSchema } from '../shared/legal-basis.js';
import { markParsed } from '../shared/parsed.js';
import { ArgumentCheck, show } from '../units/arguments.js';

/** How serious a finding is. */
export const SeveritySchema = z.enum(['info', 'minor', 'major', 'critical']);

/** `info`, `minor`, `major` or `critical`. */
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * The longest text a finding may carry in one field (a message, an id, an evidence reference): a check's report is
 * read by people, and a thousand findings of megabytes each would exhaust the host's memory.
 */
export const MAX_FINDING_TEXT = 4000;
const text = () => z.string().min(1).max(MAX_FINDING_TEXT);

/** Zod schema for what a check reports; the host adds the ids and the plugin's name. */
export const FindingInputSchema = z.strictObject({
  severity: SeveritySchema,
  unitId: text(),
  /** What record it is about, e.g. `{ kind: 'process', id: '1.004' }`. */
  subject: z.strictObject({ kind: text(), id: text() }),
  message: z.strictObject({ vi: text(), en: text() }),
  legalBasis: z.array(LegalBasisSchema).default([]),
  /** The id of the rule it applies, as the plugin's sources number it (e.g. `ISO-07`). */
  ruleId: z.string().trim().min(1).optional(),
  /** When the rule says it must be put right. */
  dueDate: CivilDateSchema.optional(),
  /** The rule's own period to put it right, counted from the finding's date (e.g. 30 calendar days). */
  remedyPeriod: z.strictObject({ days: z.int().min(1).max(3650), unit: z.enum(['workingDays', 'calendarDays']) }).optional(),
  /** References to the records behind it. */
  evidence: z.array(z.string().max(MAX_FINDING_TEXT)).max(1000).default([]),
});

/** What a check reports about one subject. */
export type FindingInput = z.input<typeof FindingInputSchema>;

/** A check's result, or a plugin's failure (`kind: 'pluginError'`), as the host reports it. */
export interface Finding extends z.output<typeof FindingInputSchema> {
  /** `plugin/check/unit/subject`: stable across runs. */
  readonly id: string;
  readonly plugin: string;
  readonly checkId: string;
  readonly kind: 'finding' | 'pluginError';
}

/**
 * Working days a corrective item gets from the finding's date when the finding carries no remedy period of its
 * rule: a toolkit default (issue 11), not a legal rule; set `workingDays` to your own policy.
 */
export const DEFAULT_CORRECTION_WORKING_DAYS = 10;

/** Options of {@link findingToDirectiveItem}. */
export interface CorrectiveItemOptions {
  /** The clause label in the corrective directive, e.g. `(1)`. */
  readonly label: string;
  /** The finding's date: the reference date of the run that found it. */
  readonly foundOn: CivilDate;
  /** Working days from `foundOn` when the finding carries no `remedyPeriod`; default {@link DEFAULT_CORRECTION_WORKING_DAYS}. */
  readonly workingDays?: number;
  /** The calendar working days are counted in; default `defaultCalendar()` of `@par/calendar`. */
  readonly calendar?: Calendar;
  /** An explicit due rule instead of the computed date; it must not end before `foundOn`. */
  readonly due?: z.input<typeof DueRuleSchema>;
  /** Framework criteria the correction improves. */
  readonly criteria?: readonly { readonly frameworkId?: string; readonly code: string }[];
}

const FindingSchema = FindingInputSchema.extend({
  id: z.string().min(1),
  plugin: z.string().min(1),
  checkId: z.string().min(1),
  kind: z.enum(['finding', 'pluginError']),
});

/**
 * Turns a finding into a directive item: a corrective task led by the responsible unit, urgent for critical
 * findings and high for major ones. It is due AFTER the finding, never on the missed rule deadline: `options.due`
 * when given, else the finding's date plus the rule's `remedyPeriod` when the finding carries one, else plus
 * `workingDays` (default 10) working days in `options.calendar`. Throws {@link ParValidationError} naming a bad
 * argument (a finding that does not pass its schema, a `foundOn` that is not a real date, a count that is not a
 * whole number, a `due` that ends before `foundOn`). The loop closes: checks feed directives.
 */
export function findingToDirectiveItem(finding: Finding, options: CorrectiveItemOptions): DirectiveItem {
  const check = new ArgumentCheck('findingToDirectiveItem');
  const f = check.schema(['finding'], FindingSchema, finding);
  const o = (typeof options === 'object' && options !== null ? options : (check.fail(['options'], 'invalid_argument', `Expected an options object, got ${show(options)}`), {})) as Partial<CorrectiveItemOptions>;
  check.id(['options', 'label'], o.label).date(['options', 'foundOn'], o.foundOn);
  if (o.criteria !== undefined) check.schema(['options', 'criteria'], DirectiveItemSchema.shape.criteria, o.criteria);
  const workingDays = o.workingDays === undefined ? DEFAULT_CORRECTION_WORKING_DAYS : o.workingDays;
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) check.fail(['options', 'workingDays'], 'invalid_count', `Expected a whole number of working days from 1, got ${show(o.workingDays)}`);
  if (o.calendar !== undefined && typeof (o.calendar as Calendar)?.addWorkingDays !== 'function') check.fail(['options', 'calendar'], 'invalid_argument', 'Expected a calendar from createCalendar');
  const explicit = o.due === undefined ? undefined : check.schema(['options', 'due'], DueRuleSchema, o.due);
  const explicitEnd = explicit && endOf(explicit);
  if (check.ok && explicitEnd !== undefined && explicitEnd < o.foundOn!) {
    check.fail(['options', 'due'], 'due_in_past', `The corrective item would be due on ${explicitEnd}, before the finding (${o.foundOn})`);
  }
  check.done();
  const foundOn = o.foundOn!;
  const remedy = f!.remedyPeriod;
  const calendar = o.calendar ?? defaultCalendar();
  const due = explicit ?? {
    kind: 'date' as const,
    date: remedy?.unit === 'calendarDays' ? addDays(foundOn, remedy.days) : calendar.addWorkingDays(foundOn, remedy?.days ?? workingDays),
  };
  const item = parseWithSchema('corrective directive item', DirectiveItemSchema, {
    label: o.label,
    summary: { vi: `Khắc phục: ${f!.message.vi}`, en: `Put right: ${f!.message.en}` },
    body: f!.legalBasis.map((b) => `${b.document}${b.article ? ` ${b.article}` : ''}`).join('; ') || undefined,
    lead: [{ by: 'unit', unitId: f!.unitId }],
    due,
    criteria: [...(o.criteria ?? [])],
    priority: f!.severity === 'critical' ? 'urgent' : f!.severity === 'major' ? 'high' : 'normal',
  });
  return markParsed(item);
}
