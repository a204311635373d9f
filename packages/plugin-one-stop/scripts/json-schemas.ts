import { z } from 'zod';
import { CatalogueSchema, DossierExportSchema, DossierRegisterSchema, OneStopOptionsSchema } from '../src/records.js';

/** The JSON Schemas the package ships, by file name under `schemas/`, as a user writes the documents (defaults optional). */
export const jsonSchemas = (): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries({ options: OneStopOptionsSchema, catalogue: CatalogueSchema, 'dossier-export': DossierExportSchema, 'dossier-register': DossierRegisterSchema }).map(([name, schema]) => [
      name,
      { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }), $id: `https://par-toolkit.dev/schemas/one-stop/${name}.schema.json`, title: name },
    ]),
  );
