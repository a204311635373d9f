// npm run bench (in @par/plugin-finance): median times against issue 16's targets, each beside a reference from the
// same run. Figures, not a test. Imports the package by its name: tsx resolves it to the built dist.
import { runBenchmarks } from '../../../bench.shared.js';
import { configureRules, parseFinanceOptions, settlementDeadlines, SettlementSchema, unitLedgers } from '@par/plugin-finance';
import { syntheticLedger } from './ledger-data.js';

const TRANSACTIONS = 1_000_000;
const data = syntheticLedger(TRANSACTIONS, 10_000, 3_000);
const config = parseFinanceOptions(data);

const PROJECTS = 100_000;
const groups = ['national', 'A', 'B', 'C'] as const;
const settlements = Array.from({ length: PROJECTS }, (_, i) =>
  SettlementSchema.parse({
    projectId: `P${i}`,
    unitId: `u${i % 3000}`,
    name: 'project',
    group: groups[i % 4],
    investmentDecidedOn: i % 10 === 0 ? '2015-06-01' : '2020-06-01',
    handedOverOn: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 31) > 28 ? 28 : 1 + (i % 31)).padStart(2, '0')}`,
    completeFileReceivedOn: '2025-03-31',
    approvalSubmittedOn: '2025-10-31',
  }),
);
const rules = configureRules(config).settlement;

await runBenchmarks([
  {
    name: `reference: ${TRANSACTIONS.toLocaleString('en')} bigint additions into a per-unit map (no cut-offs)`,
    iterations: 10,
    fn: () => {
      const sums = new Map<string, bigint>();
      for (const d of config.disbursements) sums.set(d.unitId, (sums.get(d.unitId) ?? 0n) + d.amount);
      return sums;
    },
  },
  {
    name: `rates of 3,000 units at all 13 cut-offs from ${TRANSACTIONS.toLocaleString('en')} transactions over 10,000 projects`,
    iterations: 10,
    targetMs: 300,
    reference: `reference: ${TRANSACTIONS.toLocaleString('en')} bigint additions into a per-unit map (no cut-offs)`,
    fn: () => unitLedgers(config, 2025),
  },
  {
    name: `reference: ${PROJECTS.toLocaleString('en')} x 3 Date month additions (no rules)`,
    iterations: 10,
    fn: () => {
      let last = 0;
      for (let i = 0; i < PROJECTS * 3; i++) {
        const d = new Date(Date.UTC(2024, i % 12, 15));
        d.setUTCMonth(d.getUTCMonth() + 4);
        last = d.getTime();
      }
      return last;
    },
  },
  {
    name: `every settlement deadline of ${PROJECTS.toLocaleString('en')} projects`,
    iterations: 10,
    targetMs: 200,
    reference: `reference: ${PROJECTS.toLocaleString('en')} x 3 Date month additions (no rules)`,
    fn: () => {
      let n = 0;
      for (const s of settlements) n += settlementDeadlines(s, rules).length;
      return n;
    },
  },
]);
