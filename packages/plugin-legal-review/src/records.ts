import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';
import { DOCUMENT_FORMS, documentNumberProblems, normaliseNumber } from './document-number.js';
import { INSPECTING_BODIES, ISSUER_LEVELS, PUBLICATION_CHANNELS, REVIEW_OUTCOMES, REVIEW_TRIGGER_KINDS, UNLAWFUL_CATEGORIES } from './rules.js';

const date = CivilDateSchema;
const text = z.string().trim().min(1);
const year = z.int().min(1900).max(2100);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Zod schema for a document number and symbol as printed (`12/2022/QĐ-UBND`), checked by `parseDocumentNumber`'s rules. */
export const DocumentNumberSchema = z
  .string()
  .superRefine((value, ctx) => {
    for (const p of documentNumberProblems(value)) ctx.addIssue({ code: 'custom', message: p.message, params: { code: p.code } });
  })
  .transform(normaliseNumber);

const number = DocumentNumberSchema;
const BODY_OF_FORM: Record<string, 'peoplesCouncil' | 'peoplesCommittee'> = { resolution: 'peoplesCouncil', decision: 'peoplesCommittee' };
const articles = z.array(text).min(1);

/** Zod schema for one legal normative document (VBQPPL) of a register. */
export const LegalDocumentSchema = z.strictObject({
  /** Number and symbol as printed, e.g. `12/2022/QĐ-UBND`: the document's id in the register. */
  number,
  issuer: z.strictObject({
    /** The unit (in the unit registry) that issued it. */
    unitId: text,
    level: z.enum(ISSUER_LEVELS),
    /** The People's Council (HĐND: resolutions) or the People's Committee (UBND: decisions). */
    body: z.enum(['peoplesCouncil', 'peoplesCommittee']),
  }),
  /** Signing date, or adoption date for a resolution (ngày ban hành). */
  signedOn: date,
  /** The concrete effective date (ngày có hiệu lực). */
  effectiveFrom: date,
  /** How the document states it: a concrete date (LEG-04) or "after N days" (`relative`). */
  effectiveStatedAs: z.enum(['date', 'relative']).default('date'),
  /** The last day in force, when the document sets its own end. */
  effectiveTo: date.optional(),
  procedure: z.enum(['normal', 'shortened']).default('normal'),
  /** Summary as registered (trích yếu). */
  title: text,
  /** The articles it contains, where partial relations name them. */
  articles: z.array(text).default([]),
  /** Legal bases cited that are not in the register (laws, decrees, provincial documents), as printed. */
  externalBasis: z.array(text).default([]),
}).superRefine((d, ctx) => {
  const m = /^\d+\/(\d{4})\/([^-]+)-/u.exec(d.number);
  if (!m) return;
  if (m[1] !== d.signedOn.slice(0, 4)) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: `${d.number} is numbered in ${m[1]} but signed on ${d.signedOn}` });
  const body = BODY_OF_FORM[DOCUMENT_FORMS[m[2] as keyof typeof DOCUMENT_FORMS]];
  if (body !== undefined && body !== d.issuer.body) ctx.addIssue({ code: 'custom', path: ['issuer', 'body'], message: `A ${m[2]} is issued by the ${body === 'peoplesCouncil' ? "People's Council" : "People's Committee"}, not the ${d.issuer.body}` });
});

/** A legal document of a register. */
export type LegalDocument = z.output<typeof LegalDocumentSchema>;

/** The relations between documents of §3.3. */
export const RELATION_KINDS = ['amends', 'replaces', 'repeals', 'suspends', 'basedOn', 'details', 'guides', 'corrects', 'declaresExpired'] as const;

/** A relation between documents. */
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Zod schema for a relation: `source` (the later document) acts on `target`. */
export const RelationSchema = z
  .strictObject({
    kind: z.enum(RELATION_KINDS),
    source: number,
    target: number,
    /** The articles concerned; absent: the whole target (an `amends` without them concerns unlisted articles). */
    articles: articles.optional(),
    /** When it takes effect on the target; default the source's effective date. */
    date: date.optional(),
    /** `suspends` only: the last day of the suspension, when it has one. */
    until: date.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.until !== undefined && r.kind !== 'suspends') ctx.addIssue({ code: 'custom', path: ['until'], message: 'Only a suspension has an end date' });
    if (r.until !== undefined && r.date !== undefined && r.until < r.date) ctx.addIssue({ code: 'custom', path: ['until'], message: `The suspension ends (${r.until}) before it starts (${r.date})` });
  });

/** A relation between two documents of a register. */
export type Relation = z.output<typeof RelationSchema>;

const PublicationSchema = z.strictObject({ channel: z.enum(PUBLICATION_CHANNELS), date });

/** Zod schema for a document's legal register (the Justice office's book of VBQPPL and their follow-up records). */
export const LegalRegisterSchema = z.strictObject({
  /** The unit whose documents these are, and which the field-2 metrics score. */
  unitId: text,
  /** The office that keeps the register and answers for its findings (the Justice office); default `unitId`. */
  keeperUnitId: text.optional(),
  /** Set on made-up registers (examples), so that nothing presents them as real. */
  illustrative: z.boolean().default(false),
  source: text.optional(),
  documents: z.array(LegalDocumentSchema),
  relations: z.array(RelationSchema).default([]),
  /** The publication log: gazette, national legal database, portal, posting minutes, media (LEG-03, LEG-18). */
  publications: z.array(PublicationSchema.extend({ document: number, reference: text.optional() })).default([]),
  /** Self-inspection records (LEG-06). */
  selfInspections: z.array(z.strictObject({ document: number, date, result: z.enum(['lawful', 'unlawful', 'error']).optional() })).default([]),
  /** Transmittals for inspection (LEG-07). */
  inspectionSubmissions: z.array(z.strictObject({ document: number, sentOn: date, channel: text, receivingBody: z.enum(INSPECTING_BODIES) })).default([]),
  /** Inspection conclusions by the competent body (LEG-05). */
  inspectionConclusions: z
    .array(
      z
        .strictObject({ document: number, date, body: text, result: z.enum(['lawful', 'unlawful', 'error']), categories: z.array(z.enum(UNLAWFUL_CATEGORIES)).default([]) })
        .refine((c) => c.result !== 'unlawful' || c.categories.length > 0, { path: ['categories'], message: 'An unlawful conclusion names at least one LEG-05 category' }),
    )
    .default([]),
  /** Handling decisions on unlawful or erroneous documents, and their publication (LEG-08, LEG-09). */
  handlingDecisions: z
    .array(
      z.strictObject({
        /** The document handled. */
        document: number,
        measure: z.enum(['suspendExecution', 'repealWholly', 'repealPartly', 'amend', 'replace', 'correct']),
        /** The handling document's own number, when it is in the register its relations come from. */
        byDocument: number.optional(),
        signedOn: date,
        /** When it takes effect on the document; default `signedOn`. */
        effectiveFrom: date.optional(),
        /** `suspendExecution`: the day execution resumes, if it does. */
        liftedOn: date.optional(),
        articles: articles.optional(),
        publications: z.array(PublicationSchema).default([]),
      }),
    )
    .default([]),
  /** Review records (rà soát): trigger, date reviewed, outcome (LEG-10..LEG-13). */
  reviews: z
    .array(
      z.strictObject({
        document: number,
        trigger: z.strictObject({ kind: z.enum(REVIEW_TRIGGER_KINDS), document: number.optional(), date }),
        reviewedOn: date,
        outcome: z.enum(REVIEW_OUTCOMES),
        /** The document that carried out the proposal (amending, replacing, repealing...). */
        actedBy: number.optional(),
        actedOn: date.optional(),
      }),
    )
    .default([]),
  /** Yearly review and systematisation plans (criterion 2.3.1). */
  reviewPlans: z.array(z.strictObject({ year, issuedOn: date, completedOn: date.optional() })).default([]),
  /** Documents handed to a successor's register in a restructuring (the district tier's end). */
  transfers: z.array(z.strictObject({ document: number, toUnitId: text, date })).default([]),
  /** Systematisation cycles (LEG-16, LEG-17): plan, cut-off, the four lists, compendium, publication. */
  systematisations: z
    .array(
      z.strictObject({
        cutOff: date,
        planIssuedOn: date.optional(),
        publishedOn: date.optional(),
        compendium: z.boolean().default(false),
        lists: z
          .strictObject({ expiredOrSuspended: z.array(number), partly: z.array(number), inForce: z.array(number), needingAction: z.array(number) })
          .optional(),
      }),
    )
    .default([]),
  /** Yearly lists of expired and suspended documents (LEG-14). */
  expiryLists: z.array(z.strictObject({ year, publishedOn: date, documents: z.array(number) })).default([]),
  /** Lists of detailing documents that expire with their parent (LEG-15). */
  detailingExpiryLists: z.array(z.strictObject({ parent: number, publishedOn: date, documents: z.array(number) })).default([]),
  /** Implementation plans of documents (LEG-19). */
  implementationPlans: z.array(z.strictObject({ document: number, issuedOn: date })).default([]),
  /** Yearly law-enforcement monitoring plans and how far they were carried out (LEG-19; criterion 2.4). */
  monitoringPlans: z.array(z.strictObject({ year, issuedOn: date, items: z.int().min(1), completed: z.int().min(0) }).refine((p) => p.completed <= p.items, { path: ['completed'], message: 'More items completed than planned' })).default([]),
});

/** A register as the schema outputs it (before the document graph's checks). */
export type LegalRegisterRecord = z.output<typeof LegalRegisterSchema>;

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Expected MM-DD' })
  .refine((md) => Number(md.slice(3)) <= MONTH_DAYS[Number(md.slice(0, 2)) - 1]!, { message: 'Expected a day that every year has (not 02-29)' });
const days = (max = 3650) => z.int().min(0).max(max);

/**
 * Zod schema for the plugin's options: the registers and every number the sources leave unconfirmed
 * (`rules.md` §3.2 tag U, §8.2), each with a default that is a toolkit choice, not law.
 */
export const LegalReviewOptionsSchema = z.strictObject({
  /** One register per unit; their cross-references (unknown documents, cycles, dates) are checked too. */
  registers: z.array(LegalRegisterSchema),
  /**
   * Findings of rules the sources leave unconfirmed: `advisory` (default) reports them as `minor` at most;
   * `enforced` keeps their severity.
   */
  unconfirmedRules: z.enum(['advisory', 'enforced']).default('advisory'),
  /** LEG-06 (timing unconfirmed): working days after signing to self-inspect; old regime "right after issuance". */
  selfInspectionWorkingDays: days().default(3),
  /** LEG-07 (unconfirmed, §8.2): working days after signing to send for inspection; the old regime's 3 is carried over. */
  submissionWorkingDays: days().default(3),
  /** LEG-08 (unconfirmed, §8.2): calendar days after an unlawful conclusion to handle it (old regime "about 30"). */
  handlingDays: days().default(30),
  /** LEG-10..LEG-12 (review "promptly", no period): calendar days from a trigger to the review. */
  reviewDays: days().default(30),
  /** LEG-13 (no period): calendar days from a review's proposal to the document carrying it out. */
  reviewOutcomeDays: days().default(90),
  /** LEG-14 (31/01 unconfirmed): the yearly expired list's due day in the following year, `MM-DD`. */
  expiryListDue: monthDay.default('01-31'),
  /** LEG-16 (unconfirmed): calendar days after a systematisation cut-off to publish the result. */
  systematisationPublicationDays: days().default(90),
  /** LEG-19 (local dates unconfirmed): calendar days after signing to issue a document's implementation plan. */
  implementationPlanDays: days().default(30),
  /** LEG-19 (unconfirmed): the day of the year by which that year's monitoring plan is issued, `MM-DD`. */
  monitoringPlanDue: monthDay.default('12-31'),
});

/** The options as validated. */
export type LegalReviewConfig = z.output<typeof LegalReviewOptionsSchema>;

/** Options of `createLegalReviewPlugin`. */
export type LegalReviewOptions = z.input<typeof LegalReviewOptionsSchema>;
