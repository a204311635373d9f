import { z } from 'zod';
import { LegalRegisterSchema, LegalReviewOptionsSchema } from '../src/records.js';

/** The JSON Schemas the package ships, by file name: the plugin's options and one register, as a user writes them. */
export const jsonSchemas = () => ({
  'options.schema.json': z.toJSONSchema(LegalReviewOptionsSchema, { io: 'input', unrepresentable: 'any' }),
  'register.schema.json': z.toJSONSchema(LegalRegisterSchema, { io: 'input', unrepresentable: 'any' }),
});
