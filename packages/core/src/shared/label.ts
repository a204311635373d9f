import { z } from 'zod';
import { ParValidationError, type ParIssue } from '@par/calendar';

/** A Vietnamese label with an optional English one. Vietnamese is always present. */
export const LabelSchema = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});

/** A Vietnamese label with an optional English one, e.g. `{ vi: 'Xã Dào San', en: 'Dào San commune' }`. */
export interface Label extends z.infer<typeof LabelSchema> {}

const isLabel = (l: unknown): l is Label =>
  typeof l === 'object' && l !== null && typeof (l as Label).vi === 'string' && ((l as Label).en === undefined || typeof (l as Label).en === 'string');

/**
 * The label text in the requested language, falling back to Vietnamese. Throws `ParValidationError` for a label
 * that is not `{ vi, en? }` with text, or a language other than `vi` and `en`.
 */
export function labelText(label: Label, lang: 'vi' | 'en' = 'vi'): string {
  if (!isLabel(label) || (lang !== 'vi' && lang !== 'en')) {
    const issues: ParIssue[] = [];
    if (!isLabel(label)) issues.push({ path: ['label'], code: 'invalid_label', message: 'Expected a label { vi, en? } with text' });
    if (lang !== 'vi' && lang !== 'en') issues.push({ path: ['lang'], code: 'invalid_lang', message: `Expected vi or en, got ${JSON.stringify(lang)}` });
    throw new ParValidationError('arguments of labelText', issues);
  }
  return lang === 'en' ? (label.en ?? label.vi) : label.vi;
}
