// The reference for `par score` end to end: the same workspace files read with plain JSON.parse, each unit's points
// summed (last appraisal, else the self points or input) and the units sorted; no validation, no rules. Plain
// JavaScript, run by node as it is, so that the reference pays no loader of ours.
// Usage: node plain-score.mjs <par.config.json>
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const configFile = process.argv[2];
const dir = dirname(configFile);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
JSON.parse(readFileSync(join(dir, config.units), 'utf8'));
const totals = [];
for (const file of config.assessments) {
  for (const a of JSON.parse(readFileSync(join(dir, file), 'utf8'))) {
    let sum = 0;
    for (const e of a.entries) sum += e.appraisals?.at(-1)?.points ?? e.self?.points ?? e.self?.input ?? 0;
    totals.push({ unitId: a.unitId, sum });
  }
}
totals.sort((x, y) => y.sum - x.sum);
process.stdout.write(`${totals.length} units, first ${totals[0]?.unitId}\n`);
