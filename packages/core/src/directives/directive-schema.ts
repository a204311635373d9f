import { CivilDateSchema, IssueList, parseWithSchema } from '@par/calendar';
import { z } from 'zod';
import { IdSchema, KindDeclarationSchema, KindNameSchema } from '../shared/identifiers.js';
import { LabelSchema } from '../shared/label.js';
import { DueRuleSchema, ScheduleSchema } from './due-rule.js';
import { UnitSelectorSchema } from './unit-selector.js';

/** The directive document kinds every toolkit knows; a document may declare more in `kinds`. */
export const BUILT_IN_DIRECTIVE_KINDS = {
  conclusionNotice: { vi: 'Thông báo kết luận', en: 'Conclusion notice' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  officialLetter: { vi: 'Công văn', en: 'Official letter' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
} as const;

/** Zod schema for a reporting duty. */
export const ReportingDutySchema = z.strictObject({
  schedule: ScheduleSchema,
  recipientIds: z.array(IdSchema).min(1),
  from: CivilDateSchema.optional(),
  until: CivilDateSchema.optional(),
});

/** A periodic report owed on an item: when, to whom, and (optionally) over which dates. */
export interface ReportingDuty extends z.output<typeof ReportingDutySchema> {}

/** Zod schema for a {@link DirectiveItem}. */
export const DirectiveItemSchema = z.strictObject({
  /** The clause label as printed, e.g. `(3)`. */
  label: z.string().trim().min(1),
  summary: LabelSchema,
  body: z.string().optional(),
  /** Lead units (chủ trì). */
  lead: z.array(UnitSelectorSchema).min(1, { message: 'An item needs at least one lead unit' }),
  /** Coordinating units (phối hợp). */
  coordinating: z.array(UnitSelectorSchema).default([]),
  due: DueRuleSchema,
  reporting: ReportingDutySchema.optional(),
  /** Framework criteria the item aims to improve. */
  criteria: z.array(z.strictObject({ frameworkId: IdSchema.optional(), code: z.string().min(1) })).default([]),
  priority: z.enum(['normal', 'high', 'urgent']).default('normal'),
});

/** One numbered item of a directive document: who leads, who helps, what is due when, what it should improve. */
export interface DirectiveItem extends z.output<typeof DirectiveItemSchema> {}

/** Zod schema for the signer of a document. */
export const SignerSchema = z.strictObject({
  name: z.string().trim().min(1),
  title: LabelSchema,
  /** Signing authority as printed: TM. (on behalf of a body), KT. (deputy for), TL. (by order of), TUQ. */
  authority: z.enum(['TM', 'KT', 'TL', 'TUQ']).optional(),
  /** On whose behalf, e.g. `{ vi: 'Chủ tịch' }` for "TL. Chủ tịch". */
  onBehalfOf: LabelSchema.optional(),
});

/** Who signed a document, in what capacity and on whose behalf. */
export interface Signer extends z.output<typeof SignerSchema> {}

/** Zod schema for a {@link DirectiveDocument}. */
export const DirectiveDocumentSchema = z.strictObject({
  id: IdSchema,
  /** Number and symbol as printed, e.g. `123/TB-VP`; absent when not legible. */
  number: z.string().trim().min(1).optional(),
  kind: KindNameSchema,
  kinds: z.array(KindDeclarationSchema).default([]),
  issuerId: IdSchema,
  signer: SignerSchema,
  signedOn: CivilDateSchema,
  title: LabelSchema,
  items: z.array(DirectiveItemSchema).min(1),
  source: z.string().optional(),
});

/** A conclusion notice, plan, decision or letter, with its numbered items. */
export interface DirectiveDocument extends z.output<typeof DirectiveDocumentSchema> {}

/**
 * Validates a directive document: shape, known kind, unique item labels, due rules whose ranges run forward.
 * Unit references are checked against a registry by {@link assignmentsOf}. Throws {@link ParValidationError}.
 */
export function parseDirectiveDocument(input: unknown): DirectiveDocument {
  const doc = parseWithSchema('directive document', DirectiveDocumentSchema, input);
  const issues = new IssueList();
  const kinds = new Set<string>([...Object.keys(BUILT_IN_DIRECTIVE_KINDS), ...doc.kinds.map((k) => k.id)]);
  if (!kinds.has(doc.kind)) issues.add(['kind'], 'unknown_kind', `Directive kind "${doc.kind}" is neither built in nor declared in "kinds"`);
  const labels = new Set<string>();
  doc.items.forEach((item, i) => {
    if (labels.has(item.label)) issues.add(['items', i, 'label'], 'duplicate_label', `Item label "${item.label}" is used twice`);
    labels.add(item.label);
    const due = item.due;
    if ((due.kind === 'recurring' || due.kind === 'continuous') && due.until !== undefined && due.until < due.from) {
      issues.add(['items', i, 'due', 'until'], 'invalid_interval', `until ${due.until} is before from ${due.from}`);
    }
    const r = item.reporting;
    if (r?.from !== undefined && r.until !== undefined && r.until < r.from) {
      issues.add(['items', i, 'reporting', 'until'], 'invalid_interval', `until ${r.until} is before from ${r.from}`);
    }
  });
  issues.throwIfAny('directive document');
  return doc;
}
