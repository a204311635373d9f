import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';
import type { DirectiveItem } from '../directives/directive-schema.js';
import type { DueRule } from '../directives/due-rule.js';
import { LabelSchema } from '../shared/label.js';
import { LegalBasisSchema } from '../shared/legal-basis.js';

/** How serious a finding is. */
export const SeveritySchema = z.enum(['info', 'minor', 'major', 'critical']);

/** `info`, `minor`, `major` or `critical`. */
export type Severity = z.infer<typeof SeveritySchema>;

/** Zod schema for what a check reports; the host adds the ids and the plugin's name. */
export const FindingInputSchema = z.strictObject({
  severity: SeveritySchema,
  unitId: z.string().min(1),
  /** What record it is about, e.g. `{ kind: 'process', id: '1.004' }`. */
  subject: z.strictObject({ kind: z.string().min(1), id: z.string().min(1) }),
  message: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  legalBasis: z.array(LegalBasisSchema).default([]),
  /** When the rule says it must be put right. */
  dueDate: CivilDateSchema.optional(),
  /** References to the records behind it. */
  evidence: z.array(z.string()).default([]),
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

/** Options of {@link findingToDirectiveItem}. */
export interface CorrectiveItemOptions {
  /** The clause label in the corrective directive, e.g. `(1)`. */
  readonly label: string;
  /** Used when the finding sets no due date. */
  readonly due?: DueRule;
  /** Framework criteria the correction improves. */
  readonly criteria?: readonly { readonly frameworkId?: string; readonly code: string }[];
}

/**
 * Turns a finding into a directive item: a corrective task led by the responsible unit, due when the rule says
 * (or as given), urgent for critical findings and high for major ones. The loop closes: checks feed directives.
 */
export function findingToDirectiveItem(finding: Finding, options: CorrectiveItemOptions): DirectiveItem {
  const due = finding.dueDate ? ({ kind: 'date', date: finding.dueDate } as const) : options.due;
  if (!due) throw new RangeError(`Finding ${finding.id} sets no due date; pass options.due`);
  return {
    label: options.label,
    summary: LabelSchema.parse({ vi: `Khắc phục: ${finding.message.vi}`, en: `Put right: ${finding.message.en}` }),
    body: finding.legalBasis.map((b) => `${b.document}${b.article ? ` ${b.article}` : ''}`).join('; ') || undefined,
    lead: [{ by: 'unit', unitId: finding.unitId }],
    coordinating: [],
    due,
    criteria: [...(options.criteria ?? [])],
    priority: finding.severity === 'critical' ? 'urgent' : finding.severity === 'major' ? 'high' : 'normal',
  };
}
