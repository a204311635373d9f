import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';
import { IdSchema, KindDeclarationSchema, KindNameSchema } from '../shared/identifiers.js';
import { LabelSchema } from '../shared/label.js';

/**
 * The unit kinds every registry knows, with their Vietnamese names. A units document may declare more
 * in its `kinds` list.
 */
export const BUILT_IN_UNIT_KINDS = {
  province: { vi: 'Tỉnh, thành phố trực thuộc trung ương', en: 'Province' },
  district: { vi: 'Huyện, thị xã, thành phố thuộc tỉnh', en: 'District (until 30 June 2025)' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  township: { vi: 'Thị trấn', en: 'Township' },
  specialZone: { vi: 'Đặc khu', en: 'Special zone' },
  peoplesCommittee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  department: { vi: 'Sở', en: 'Provincial department' },
  districtDepartment: { vi: 'Phòng chuyên môn', en: 'District specialised office' },
  publicServiceUnit: { vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
  other: { vi: 'Khác', en: 'Other' },
} as const;

/** A built-in unit kind. */
export type BuiltInUnitKind = keyof typeof BUILT_IN_UNIT_KINDS;

/** Zod schema for one {@link Unit}. */
export const UnitSchema = z.strictObject({
  id: IdSchema,
  /** Official administrative-unit code (mã đơn vị hành chính), where one exists: 2, 3 or 5 digits. */
  code: z.string().regex(/^\d{2,5}$/, { message: 'Expected an official code of 2 to 5 digits' }).optional(),
  name: LabelSchema,
  kind: KindNameSchema,
  /** The parent on `validFrom`; later parents come from `reparent` changes. */
  parentId: IdSchema.optional(),
  validFrom: CivilDateSchema,
  /** Last day the unit exists (inclusive). Absent while it still exists. */
  validTo: CivilDateSchema.optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Where the facts about this unit come from. */
  source: z.string().trim().min(1).optional(),
});

/**
 * An administrative unit or agency: a province, commune, ward, specialised office, public service unit...
 * Effective-dated: it exists from `validFrom` to `validTo` inclusive.
 */
export interface Unit extends z.output<typeof UnitSchema> {}

/** Zod schema for a units document. */
export const UnitsDocumentSchema = z.strictObject({
  /** Unit kinds added to the built-in ones. */
  kinds: z.array(KindDeclarationSchema).default([]),
  units: z.array(UnitSchema),
});

/** A units file: the units, and any unit kinds it adds to the built-in list. */
export interface UnitsDocument extends z.output<typeof UnitsDocumentSchema> {}
