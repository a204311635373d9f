import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';

/** How sure the project is of a fact: the tags V, P and U of the domain documents. */
export const VerificationSchema = z.enum(['confirmed', 'partlyConfirmed', 'unconfirmed']);

/** `confirmed` (stated in a cited source), `partlyConfirmed`, or `unconfirmed` (check before relying on it). */
export type Verification = z.infer<typeof VerificationSchema>;

/** Zod schema for {@link LegalBasis}. */
export const LegalBasisSchema = z.strictObject({
  /** Document number and kind as cited, e.g. `1670/NQ-UBTVQH15`. */
  document: z.string().trim().min(1),
  /** Article, clause or point, e.g. `Art.1 cl.14`. */
  article: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1).optional(),
  /** The document's issue (signing) date (ngày ban hành), which need not be the day it takes effect. */
  signedOn: CivilDateSchema.optional(),
  /** The day it takes effect (hiệu lực), when known. */
  effectiveFrom: CivilDateSchema.optional(),
  effectiveTo: CivilDateSchema.optional(),
  supersededBy: z.string().trim().min(1).optional(),
  verification: VerificationSchema.optional(),
  /** Where the citation was read (a URL or a file in the repository). */
  source: z.string().trim().min(1).optional(),
});

/** The legal document (and article) a rule, change or framework rests on, with its validity. */
export interface LegalBasis extends z.infer<typeof LegalBasisSchema> {}
