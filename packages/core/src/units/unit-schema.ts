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

/** Characters a terminal acts on (C0 and C1 controls, DEL) or that reorder text (bidirectional overrides). */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const noControl = (s: string) => !CONTROL_CHARACTERS.test(s);

/**
 * Zod schema for a unit's name: a label without control characters (an escape sequence in a name would clear the
 * screen or hide text wherever the name is printed).
 */
export const UnitNameSchema = LabelSchema.refine((l) => noControl(l.vi) && (l.en === undefined || noControl(l.en)), {
  message: 'A unit name must not contain control characters',
});

/** Zod schema for one {@link Unit}. */
export const UnitSchema = z.strictObject({
  id: IdSchema,
  /** Official administrative-unit code (mã đơn vị hành chính), where one exists: 2, 3 or 5 digits. */
  code: z.string().regex(/^\d{2,5}$/, { message: 'Expected an official code of 2 to 5 digits' }).optional(),
  name: UnitNameSchema,
  /** Other names and abbreviations the unit is printed under (`Sở VH, TT & DL`), for matching published tables. */
  aliases: z.array(z.string().trim().min(1).max(200).refine(noControl, { message: 'An alias must not contain control characters' })).optional(),
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
