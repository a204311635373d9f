import { z } from 'zod';
import { ClericalRecordsSchema, EDocumentsOptionsSchema } from '../src/records.js';

/** The JSON Schemas the package ships, by file name, as a user writes the documents (defaults optional). */
export const jsonSchemas = () => ({
  'options.schema.json': z.toJSONSchema(EDocumentsOptionsSchema, { io: 'input', unrepresentable: 'any' }),
  'clerical-records.schema.json': z.toJSONSchema(ClericalRecordsSchema, { io: 'input', unrepresentable: 'any' }),
});
