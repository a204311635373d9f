import { z } from 'zod';
import { DirectiveDocumentSchema } from './directives/directive-schema.js';
import { FrameworkDerivationSchema, FrameworkSchema } from './frameworks/framework-schema.js';
import { UnitChangesDocumentSchema } from './units/unit-change-schema.js';
import { UnitsDocumentSchema } from './units/unit-schema.js';
import { AssessmentSchema } from './scoring/assessment-schema.js';
import { MetricSchema } from './scoring/metric.js';
import { PublishedTableSchema } from './scoring/reconcile.js';
import { CrosswalkSchema } from './scoring/year-over-year.js';

/**
 * The zod schema of every input document, by the file name its JSON Schema ships under
 * (`schemas/<name>.schema.json` in this package).
 */
export const INPUT_DOCUMENT_SCHEMAS = {
  units: UnitsDocumentSchema,
  'unit-changes': UnitChangesDocumentSchema,
  'directive-document': DirectiveDocumentSchema,
  framework: FrameworkSchema,
  'framework-derivation': FrameworkDerivationSchema,
  assessment: AssessmentSchema,
  metrics: z.array(MetricSchema),
  crosswalk: CrosswalkSchema,
  'published-table': PublishedTableSchema,
} as const;

/** The name of an input document with a shipped JSON Schema. */
export type InputDocumentName = keyof typeof INPUT_DOCUMENT_SCHEMAS;

/**
 * The JSON Schema (draft 2020-12) of an input document, generated from its zod schema, for integrators who
 * validate files in another language. Cross-field rules (sums, bands, lineage) are checked only by `parseX`.
 */
export function inputJsonSchema(name: InputDocumentName): Record<string, unknown> {
  const schema = z.toJSONSchema(INPUT_DOCUMENT_SCHEMAS[name], { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return { ...schema, $id: `https://par-toolkit.dev/schemas/${name}.schema.json`, title: name };
}
