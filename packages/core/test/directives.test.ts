import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  createUnitRegistry,
  expandOccurrences,
  ParValidationError,
  parseDirectiveDocument,
  scheduleDates,
  type DirectiveItem,
} from '../src/index.js';
import { miniChanges, miniUnits } from './fixtures.js';

const item = (over: Record<string, unknown>): DirectiveItem =>
  parseDirectiveDocument(doc([{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' }, ...over }])).items[0]!;

function doc(items: Record<string, unknown>[], over: Record<string, unknown> = {}) {
  return {
    id: 'tb1',
    kind: 'conclusionNotice',
    issuerId: 'P',
    signer: { name: 'Nguyễn Văn A', title: { vi: 'Chủ tịch' }, authority: 'TM' },
    signedOn: '2022-09-07',
    title: { vi: 'Thông báo kết luận' },
    items,
    ...over,
  };
}

const codes = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (ParValidationError.isInstance(e)) return e.issues.map((i) => [i.path, i.code]);
    throw e;
  }
  return [];
};

describe('due rules', () => {
  it('puts "the 20th of the last month of each quarter" on 20 March, June, September and December', () => {
    expect(scheduleDates({ frequency: 'quarterly', monthOfPeriod: 'last', day: 20 }, '2022-01-01', '2022-12-31')).toEqual([
      { date: '2022-03-20', period: '2022-Q1' },
      { date: '2022-06-20', period: '2022-Q2' },
      { date: '2022-09-20', period: '2022-Q3' },
      { date: '2022-12-20', period: '2022-Q4' },
    ]);
  });

  it('clamps a monthly day 31 to short months, and honours the range edges', () => {
    expect(scheduleDates({ frequency: 'monthly', monthOfPeriod: 'last', day: 31 }, '2024-01-31', '2024-04-29').map((d) => d.date)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ]);
  });

  it('handles half-yearly, yearly and first-month schedules', () => {
    expect(scheduleDates({ frequency: 'halfYearly', monthOfPeriod: 'last', day: 'last' }, '2022-01-01', '2023-06-30')).toEqual([
      { date: '2022-06-30', period: '2022-H1' },
      { date: '2022-12-31', period: '2022-H2' },
      { date: '2023-06-30', period: '2023-H1' },
    ]);
    expect(scheduleDates({ frequency: 'yearly', monthOfPeriod: 1, day: 10 }, '2022-01-11', '2024-01-10').map((d) => d.date)).toEqual([
      '2023-01-10',
      '2024-01-10',
    ]);
    expect(scheduleDates({ frequency: 'quarterly', monthOfPeriod: 1, day: 5 }, '2022-01-01', '2022-06-30').map((d) => d.date)).toEqual([
      '2022-01-05',
      '2022-04-05',
    ]);
  });

  it('expands a fixed date and a period end into one deadline, inside the range only', () => {
    expect(expandOccurrences(item({ due: { kind: 'date', date: '2022-10-15' } }), '2022-09-07', '2022-12-31')).toEqual([
      { dueDate: '2022-10-15', kind: 'deadline' },
    ]);
    expect(expandOccurrences(item({ due: { kind: 'date', date: '2023-01-02' } }), '2022-09-07', '2022-12-31')).toEqual([]);
    expect(expandOccurrences(item({ due: { kind: 'periodEnd', period: '2022-H2' } }), '2022-09-07', '2022-12-31')).toEqual([
      { dueDate: '2022-12-31', kind: 'deadline', period: '2022-H2' },
    ]);
    expect(expandOccurrences(item({ due: { kind: 'periodEnd', period: '2024-02' } }), '2024-01-01', '2024-12-31')[0]!.dueDate).toBe('2024-02-29');
  });

  it('expands recurring deadlines within both the rule and the range', () => {
    const rule = { kind: 'recurring', schedule: { frequency: 'monthly', day: 15 }, from: '2022-10-01', until: '2023-03-31' };
    expect(expandOccurrences(item({ due: rule }), '2022-09-07', '2022-12-31').map((o) => [o.dueDate, o.period])).toEqual([
      ['2022-10-15', '2022-10'],
      ['2022-11-15', '2022-11'],
      ['2022-12-15', '2022-12'],
    ]);
  });

  it('turns a continuous duty into its reports, and stops reports at the deadline', () => {
    const continuous = { kind: 'continuous', reports: { frequency: 'quarterly', day: 20 }, from: '2022-09-07' };
    expect(expandOccurrences(item({ due: continuous }), '2022-09-07', '2023-06-30').map((o) => `${o.kind} ${o.dueDate}`)).toEqual([
      'report 2022-09-20',
      'report 2022-12-20',
      'report 2023-03-20',
      'report 2023-06-20',
    ]);
    const withReports = item({
      due: { kind: 'date', date: '2022-11-30' },
      reporting: { schedule: { frequency: 'monthly', day: 25 }, recipientIds: ['P'] },
    });
    expect(expandOccurrences(withReports, '2022-09-07', '2022-12-31').map((o) => `${o.kind} ${o.dueDate}`)).toEqual([
      'report 2022-09-25',
      'report 2022-10-25',
      'report 2022-11-25',
      'deadline 2022-11-30',
    ]);
  });
});

describe('directive documents', () => {
  it('rejects bad documents naming every problem', () => {
    const bad = doc(
      [
        { label: '(1)', summary: { vi: 's' }, lead: [], due: { kind: 'periodEnd', period: '2022-Q5' } },
        { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'recurring', schedule: { frequency: 'monthly' }, from: '2023-01-01', until: '2022-01-01' } },
        { label: '(3)', summary: { vi: 's' }, lead: [{ by: 'result' }], due: { kind: 'date', date: '2022-13-01' } },
      ],
      { signedOn: 'yesterday' },
    );
    expect(codes(() => parseDirectiveDocument(bad))).toEqual([
      [['signedOn'], 'schema.invalid_format'],
      [['items', 0, 'lead'], 'schema.too_small'],
      [['items', 0, 'due', 'period'], 'schema.invalid_format'],
      [['items', 2, 'lead', 0], 'schema.custom'],
      [['items', 2, 'due', 'date'], 'schema.invalid_format'],
    ]);
    const fixable = doc([
      { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' } },
      { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'recurring', schedule: { frequency: 'monthly' }, from: '2023-01-01', until: '2022-01-01' } },
    ], { kind: 'memo' });
    expect(codes(() => parseDirectiveDocument(fixable))).toEqual([
      [['kind'], 'unknown_kind'],
      [['items', 1, 'label'], 'duplicate_label'],
      [['items', 1, 'due', 'until'], 'invalid_interval'],
    ]);
    expect(parseDirectiveDocument({ ...fixable, kind: 'memo', kinds: [{ id: 'memo', name: { vi: 'Bản ghi nhớ' } }], items: fixable.items.slice(0, 1) }).kind).toBe('memo');
  });
});

describe('assignments', () => {
  const registry = createUnitRegistry(miniUnits(), miniChanges());

  it('fans items out per unit and role, resolving kind selectors on the signing date', () => {
    const d = parseDirectiveDocument(
      doc([
        {
          label: '(2)',
          summary: { vi: 's' },
          lead: [{ by: 'unit', unitId: 'D1' }],
          coordinating: [{ by: 'kind', kinds: ['commune'], within: 'P' }, { by: 'unit', unitId: 'D1' }],
          due: { kind: 'periodEnd', period: '2022' },
          reporting: { schedule: { frequency: 'quarterly', day: 15 }, recipientIds: ['P'] },
        },
      ]),
    );
    const { assignments, unresolved } = assignmentsOf(d, { registry });
    expect(unresolved).toEqual([]);
    expect(assignments.map((a) => [a.id, a.occurrences.map((o) => o.dueDate)])).toEqual([
      ['tb1/(2)/D1/lead', ['2022-09-15', '2022-12-15', '2022-12-31']],
      ['tb1/(2)/A/coordinating', ['2022-12-31']],
      ['tb1/(2)/B/coordinating', ['2022-12-31']],
      ['tb1/(2)/C/coordinating', ['2022-12-31']],
    ]);
    expect(assignments[1]!.occurrences[0]!.answeredBy).toEqual([{ unitId: 'A', via: [] }]);
  });

  it('hands an occurrence due after a merger to the successor, and says so', () => {
    const d = parseDirectiveDocument(
      doc([{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'recurring', schedule: { frequency: 'halfYearly', day: 'last' }, from: '2025-01-01', until: '2025-12-31' } }], {
        signedOn: '2024-12-20',
      }),
    );
    const [a] = assignmentsOf(d, { registry }).assignments;
    expect(a!.occurrences.map((o) => [o.dueDate, o.answeredBy.map((s) => [s.unitId, s.via.map((c) => c.id)])])).toEqual([
      ['2025-06-30', [['A', []]]],
      ['2025-12-31', [['AB', ['m1']]]],
    ]);
  });

  it('picks units from results by band and by bottom rank, ties included, once results exist', () => {
    const d = parseDirectiveDocument(
      doc([
        { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'result', bands: ['weak'] }], due: { kind: 'periodEnd', period: '2022' } },
        { label: '(2)', summary: { vi: 's' }, lead: [{ by: 'result', bottom: 2, within: 'D1' }], due: { kind: 'periodEnd', period: '2022' } },
        { label: '(3)', summary: { vi: 's' }, lead: [{ by: 'result', bottom: 2 }], due: { kind: 'periodEnd', period: '2022' } },
      ]),
    );
    expect(assignmentsOf(d, { registry }).unresolved.map((u) => [u.itemLabel, u.reason])).toEqual([
      ['(1)', 'resultsRequired'],
      ['(2)', 'resultsRequired'],
      ['(3)', 'resultsRequired'],
    ]);
    const results = [
      { unitId: 'A', rank: 1, band: 'good' },
      { unitId: 'B', rank: 2, band: 'weak' },
      { unitId: 'C', rank: 2, band: 'fair' },
    ];
    const got = assignmentsOf(d, { registry, results }).assignments.map((a) => `${a.itemLabel} ${a.unitId}`);
    // (2): within D1 only A and B; (3): the two lowest are B and C, tied at rank 2, and A is above them
    expect(got).toEqual(['(1) B', '(2) A', '(2) B', '(3) B', '(3) C']);
  });

  it('rejects a document naming units the registry does not know', () => {
    const d = parseDirectiveDocument(
      doc(
        [{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'ZZ' }], coordinating: [{ by: 'kind', kinds: ['commune'], within: 'QQ' }], due: { kind: 'periodEnd', period: '2022' } }],
        { issuerId: 'NOPE' },
      ),
    );
    expect(codes(() => assignmentsOf(d, { registry }))).toEqual([
      [['issuerId'], 'unknown_unit'],
      [['items', 0, 'lead', 0, 'unitId'], 'unknown_unit'],
      [['items', 0, 'coordinating', 0, 'within'], 'unknown_unit'],
    ]);
  });
});
