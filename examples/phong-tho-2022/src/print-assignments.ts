// Prints the assignments of the Phong Thổ notice per unit with their due dates, and which unit of the
// two-tier model (from 1 July 2025) now answers for each 2022 commune.
import { assignmentsOf, labelText } from '@par/core';
import { loadPhongTho } from './load.js';

const { registry, notice } = loadPhongTho();
const lang = process.argv.includes('--lang=en') ? 'en' : 'vi';
const name = (id: string, date: string) => {
  const v = registry.versionOn(id, date);
  return v ? labelText(v.name, lang) : id;
};

const { assignments, unresolved } = assignmentsOf(notice, { registry });
console.log(`${labelText(notice.title, lang)}\n(${notice.signedOn}, ${notice.items.length} items, ${assignments.length} assignments)\n`);

const byUnit = new Map<string, typeof assignments>();
for (const a of assignments) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
const collator = new Intl.Collator('vi');
const units = [...byUnit.keys()].sort((a, b) => collator.compare(name(a, notice.signedOn), name(b, notice.signedOn)));
for (const unitId of units) {
  console.log(name(unitId, notice.signedOn));
  for (const a of byUnit.get(unitId)!) {
    const dates = a.occurrences.map((o) => (o.kind === 'report' ? `${o.dueDate} (${lang === 'vi' ? 'báo cáo' : 'report'})` : o.dueDate));
    console.log(`  ${a.itemLabel} ${a.role === 'lead' ? (lang === 'vi' ? 'chủ trì' : 'lead') : lang === 'vi' ? 'phối hợp' : 'coordinating'}: ${dates.join(', ')}`);
  }
}
for (const u of unresolved) {
  const what = u.selector.by === 'result' && u.selector.description ? labelText(u.selector.description, lang) : u.selector.by;
  console.log(`\n${u.itemLabel}: ${what}: ${lang === 'vi' ? 'chờ kết quả chỉ số năm 2021 để xác định đơn vị' : 'waits for the 2021 index results to name its units'}`);
}

const after = '2025-07-01';
console.log(`\n${lang === 'vi' ? 'Đơn vị kế thừa từ' : 'Successors from'} ${after}:`);
for (const commune of registry.at(notice.signedOn).descendantsOf('d109').filter((u) => ['commune', 'township'].includes(u.kind))) {
  const successors = registry.successorsOf(commune.id, after);
  const text = successors
    .map((s) => `${name(s.unitId, after)} (${registry.versionOn(s.unitId, after)?.code}; ${s.via.map((c) => c.legalBasis.map((l) => `${l.document} ${l.article ?? ''}`.trim()).join(', ')).join('; ')})`)
    .join(', ');
  console.log(`  ${commune.code} ${labelText(commune.name, lang)} -> ${text}`);
}
