import { describe, expect, it } from 'vitest';
import { allocation, findings, pay, rows } from './fixture.js';

describe('FIN-01 the disbursement window of a year\'s plan, by regime', () => {
  // 1.000.000.000 allocated for 2024; 900.000.000 paid by 31/01/2025: 100.000.000 lapses
  const options = { allocations: [allocation()], disbursements: [pay('2024-06-10', '600000000'), pay('2025-01-31', '300000000')] };

  it('reports the undisbursed capital the day after 31/01 of the next year, under the 2019 law for plan year 2024', async () => {
    expect(rows(await findings(options, '2025-01-30', 'u1', '2024'), 'FIN-01')).toEqual([]);
    expect(rows(await findings(options, '2025-01-31', 'u1', '2024'), 'FIN-01')).toEqual([]);
    const after = await findings(options, '2025-02-01', 'u1', '2024');
    expect(rows(after, 'FIN-01')).toEqual([['FIN-01', 'major', '2024/P1', '2025-01-31']]);
    const f = after.find((x) => x.ruleId === 'FIN-01')!;
    expect(f.message.en).toContain('100.000.000 đồng');
    expect(f.legalBasis[0]).toMatchObject({ document: 'Luật Đầu tư công 2019 (39/2019/QH14)', verification: 'confirmed', effectiveTo: '2024-12-31' });
  });

  it('uses the 2024 law from plan year 2025, and flags payments after the window', async () => {
    const y25 = { allocations: [allocation({ planYear: 2025 })], disbursements: [pay('2025-03-01', '1000000000', { planYear: 2025 })] };
    expect(rows(await findings(y25, '2026-02-01', 'u1', '2025'), 'FIN-01')).toEqual([]);
    const lateAlloc = { allocations: [allocation({ planYear: 2025 })], disbursements: [pay('2026-02-01', '1000000000', { planYear: 2025 })] };
    const fs = await findings(lateAlloc, '2026-02-02', 'u1', '2025');
    expect(rows(fs, 'FIN-01')).toEqual([
      ['FIN-01', 'major', '2025/P1', '2026-01-31'], // the whole 1.000.000.000 unspent in the window
      ['FIN-01', 'major', '2025/P1/afterWindow', '2026-01-31'], // and 1.000.000.000 paid after it
    ]);
    expect(fs[0]!.legalBasis[0]).toMatchObject({ document: 'Luật Đầu tư công 2024 (58/2024/QH15)', effectiveFrom: '2025-01-01' });
  });
});

describe('FIN-02 capital added after 30/09 (2024 law)', () => {
  const sup = (date: string) => ({ id: 'S1', unitId: 'u1', planYear: 2025, capitalSource: 'local', budgetLevel: 'district', projectId: 'P1', amount: '400000000', denominator: 'locality', decision: { number: '99/QĐ', date } });
  const base = (date: string) => ({
    allocations: [allocation({ planYear: 2025, amount: '600000000' })],
    supplements: [sup(date)],
    // 600.000.000 by 31/01/2026, then 300.000.000 in 2026
    disbursements: [pay('2025-12-01', '600000000', { planYear: 2025 }), pay('2026-06-01', '300000000', { planYear: 2025 })],
  });

  it('added on 01/10: its own window to 31/12 of the next year; 100.000.000 of it lapses on 01/01/2027', async () => {
    expect(rows(await findings(base('2025-10-01'), '2026-12-31', 'u1', '2025'), 'FIN-02')).toEqual([]);
    expect(rows(await findings(base('2025-10-01'), '2026-12-31', 'u1', '2025'), 'FIN-01')).toEqual([]);
    const fs = await findings(base('2025-10-01'), '2027-01-01', 'u1', '2025');
    expect(rows(fs, 'FIN-02')).toEqual([['FIN-02', 'major', '2025/P1/addedAfter30-09', '2026-12-31']]);
    expect(fs.find((f) => f.ruleId === 'FIN-02')!.message.en).toContain('100.000.000 đồng');
  });

  it('added on 30/09: the ordinary window; 400.000.000 lapses on 01/02/2026 and the 2026 payment is late', async () => {
    const fs = await findings(base('2025-09-30'), '2026-02-01', 'u1', '2025');
    expect(rows(fs, 'FIN-02')).toEqual([]);
    const amounts = (xs: typeof fs) => xs.filter((f) => f.ruleId === 'FIN-01').map((f) => f.message.en.match(/[\d.]+ đồng/)![0]);
    expect(amounts(fs)).toEqual(['400.000.000 đồng']);
    expect(amounts(await findings(base('2025-09-30'), '2026-06-02', 'u1', '2025'))).toEqual(['400.000.000 đồng', '300.000.000 đồng']);
  });

  it('under the 2019 law (plan year 2024) a supplement on 01/10 has no window of its own', async () => {
    const y24 = {
      allocations: [allocation({ amount: '600000000' })],
      supplements: [{ ...sup('2024-10-01'), planYear: 2024 }],
      disbursements: [pay('2024-12-01', '600000000')],
    };
    expect(rows(await findings(y24, '2025-02-01', 'u1', '2024'), 'FIN-01')).toEqual([['FIN-01', 'major', '2024/P1', '2025-01-31']]);
  });
});

describe('FIN-03 extensions', () => {
  const ext = (over: Record<string, unknown>) => ({ id: 'E1', unitId: 'u1', planYear: 2024, projectId: 'P1', decidedBy: 'provincialPeoplesCouncil', category: 'forceMajeure', newEnd: '2025-12-31', decision: { number: '12/NQ-HĐND', date: '2025-01-20' }, ...over });
  const options = (e: Record<string, unknown>, planYear = 2024, alloc: Record<string, unknown> = {}) => ({
    allocations: [allocation({ planYear, ...alloc })],
    extensions: [ext({ planYear, ...e })],
    disbursements: [pay(`${planYear}-06-01`, '900000000', { planYear }), pay(`${planYear + 1}-11-01`, '100000000', { planYear })],
  });

  it('old regime: the provincial HĐND extends to 31/12 of the next year at the latest', async () => {
    expect(rows(await findings(options({}), '2026-01-01', 'u1', '2024'))).toEqual([]); // 1.000.000.000 paid by 01/11/2025, within the extension
    expect(rows(await findings(options({ newEnd: '2026-01-01' }), '2025-02-01', 'u1', '2024'), 'FIN-03')).toEqual([['FIN-03', 'major', 'E1', undefined]]);
    expect(rows(await findings(options({ decidedBy: 'peoplesCommitteeChair' }), '2025-02-01', 'u1', '2024'), 'FIN-03')).toEqual([['FIN-03', 'major', 'E1', undefined]]);
    // an invalid extension does not move the window: 100.000.000 lapses after 31/01/2025 and is then paid late
    expect(rows(await findings(options({ decidedBy: 'peoplesCommitteeChair' }), '2026-01-01', 'u1', '2024'), 'FIN-01')).toEqual([
      ['FIN-01', 'major', '2024/P1', '2025-01-31'],
      ['FIN-01', 'major', '2024/P1/afterWindow', '2025-01-31'],
    ]);
  });

  it('2024 law: the chair of the capital\'s own level for local capital, the Prime Minister for central; the eligible list is unconfirmed (minor)', async () => {
    const chair = { decidedBy: 'peoplesCommitteeChair', level: 'district', newEnd: '2026-12-31' };
    expect(rows(await findings(options(chair, 2025), '2027-01-01', 'u1', '2025')).filter((r) => r[0] !== 'FIN-05')).toEqual([]); // 90 % by 31/01/2026 is short of 100 %: FIN-05
    expect(rows(await findings(options({ ...chair, level: 'province' }, 2025), '2026-02-01', 'u1', '2025'), 'FIN-03')).toEqual([['FIN-03', 'major', 'E1', undefined]]);
    expect(rows(await findings(options({ decidedBy: 'primeMinister' }, 2025, { capitalSource: 'central', budgetLevel: undefined }), '2026-02-01', 'u1', '2025'), 'FIN-03')).toEqual([]);
    const narrow = { ...options({ ...chair, category: 'overseasMission' }, 2025), extensionCategories2024: ['forceMajeure'] };
    const fs = await findings(narrow, '2026-02-01', 'u1', '2025');
    expect(rows(fs, 'FIN-03')).toEqual([['FIN-03', 'minor', 'E1', undefined]]);
    expect(fs[0]!.legalBasis[0]!.verification).toBe('unconfirmed');
  });
});

describe('FIN-04/05 the rate against the year\'s targets, both denominators stated', () => {
  const pm = allocation({ id: 'A2', projectId: 'P2', capitalSource: 'central', budgetLevel: undefined, denominator: 'primeMinister', amount: '800000000' });
  const options = (paid: string) => ({ allocations: [allocation({ planYear: 2025 }), { ...pm, planYear: 2025 }], disbursements: [pay('2025-12-15', paid, { planYear: 2025 })] });

  it('2025: 100 % by 31/01/2026 (confirmed); 999.999.999 of 1.000.000.000 falls short, judged once 31/01 is over', async () => {
    expect(rows(await findings(options('999999999'), '2026-01-31', 'u1', '2025'), 'FIN-05')).toEqual([]);
    const fs = await findings(options('999999999'), '2026-02-01', 'u1', '2025');
    expect(rows(fs, 'FIN-05')).toEqual([['FIN-05', 'major', '2025@2026-01-31', '2026-01-31']]);
    const f = fs.find((x) => x.ruleId === 'FIN-05')!;
    // 999,999,999 / 1,000,000,000 = 99.9999999 % -> 100.00 printed (half up), still short of 100 exactly
    expect(f.message.en).toBe("By 2026-01-31 100.00% of the locality's plan was disbursed (999.999.999 đồng of 1.000.000.000 đồng); 0.00% of the Prime Minister's plan; the target is 100.00%");
    expect(f.legalBasis.map((b) => b.document)).toEqual(['Government resolutions and Prime Minister directives of 2025', 'Reporting practice (KBNN disbursement report)', 'Luật NSNN 2015 (83/2015/QH13)']);
    expect(rows(await findings(options('1000000000'), '2026-02-01', 'u1', '2025'), 'FIN-05')).toEqual([]);
  });

  it('configured intermediate targets are unconfirmed unless tagged: minor by default', async () => {
    const o = { ...options('499999999'), targets: [{ planYear: 2025, cutOff: '2025-12-31', percent: '50', document: 'Chỉ thị (minh hoạ)' }] };
    expect(rows(await findings(o, '2026-01-01', 'u1', '2025'), 'FIN-05')).toEqual([['FIN-05', 'minor', '2025@2025-12-31', '2025-12-31']]);
    const sure = { ...o, targets: [{ ...o.targets[0]!, verification: 'confirmed' }] };
    expect(rows(await findings(sure, '2026-01-01', 'u1', '2025'), 'FIN-05')).toEqual([['FIN-05', 'major', '2025@2025-12-31', '2025-12-31']]);
  });
});

describe('FIN-06 detailed allocation by the year\'s cut-off (31/03 in 2022)', () => {
  const options = (detailedOn?: string) => ({ allocations: [allocation({ planYear: 2022, detailedOn })] });
  it('on 31/03 is in time, 01/04 is late; judged from 01/04', async () => {
    expect(rows(await findings(options('2022-03-31'), '2022-04-01'), 'FIN-06')).toEqual([]);
    expect(rows(await findings(options('2022-04-01'), '2022-03-31'), 'FIN-06')).toEqual([]);
    expect(rows(await findings(options('2022-04-01'), '2022-04-01'), 'FIN-06')).toEqual([['FIN-06', 'major', 'A1', '2022-03-31']]);
    expect(rows(await findings(options(undefined), '2022-04-01'), 'FIN-06')).toEqual([['FIN-06', 'major', 'A1', '2022-03-31']]);
    expect(rows(await findings({ allocations: [allocation({ planYear: 2023, detailedOn: undefined })] }, '2023-12-01'), 'FIN-06')).toEqual([]); // no 2023 cut-off known
  });
});

describe('FIN-07 slow projects (unconfirmed: an option)', () => {
  const options = (paid: string, adjusted = false) => ({
    allocations: [allocation({ planYear: 2022 }), allocation({ id: 'A2', planYear: 2022, projectId: 'P2' })],
    disbursements: [pay('2022-06-30', paid, { planYear: 2022 }), pay('2022-05-01', '500000000', { planYear: 2022, projectId: 'P2' })],
    adjustments: adjusted ? [{ id: 'D1', unitId: 'u1', planYear: 2022, fromProjectId: 'P1', toProjectId: 'P2', amount: '200000000', decision: { number: '5/QĐ', date: '2022-07-15' } }] : [],
    slowProjects: { reviewOn: ['06-30'], belowPercent: '30' },
  });
  it('flags a project under 30 % at 30/06 until capital is moved away from it', async () => {
    expect(rows(await findings(options('300000000'), '2022-07-01'), 'FIN-07')).toEqual([]); // exactly 30 %
    expect(rows(await findings(options('299999999'), '2022-07-01'), 'FIN-07')).toEqual([['FIN-07', 'minor', '2022/P1@2022-06-30', undefined]]);
    expect(rows(await findings(options('299999999', true), '2022-07-16'), 'FIN-07')).toEqual([]);
    expect(rows(await findings({ ...options('299999999'), unconfirmedRules: 'enforced' }, '2022-07-01'), 'FIN-07')).toEqual([['FIN-07', 'major', '2022/P1@2022-06-30', undefined]]);
  });
});

describe('FIN-04 the Treasury\'s cut-off figures against the records', () => {
  const snap = (disbursed: string) => ({
    allocations: [allocation()],
    disbursements: [pay('2024-03-10', '250000000'), pay('2024-04-02', '100000000')],
    snapshots: [{ unitId: 'u1', planYear: 2024, cutOff: '2024-03-31', denominator: 'locality', planAmount: '1000000000', disbursed, source: 'KBNN Phong Thổ, báo cáo tháng 3' }],
  });
  it('agrees at 250.000.000 by 31/03 (the April payment is later); a different figure is a minor finding once the cut-off is over', async () => {
    expect(rows(await findings(snap('250000000'), '2024-04-05'), 'FIN-04')).toEqual([]);
    expect(rows(await findings(snap('350000000'), '2024-03-31'), 'FIN-04')).toEqual([]);
    const fs = await findings(snap('350000000'), '2024-04-01');
    expect(rows(fs, 'FIN-04')).toEqual([['FIN-04', 'minor', '2024@2024-03-31/locality', undefined]]);
    expect(fs[0]!.message.en).toBe('By 2024-03-31 the Treasury reports 350.000.000 đồng of a 1.000.000.000 đồng plan (KBNN Phong Thổ, báo cáo tháng 3); the records hold 250.000.000 đồng of 1.000.000.000 đồng');
  });
});
