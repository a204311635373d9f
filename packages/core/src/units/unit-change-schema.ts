import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';
import { IdSchema } from '../shared/identifiers.js';
import { UnitNameSchema } from './unit-schema.js';
import { LegalBasisSchema } from '../shared/legal-basis.js';

const common = {
  id: IdSchema,
  /** The first day of the new state (units that end with this change have `validTo` the day before). */
  date: CivilDateSchema,
  legalBasis: z.array(LegalBasisSchema).min(1, { message: 'A unit change needs its legal basis' }),
  note: z.string().optional(),
};

const idList = z.array(IdSchema).min(1);

/** A new unit that has no predecessor. */
export const EstablishChangeSchema = z.strictObject({ kind: z.literal('establish'), unitIds: idList, ...common });
/** A unit takes a new name (and, optionally, a new code). */
export const RenameChangeSchema = z.strictObject({
  kind: z.literal('rename'),
  unitId: IdSchema,
  name: UnitNameSchema,
  code: z.string().regex(/^\d{2,5}$/).optional(),
  ...common,
});
/**
 * Several units end and continue as one NEW unit (hợp nhất): `into` starts on `date`, the day after its
 * predecessors end. When an existing unit takes them in, the change is an `absorb`.
 */
export const MergeChangeSchema = z.strictObject({
  kind: z.literal('merge'),
  from: idList,
  into: IdSchema,
  ...common,
});
/**
 * Units end and an EXISTING unit (one that started before `date` and goes on) answers for them from `date`
 * (sáp nhập vào một đơn vị đang tồn tại).
 */
export const AbsorbChangeSchema = z.strictObject({
  kind: z.literal('absorb'),
  from: idList,
  into: IdSchema,
  ...common,
});
/** One unit ends and continues as several new ones. */
export const SplitChangeSchema = z.strictObject({
  kind: z.literal('split'),
  from: IdSchema,
  into: z.array(IdSchema).min(2),
  ...common,
});
/**
 * Units end. `successorId` names the unit that answers for them afterwards (if any); `childrenTo` re-parents
 * every child still existing on `date` (how a tier is abolished: districts end, communes move to the province).
 */
export const DissolveChangeSchema = z.strictObject({
  kind: z.literal('dissolve'),
  unitIds: idList,
  successorId: IdSchema.optional(),
  childrenTo: IdSchema.optional(),
  ...common,
});
/** Units move under a new parent from `date`. */
export const ReparentChangeSchema = z.strictObject({
  kind: z.literal('reparent'),
  unitIds: idList,
  parentId: IdSchema,
  ...common,
});

/** Zod schema for one {@link UnitChange}. */
export const UnitChangeSchema = z.discriminatedUnion('kind', [
  EstablishChangeSchema,
  RenameChangeSchema,
  MergeChangeSchema,
  AbsorbChangeSchema,
  SplitChangeSchema,
  DissolveChangeSchema,
  ReparentChangeSchema,
]);

/** A dated restructuring event (sắp xếp đơn vị hành chính) with its legal basis. */
export type UnitChange = z.output<typeof UnitChangeSchema>;

/** Zod schema for a unit-changes document. */
export const UnitChangesDocumentSchema = z.strictObject({ changes: z.array(UnitChangeSchema) });

/** A unit-changes file: the restructuring events, in any order. */
export interface UnitChangesDocument extends z.output<typeof UnitChangesDocumentSchema> {}
