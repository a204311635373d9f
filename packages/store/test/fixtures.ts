import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLifecycle, type AssignmentInput, type LogEntry } from '@par/lifecycle';
import type { ParStore, StoreActor, WorkspaceDocuments } from '../src/index.js';

/**
 * A small unit tree: province p1; district d1 (with its Home Affairs office nv1, tagged `home-affairs`) and
 * communes c1, c2; district d2 with commune c3.
 */
export const UNITS = {
  units: [
    { id: 'p1', name: { vi: 'Tỉnh Một' }, kind: 'province', validFrom: '2020-01-01' },
    { id: 'd1', name: { vi: 'Huyện Một' }, kind: 'district', parentId: 'p1', validFrom: '2020-01-01' },
    { id: 'nv1', name: { vi: 'Phòng Nội vụ huyện Một' }, kind: 'districtDepartment', parentId: 'd1', validFrom: '2020-01-01', tags: ['home-affairs'] },
    { id: 'c1', name: { vi: 'Xã Một' }, kind: 'commune', parentId: 'd1', validFrom: '2020-01-01' },
    { id: 'c2', name: { vi: 'Xã Hai' }, kind: 'commune', parentId: 'd1', validFrom: '2020-01-01' },
    { id: 'd2', name: { vi: 'Huyện Hai' }, kind: 'district', parentId: 'p1', validFrom: '2020-01-01' },
    { id: 'c3', name: { vi: 'Xã Ba' }, kind: 'commune', parentId: 'd2', validFrom: '2020-01-01' },
  ],
};

/** The example workspace of the repository (examples/phong-tho-2022), as documents. */
export function exampleDocuments(): WorkspaceDocuments {
  const dir = fileURLToPath(new URL('../../../examples/phong-tho-2022/', import.meta.url));
  const read = (f: string): unknown => JSON.parse(readFileSync(`${dir}${f}`, 'utf8'));
  const config = read('par.config.json') as { units: string; unitChanges: string; frameworks: string[]; derivations: { base: string; file: string }[]; assessments: string[]; directives: string[]; lifecycleLogs: string[]; plugins: { package: string; options: string }[] };
  const id = (f: string) => (read(f) as { id: string }).id;
  return {
    units: read(config.units),
    unitChanges: read(config.unitChanges),
    frameworks: config.frameworks.map(read),
    derivations: config.derivations.map((d) => ({ base: id(d.base), doc: read(d.file) })),
    assessments: config.assessments.flatMap((f) => read(f) as unknown[]),
    directives: config.directives.map(read),
    lifecycleLogs: config.lifecycleLogs.flatMap((f) => read(f) as { input: unknown; entries: unknown[] }[]),
    plugins: config.plugins.map((p) => ({ package: p.package, options: read(p.options) })),
  };
}

export const NOW = new Date('2025-03-03T09:00:00+07:00');
export const ADMIN: StoreActor = { unitId: 'p1', role: 'admin', person: 'Quản trị' };
export const officer = (unitId: string, person?: string): StoreActor => ({ unitId, role: 'officer', ...(person ? { person } : {}) });
export const leader = (unitId: string): StoreActor => ({ unitId, role: 'leader' });

/** Imports the small unit tree once into an empty store. */
export async function seedUnits(store: ParStore): Promise<void> {
  const existing = await store.db.selectFrom('units').select('id').limit(1).execute();
  if (existing.length === 0) await store.session(ADMIN, NOW).importWorkspace({ units: UNITS, frameworks: [], derivations: [], assessments: [], directives: [], lifecycleLogs: [], plugins: [] });
}

let counter = 0;
/** A new assignment of `unitId`, issued by d1, with a valid log of three events by the unit. */
export function assignment(unitId = 'c1'): { input: AssignmentInput; log: LogEntry[] } {
  const input: AssignmentInput = { id: `tb/(${++counter})/${unitId}#2025-03-31`, documentId: 'tb', itemLabel: `(${counter})`, unitId, role: 'lead', issuerId: 'd1', delegates: [], nominalDueDate: '2025-03-31', dueDate: '2025-03-31' };
  const lc = createLifecycle();
  let s = lc.start(input);
  const log: LogEntry[] = [];
  for (const e of [
    { type: 'ACKNOWLEDGE', by: { unitId }, at: '2025-03-03T09:00:00+07:00' },
    { type: 'START', by: { unitId, person: 'Lò Văn A' }, at: '2025-03-04T09:00:00+07:00' },
    { type: 'REPORT', by: { unitId }, at: '2025-03-05T16:30:00+07:00', content: 'Báo cáo số 12/BC-UBND', attachments: [{ title: 'Báo cáo', sha256: 'ab' }] },
  ]) {
    const r = lc.send(s, e);
    if (!r.accepted) throw new Error(`${e.type} refused: ${r.refusal.code}`);
    s = r.state;
    log.push(r.entry);
  }
  return { input, log };
}
