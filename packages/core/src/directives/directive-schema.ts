import { CivilDateSchema, IssueList, parseWithSchema } from '@par/calendar';
import { z } from 'zod';
import { deepFreeze } from '../shared/deep-freeze.js';
import { IdSchema, KindDeclarationSchema, KindNameSchema } from '../shared/identifiers.js';
import { LabelSchema } from '../shared/label.js';
import { markParsed, type PARSED } from '../shared/parsed.js';
import { DueRuleSchema, ReportScheduleSchema, scheduleProblems } from './due-rule.js';
import { UnitSelectorSchema } from './unit-selector.js';

/** The directive document kinds every toolkit knows; a document may declare more in `kinds`. */
export const BUILT_IN_DIRECTIVE_KINDS = {
  conclusionNotice: { vi: 'Thông báo kết luận', en: 'Conclusion notice' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  officialLetter: { vi: 'Công văn', en: 'Official letter' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
} as const;

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
  /** The periodic reports the lead unit owes on the item, each with its own dates and data cut-off. */
  reports: z.array(ReportScheduleSchema).default([]),
  /** Framework criteria the item aims to improve. */
  criteria: z.array(z.strictObject({ frameworkId: IdSchema.optional(), code: z.string().min(1) })).default([]),
  priority: z.enum(['normal', 'high', 'urgent']).default('normal'),
});

/** One numbered item of a directive document: who leads, who helps, what is due when, what it should improve. */
export interface DirectiveItem extends z.output<typeof DirectiveItemSchema> {}

/** Zod schema for one {@link SigningAuthority}. */
export const SigningAuthoritySchema = z.strictObject({
  /** As printed: TM. (on behalf of a collective body), KT. (deputy signing for the head), TL. (by order of), TUQ. (by authorisation). */
  kind: z.enum(['TM', 'KT', 'TL', 'TUQ']),
  /** On whose behalf, e.g. `{ vi: 'Chủ tịch' }` for "TL. Chủ tịch". */
  onBehalfOf: LabelSchema,
});

/** One line of a signature block's authority: "TL. Chủ tịch" is `{ kind: 'TL', onBehalfOf: { vi: 'Chủ tịch' } }`. */
export interface SigningAuthority extends z.output<typeof SigningAuthoritySchema> {}

/** Zod schema for the signer of a document. */
export const SignerSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** The signer's own position, e.g. `{ vi: 'Phó Chánh Văn phòng' }`. */
  title: LabelSchema,
  /** The body the signer works in (e.g. the People's Committee Office), recorded apart from the document's issuer. */
  unitId: IdSchema.optional(),
  /**
   * Every authority of the signature block, in printed order (outermost first): "TL. Chủ tịch" then
   * "KT. Chánh Văn phòng" for a deputy chief of the Office signing by order of the chairman. Empty when the
   * head signs in their own name.
   */
  authorities: z.array(SigningAuthoritySchema).default([]),
});

/** Who signed a document: the person, their position and body, and every authority they signed under. */
export interface Signer extends z.output<typeof SignerSchema> {}

/** Zod schema for a {@link DirectiveDocument}. */
export const DirectiveDocumentSchema = z.strictObject({
  id: IdSchema,
  /** Number and symbol as printed, e.g. `123/TB-VP`; absent when not legible. */
  number: z.string().trim().min(1).optional(),
  kind: KindNameSchema,
  kinds: z.array(KindDeclarationSchema).default([]),
  /** The issuing body (cơ quan ban hành), apart from the person who signed. */
  issuerId: IdSchema,
  signer: SignerSchema,
  signedOn: CivilDateSchema,
  title: LabelSchema,
  items: z.array(DirectiveItemSchema).min(1),
  source: z.string().optional(),
});

/**
 * A conclusion notice, plan, decision or letter, with its numbered items, as {@link parseDirectiveDocument}
 * returned it (frozen; functions that take a document refuse a plain object).
 */
export interface DirectiveDocument extends z.output<typeof DirectiveDocumentSchema> {
  /** Type-level mark of a parsed document. */
  readonly [PARSED]: true;
}

/**
 * Validates a directive document: shape, known kind, unique item labels, due rules and report schedules whose
 * ranges run forward and whose months fit their periods, and a report schedule on every standing (`recurring`)
 * duty. Unit references are checked against a registry by {@link assignmentsOf}. Throws
 * {@link ParValidationError}; the document returned is frozen.
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
    if ((due.kind === 'periodic' || due.kind === 'recurring') && due.until !== undefined && due.until < due.from) {
      issues.add(['items', i, 'due', 'until'], 'invalid_interval', `until ${due.until} is before from ${due.from}`);
    }
    if (due.kind === 'periodic') for (const [path, code, message] of scheduleProblems(due.schedule)) issues.add(['items', i, 'due', 'schedule', ...path], code, message);
    if (due.kind === 'recurring' && item.reports.length === 0) {
      issues.add(['items', i, 'reports'], 'missing_reports', 'A standing (recurring) duty has no deadline of its own: it needs at least one report schedule');
    }
    item.reports.forEach((r, k) => {
      if (r.from !== undefined && r.until !== undefined && r.until < r.from) {
        issues.add(['items', i, 'reports', k, 'until'], 'invalid_interval', `until ${r.until} is before from ${r.from}`);
      }
      for (const [path, code, message] of scheduleProblems(r)) issues.add(['items', i, 'reports', k, ...path], code, message);
    });
  });
  issues.throwIfAny('directive document');
  for (const item of doc.items) markParsed(item);
  return markParsed(deepFreeze(doc)) as DirectiveDocument;
}
