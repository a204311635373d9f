// Figures for the model's hot paths on a province-sized data set (npm run bench).
import type { BenchTask } from '../../../bench.shared.js';
import { benchFramework } from './bench-framework.js';
import { addDays, assignmentsOf, createUnitRegistry, parseDirectiveDocument, parseFramework } from '@par/core';

const DISTRICTS = 100;
const PER_DISTRICT = 100;

function province() {
  const units: Record<string, unknown>[] = [{ id: 'P', code: '01', name: { vi: 'Tỉnh' }, kind: 'province', validFrom: '2000-01-01' }];
  const changes: Record<string, unknown>[] = [];
  for (let d = 0; d < DISTRICTS; d++) {
    units.push({ id: `D${d}`, code: String(100 + d), name: { vi: `Huyện ${d}` }, kind: 'district', parentId: 'P', validFrom: '2000-01-01', validTo: '2025-06-30' });
    for (let c = 0; c < PER_DISTRICT; c += 2) {
      const code = 10_000 + d * PER_DISTRICT + c;
      for (const k of [0, 1]) {
        units.push({ id: `C${code + k}`, code: String(code + k), name: { vi: `Xã ${code + k}` }, kind: 'commune', parentId: `D${d}`, validFrom: '2000-01-01', validTo: '2025-06-30' });
      }
      units.push({ id: `N${code}`, code: String(code), name: { vi: `Xã mới ${code}` }, kind: 'commune', parentId: 'P', validFrom: '2025-07-01' });
      changes.push({ id: `m${code}`, kind: 'merge', date: '2025-07-01', from: [`C${code}`, `C${code + 1}`], into: `N${code}`, legalBasis: [{ document: 'NQ' }] });
    }
  }
  changes.push({ id: 'tier', kind: 'dissolve', date: '2025-07-01', unitIds: Array.from({ length: DISTRICTS }, (_, d) => `D${d}`), successorId: 'P', legalBasis: [{ document: 'Luật 72/2025/QH15' }] });
  return { units: { units }, changes: { changes } };
}

const data = province();
const registry = createUnitRegistry(data.units, data.changes);
const fw150 = benchFramework();
const notice = parseDirectiveDocument({
  id: 'tb',
  kind: 'conclusionNotice',
  issuerId: 'P',
  signer: { name: 'A', title: { vi: 'Chủ tịch' } },
  signedOn: '2025-03-01',
  title: { vi: 'Thông báo' },
  items: [
    {
      label: '(1)',
      summary: { vi: 'Báo cáo hằng quý' },
      lead: [{ by: 'kind', kinds: ['commune'], within: 'P' }],
      due: { kind: 'periodic', schedule: { frequency: 'quarterly', day: 20 }, from: '2025-01-01', until: '2025-12-31' },
    },
  ],
});
let day = 0;

export const tasks: BenchTask[] = [
  { name: `createUnitRegistry: ${DISTRICTS * PER_DISTRICT} communes, ${(DISTRICTS * PER_DISTRICT) / 2} merges`, fn: () => createUnitRegistry(data.units, data.changes), iterations: 5 },
  { name: 'UnitRegistry.at(date), a date not seen before', fn: () => registry.at(addDays('2001-01-01', day++ % 5000)) },
  { name: 'successorsOf x 1,000 communes after the merger', fn: () => { for (let i = 0; i < 1000; i++) registry.successorsOf(`C${10_000 + i}`, '2026-01-01'); } },
  { name: 'assignmentsOf: one quarterly item to 10,000 communes', fn: () => assignmentsOf(notice, { registry }), iterations: 5 },
  { name: 'parseFramework: 150 leaves', fn: () => parseFramework(fw150), iterations: 200 },
];
