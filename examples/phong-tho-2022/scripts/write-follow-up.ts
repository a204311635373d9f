// Writes data/lifecycle-logs.json: the ILLUSTRATIVE follow-up of the notice (src/follow-up.ts) as lifecycle logs,
// so that `par directives` and `par report` replay them. Run: npx tsx --conditions=@par/source scripts/write-follow-up.ts
import { writeFileSync } from 'node:fs';
import { assignmentsOf, computeIndex } from '@par/core';
import { followUp2022 } from '../src/follow-up.js';
import { loadPhongTho } from '../src/load.js';

const { registry, notice, communeFramework, assessments2021 } = loadPhongTho();
const units = registry.at('2021-12-31').units.map((u) => ({ id: u.id, kind: u.kind }));
const results = computeIndex(communeFramework, assessments2021, { units, peerGroup: 'all' });
const { inputs, logs } = followUp2022(notice, assignmentsOf(notice, { registry, results: results.results }), '2023-02-06T17:00:00+07:00');
const out = inputs.map((input) => ({ input, entries: logs.get(input.id) ?? [] }));
writeFileSync(new URL('../data/lifecycle-logs.json', import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`wrote ${out.length} lifecycle logs`);
