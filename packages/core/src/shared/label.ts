import { z } from 'zod';

/** A Vietnamese label with an optional English one. Vietnamese is always present. */
export const LabelSchema = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});

/** A Vietnamese label with an optional English one, e.g. `{ vi: 'Xã Dào San', en: 'Dào San commune' }`. */
export interface Label extends z.infer<typeof LabelSchema> {}

/** The label text in the requested language, falling back to Vietnamese. */
export function labelText(label: Label, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'en' ? (label.en ?? label.vi) : label.vi;
}
