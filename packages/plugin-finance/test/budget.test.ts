import { describe, expect, it } from 'vitest';
import { findings, rows } from './fixture.js';

describe('FIN-10 Treasury control of payment requests (unconfirmed: an option, minor by default)', () => {
  // Monday 03/03/2025 + 4 working days = Friday 07/03/2025
  const req = (acceptedOn?: string, kind = 'payment') => ({ paymentRequests: [{ id: 'R1', unitId: 'u1', projectId: 'P1', kind, amount: '5000000', submittedOn: '2025-03-03', acceptedOn }] });
  it('accepted on the 4th working day is in time; on the next working day (Monday 10/03) late', async () => {
    expect(rows(await findings(req('2025-03-07'), '2025-03-20'))).toEqual([]);
    expect(rows(await findings(req('2025-03-10'), '2025-03-20'))).toEqual([['FIN-10', 'minor', 'R1', '2025-03-07']]);
    expect(rows(await findings(req(), '2025-03-07'))).toEqual([]);
    expect(rows(await findings(req(), '2025-03-08'))).toEqual([['FIN-10', 'minor', 'R1', '2025-03-07']]);
  });
  it('counts the days the options give, advances apart; NĐ 99/2021 before 26/09/2025, NĐ 254/2025 from it', async () => {
    // 2 working days for an advance: Monday 03/03 -> Wednesday 05/03
    expect(rows(await findings({ ...req('2025-03-06', 'advance'), advanceControlWorkingDays: 2 }, '2025-03-20'))).toEqual([['FIN-10', 'minor', 'R1', '2025-03-05']]);
    const on = (submittedOn: string) => findings({ paymentRequests: [{ id: 'R2', unitId: 'u1', projectId: 'P1', kind: 'payment', amount: '1', submittedOn }] }, '2025-12-01');
    expect((await on('2025-09-25'))[0]!.legalBasis[0]!.document).toBe('NĐ 99/2021/NĐ-CP');
    expect((await on('2025-09-26'))[0]!.legalBasis[0]!.document).toBe('NĐ 254/2025/NĐ-CP');
  });
});

describe('FIN-12..14, FIN-16 the budget settlement chain in working days', () => {
  const b = (over: Record<string, unknown>) => ({ budgetSettlements: [{ unitId: 'c1', budgetYear: 2023, level: 'commune', ...over }] });
  it('old chain: the commune sends to the district within 5 working days of approval (Monday 15/07/2024 -> Monday 22/07)', async () => {
    expect(rows(await findings(b({ approvedOn: '2024-07-15', sentOn: '2024-07-22' }), '2024-08-01', 'c1'))).toEqual([]);
    expect(rows(await findings(b({ approvedOn: '2024-07-15', sentOn: '2024-07-23' }), '2024-08-01', 'c1'))).toEqual([['FIN-12', 'major', '2023/commune', '2024-07-22']]);
    expect(rows(await findings(b({ approvedOn: '2024-07-15' }), '2024-07-22', 'c1'))).toEqual([]);
    expect(rows(await findings(b({ approvedOn: '2024-07-15' }), '2024-07-23', 'c1'))).toEqual([['FIN-12', 'major', '2023/commune', '2024-07-22']]);
  });
  it('the district step ends on 30/06/2025; from 01/07/2025 the commune sends to the province (unconfirmed: minor)', async () => {
    const d = (approvedOn: string) => findings({ budgetSettlements: [{ unitId: 'd1', budgetYear: 2024, level: 'district', approvedOn }] }, '2025-12-01', 'd1');
    expect(rows(await d('2025-06-30'))).toEqual([['FIN-13', 'major', '2024/district', '2025-07-07']]); // Mon 30/06 + 5 wd = Mon 07/07
    expect(rows(await d('2025-07-01'))).toEqual([]); // no district tier
    // Tuesday 15/07/2025 + 5 working days = Tuesday 22/07/2025
    const fs = await findings(b({ budgetYear: 2024, approvedOn: '2025-07-15' }), '2025-07-23', 'c1');
    expect(rows(fs)).toEqual([['FIN-12', 'minor', '2024/commune', '2025-07-22']]);
    expect(fs[0]!.message.en).toContain('due to province');
    // Luật NSNN 89/2025 from 2026: its timetable is not confirmed, so no chain deadline
    expect(rows(await findings(b({ budgetYear: 2025, approvedOn: '2026-07-15' }), '2026-12-01', 'c1'))).toEqual([]);
  });
  it('FIN-14: reports reach HĐND delegates 5 working days before the session (Wednesday 10/07/2024 -> Wednesday 03/07)', async () => {
    expect(rows(await findings(b({ sessionOn: '2024-07-10', delegatesSentOn: '2024-07-03' }), '2024-07-11', 'c1'))).toEqual([]);
    expect(rows(await findings(b({ sessionOn: '2024-07-10', delegatesSentOn: '2024-07-04' }), '2024-07-11', 'c1'))).toEqual([['FIN-14', 'major', '2023/commune', '2024-07-03']]);
  });
  it('FIN-16: the province\'s own deadline, an option (unconfirmed: minor)', async () => {
    const o = { ...b({ sentOn: '2024-05-16' }), provincialDeadlines: [{ budgetYear: 2023, level: 'commune', submitBy: '2024-05-15', document: 'NQ xx/2023/NQ-HĐND (minh hoạ)' }] };
    const fs = await findings(o, '2024-06-01', 'c1');
    expect(rows(fs)).toEqual([['FIN-16', 'minor', '2023/commune/province', '2024-05-15']]);
    expect(fs[0]!.legalBasis[0]).toMatchObject({ document: 'NQ xx/2023/NQ-HĐND (minh hoạ)', verification: 'unconfirmed' });
  });
});

describe('FIN-20..FIN-24 autonomy groups from A and B', () => {
  const plan = (revenue: string, group: number, over: Record<string, unknown> = {}) => ({
    autonomyPlans: [{ serviceUnitId: 's1', unitId: 'u1', planYear: 2023, revenue, spending: '1000000000', investmentSelfFinanced: false, group, approvalDecision: { number: '7/QĐ', date: '2023-02-01' }, stablePeriod: { from: 2023, to: 2025 }, ...over }],
  });
  it('computes the group from the exact rate at each edge and flags a plan that states another', async () => {
    // A/B = 100 % with investment self-financed -> 1; without -> 2; exactly 10 % -> 3; 9.9999999 % -> 4
    expect(rows(await findings(plan('1000000000', 1, { investmentSelfFinanced: true }), '2023-06-01'))).toEqual([]);
    expect(rows(await findings(plan('1000000000', 2), '2023-06-01'))).toEqual([]);
    expect(rows(await findings(plan('999999999', 3), '2023-06-01'))).toEqual([]);
    expect(rows(await findings(plan('100000000', 3), '2023-06-01'))).toEqual([]);
    expect(rows(await findings(plan('99999999', 4), '2023-06-01'))).toEqual([]);
    expect(rows(await findings(plan('1000000000', 1), '2023-06-01'))).toEqual([['FIN-21', 'major', 's1/2023', undefined]]);
    expect(rows(await findings(plan('99999999', 3), '2023-06-01'))).toEqual([['FIN-23', 'major', 's1/2023', undefined]]); // FIN-23 is P
    const fs = await findings(plan('700000000', 2), '2023-06-01');
    expect(rows(fs)).toEqual([['FIN-22', 'major', 's1/2023', undefined]]);
    expect(fs[0]!.message.en).toBe('Unit s1: self-financing rate 70.00% (A 700.000.000 đồng, B 1.000.000.000 đồng) gives group 3 (sub-band 70 to < 100 %); the plan states group 2');
  });
  it('an unapproved plan is a minor finding', async () => {
    expect(rows(await findings(plan('1000000000', 2, { approvalDecision: undefined }), '2023-06-01'))).toEqual([['FIN-21', 'minor', 's1/2023', undefined]]);
  });
  it('NĐ 111/2025 (FIN-24) is a later version from a date you configure, unconfirmed', async () => {
    const o = (planYear: number) => ({ ...plan('1000000000', 1, { planYear }), autonomyAmendmentFrom: '2026-01-01' });
    expect(rows(await findings(o(2025), '2026-06-01'))).toEqual([['FIN-21', 'major', 's1/2025', undefined]]);
    expect(rows(await findings(o(2026), '2026-06-01'))).toEqual([['FIN-24', 'minor', 's1/2026', undefined]]);
  });
});

describe('audit and inspection recommendations (no FIN row: unconfirmed)', () => {
  const rec = (implementedOn?: string) => ({ auditRecommendations: [{ id: 'KT1', unitId: 'u1', issuedBy: 'Kiểm toán Nhà nước', issuedOn: '2022-06-01', dueDate: '2022-12-31', description: 'Thu hồi 50 triệu', amount: '50000000', implementedOn }] });
  it('is reported the day after its due date when not carried out', async () => {
    expect(rows(await findings(rec(), '2022-12-31'))).toEqual([]);
    expect(rows(await findings(rec(), '2023-01-01', 'u1', '2022'))).toEqual([['audit-follow-up', 'minor', 'KT1', '2022-12-31']]);
    expect(rows(await findings(rec('2022-12-31'), '2023-01-01', 'u1', '2022'))).toEqual([]);
  });
});

describe('FIN-13 the province sends the local settlement to the Ministry of Finance (Luật NSNN 2015, to 31/12/2025)', () => {
  const p = (approvedOn: string, sentOn?: string) => findings({ budgetSettlements: [{ unitId: 'p12', budgetYear: 2024, level: 'province', approvedOn, sentOn }] }, '2026-03-01', 'p12');
  it('within 5 working days of the provincial HĐND approval (Wednesday 10/12/2025 -> Wednesday 17/12), none from 2026', async () => {
    expect(rows(await p('2025-12-10', '2025-12-17'))).toEqual([]);
    expect(rows(await p('2025-12-10', '2025-12-18'))).toEqual([['FIN-13', 'major', '2024/province', '2025-12-17']]);
    expect(rows(await p('2026-01-05'))).toEqual([]);
  });
});
