import { z } from 'zod';
import { Iso9001OptionsSchema } from '../src/records.js';

/** The JSON Schema of the options as a user writes them (defaults optional). */
export const optionsJsonSchema = () => z.toJSONSchema(Iso9001OptionsSchema, { io: 'input', unrepresentable: 'any' });
