// Writes data/assessments-2021.json: the ILLUSTRATIVE 2021 assessments of src/illustrative-assessments.ts.
// Run: npx tsx --conditions=@par/source scripts/make-illustrative-assessments.ts
import { writeFileSync } from 'node:fs';
import { illustrativeAssessments2021 } from '../src/illustrative-assessments.js';
import { loadPhongTho } from '../src/load.js';

const { registry, communeFramework } = loadPhongTho({ assessments: false });
const assessments = illustrativeAssessments2021(registry, communeFramework);
writeFileSync(new URL('../data/assessments-2021.json', import.meta.url), `${JSON.stringify(assessments, null, 1)}\n`);
console.log(`wrote ${assessments.length} illustrative assessments`);
