import { z } from 'zod';
import { LabelSchema } from './label.js';

/** Zod schema for an identifier: letters, digits, `-`, `_`, `.` and `:`; 1 to 120 characters. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/, { message: 'Expected an id of letters, digits, ".", "_", ":" or "-"' });

/** Zod schema for an extensible kind name: camelCase (`conclusionNotice`, `specialZone`). */
export const KindNameSchema = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, { message: 'Expected a camelCase kind name' });

/** A kind declared by data to extend a built-in list (a unit kind, a directive kind). */
export const KindDeclarationSchema = z.strictObject({ id: KindNameSchema, name: LabelSchema });

/** A kind declared by data to extend a built-in list. */
export interface KindDeclaration extends z.infer<typeof KindDeclarationSchema> {}
