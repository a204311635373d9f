import { z } from 'zod';
import { LabelSchema } from './label.js';

/** The pattern of an identifier ({@link IdSchema}). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;

/** Zod schema for an identifier: letters, digits, `-`, `_`, `.` and `:`; 1 to 120 characters. */
export const IdSchema = z.string().regex(ID_PATTERN, { message: 'Expected an id of letters, digits, ".", "_", ":" or "-"' });

/** The pattern of a kind name ({@link KindNameSchema}). */
export const KIND_NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/;

/** Zod schema for an extensible kind name: camelCase (`conclusionNotice`, `specialZone`). */
export const KindNameSchema = z.string().regex(KIND_NAME_PATTERN, { message: 'Expected a camelCase kind name' });

/** A kind declared by data to extend a built-in list (a unit kind, a directive kind). */
export const KindDeclarationSchema = z.strictObject({ id: KindNameSchema, name: LabelSchema });

/** A kind declared by data to extend a built-in list. */
export interface KindDeclaration extends z.infer<typeof KindDeclarationSchema> {}
