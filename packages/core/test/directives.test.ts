import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  createUnitRegistry,
  dueRuleEnd,
  expandOccurrences,
  ParValidationError,
  parseDirectiveDocument,
  scheduleDates,
  whoAnswers,
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
    signer: { name: 'Nguyễn Văn A', title: { vi: 'Chủ tịch' }, authorities: [{ kind: 'TM', onBehalfOf: { vi: 'Ủy ban nhân dân' } }] },
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
      { date: '2022-03-20', statedDate: '2022-03-20', period: '2022-Q1' },
      { date: '2022-06-20', statedDate: '2022-06-20', period: '2022-Q2' },
      { date: '2022-09-20', statedDate: '2022-09-20', period: '2022-Q3' },
      { date: '2022-12-20', statedDate: '2022-12-20', period: '2022-Q4' },
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
    expect(scheduleDates({ frequency: 'halfYearly', monthOfPeriod: 'last', day: 'last' }, '2022-01-01', '2023-06-30').map((d) => [d.date, d.period])).toEqual([
      ['2022-06-30', '2022-H1'],
      ['2022-12-31', '2022-H2'],
      ['2023-06-30', '2023-H1'],
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
      { dueDate: '2022-10-15', statedDate: '2022-10-15', bound: 'noLaterThan', kind: 'deadline', period: '2022' },
    ]);
    expect(expandOccurrences(item({ due: { kind: 'date', date: '2023-01-02' } }), '2022-09-07', '2022-12-31')).toEqual([]);
    expect(expandOccurrences(item({ due: { kind: 'periodEnd', period: '2022-H2' } }), '2022-09-07', '2022-12-31')).toEqual([
      { dueDate: '2022-12-31', statedDate: '2022-12-31', bound: 'noLaterThan', kind: 'deadline', period: '2022-H2' },
    ]);
    expect(expandOccurrences(item({ due: { kind: 'periodEnd', period: '2024-02' } }), '2024-01-01', '2024-12-31')[0]!.dueDate).toBe('2024-02-29');
  });

  it('expands periodic deadlines within both the rule and the range', () => {
    const rule = { kind: 'periodic', schedule: { frequency: 'monthly', day: 15 }, from: '2022-10-01', until: '2023-03-31' };
    expect(expandOccurrences(item({ due: rule }), '2022-09-07', '2022-12-31').map((o) => [o.dueDate, o.period])).toEqual([
      ['2022-10-15', '2022-10'],
      ['2022-11-15', '2022-11'],
      ['2022-12-15', '2022-12'],
    ]);
  });

  it('turns a standing (recurring) duty into its reports, and stops reports at the deadline', () => {
    const standing = { due: { kind: 'recurring', from: '2022-09-07' }, reports: [{ frequency: 'quarterly', day: 20, recipientIds: ['P'] }] };
    expect(expandOccurrences(item(standing), '2022-09-07', '2023-06-30').map((o) => `${o.kind} ${o.dueDate}`)).toEqual([
      'report 2022-09-20',
      'report 2022-12-20',
      'report 2023-03-20',
      'report 2023-06-20',
    ]);
    const withReports = item({
      due: { kind: 'date', date: '2022-11-30' },
      reports: [{ frequency: 'monthly', day: 25, recipientIds: ['P'] }],
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
        { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodic', schedule: { frequency: 'monthly' }, from: '2023-01-01', until: '2022-01-01' } },
        { label: '(3)', summary: { vi: 's' }, lead: [{ by: 'result' }], due: { kind: 'date', date: '2022-13-01' } },
      ],
      { signedOn: 'yesterday' },
    );
    // one problem per path: a date schema may add a range problem to a malformed date (the first one is the cause)
    const firstPerPath = (list: unknown[][]) => list.filter((x, k) => list.findIndex((y) => JSON.stringify(y[0]) === JSON.stringify(x[0])) === k);
    expect(firstPerPath(codes(() => parseDirectiveDocument(bad)))).toEqual([
      [['signedOn'], 'schema.invalid_format'],
      [['items', 0, 'lead'], 'schema.too_small'],
      [['items', 0, 'due', 'period'], 'schema.invalid_format'],
      [['items', 2, 'lead', 0], 'schema.custom'],
      [['items', 2, 'due', 'date'], 'schema.invalid_format'],
    ]);
    const fixable = doc([
      { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' } },
      { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodic', schedule: { frequency: 'monthly' }, from: '2023-01-01', until: '2022-01-01' } },
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
          reports: [{ frequency: 'quarterly', day: 15, recipientIds: ['P'] }],
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
      doc([{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodic', schedule: { frequency: 'halfYearly', day: 'last' }, from: '2025-01-01', until: '2025-12-31' } }], {
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

describe('due bounds: "no later than X" and "before X"', () => {
  it('keeps X itself on time for noLaterThan, and makes the day before X the last day for before', () => {
    // "chậm nhất ngày 15/10/2022": 15/10 is on time; "trước ngày 15/10/2022": 14/10 is the last day on time
    expect(expandOccurrences(item({ due: { kind: 'date', date: '2022-10-15', bound: 'noLaterThan' } }), '2022-09-07', '2022-12-31')[0]).toMatchObject({ dueDate: '2022-10-15', statedDate: '2022-10-15', bound: 'noLaterThan' });
    expect(expandOccurrences(item({ due: { kind: 'date', date: '2022-10-15', bound: 'before' } }), '2022-09-07', '2022-12-31')[0]).toMatchObject({ dueDate: '2022-10-14', statedDate: '2022-10-15', bound: 'before' });
  });

  it('attributes "before 1 January 2023" to 2022 and "no later than 1 January 2023" to 2023', () => {
    const before = expandOccurrences(item({ due: { kind: 'date', date: '2023-01-01', bound: 'before' } }), '2022-09-07', '2023-12-31');
    const noLater = expandOccurrences(item({ due: { kind: 'date', date: '2023-01-01' } }), '2022-09-07', '2023-12-31');
    expect(before.map((o) => [o.dueDate, o.period])).toEqual([['2022-12-31', '2022']]);
    expect(noLater.map((o) => [o.dueDate, o.period])).toEqual([['2023-01-01', '2023']]);
    expect(dueRuleEnd({ kind: 'date', date: '2023-01-01', bound: 'before' })).toBe('2022-12-31');
  });

  it('applies the bound to a schedule: "before the 15th of each month" is due on the 14th', () => {
    expect(scheduleDates({ frequency: 'monthly', day: 15, bound: 'before' }, '2022-10-01', '2022-12-31').map((d) => [d.date, d.statedDate, d.period])).toEqual([
      ['2022-10-14', '2022-10-15', '2022-10'],
      ['2022-11-14', '2022-11-15', '2022-11'],
      ['2022-12-14', '2022-12-15', '2022-12'],
    ]);
    // "before 1 March" in a leap year: the last day is 29 February 2024
    expect(scheduleDates({ frequency: 'yearly', monthOfPeriod: 3, day: 1, bound: 'before' }, '2024-01-01', '2024-12-31').map((d) => d.date)).toEqual(['2024-02-29']);
  });
});

describe('report schedules', () => {
  // The PAR reporting cycle: Q1, six-month, Q3 and annual reports, each with its own due date and data cut-off
  // (illustrative dates: due on the 20th of the period's last month, data cut off on the 14th; annual due 15/12).
  const parCycle = [
    { name: { vi: 'Báo cáo quý I' }, frequency: 'quarterly', periods: [1], day: 20, cutOff: { day: 14 }, recipientIds: ['P'] },
    { name: { vi: 'Báo cáo 6 tháng' }, frequency: 'halfYearly', periods: [1], day: 20, cutOff: { day: 14 }, recipientIds: ['P'] },
    { name: { vi: 'Báo cáo quý III' }, frequency: 'quarterly', periods: [3], day: 20, cutOff: { day: 14 }, recipientIds: ['P'] },
    { name: { vi: 'Báo cáo năm' }, frequency: 'yearly', day: 15, cutOff: { day: 14 }, recipientIds: ['P'] },
  ];

  it('gives each report of an item its own due date, cut-off and period', () => {
    const standing = item({ due: { kind: 'recurring', from: '2023-01-01', until: '2023-12-31' }, reports: parCycle });
    expect(expandOccurrences(standing, '2023-01-01', '2023-12-31').map((o) => [o.report, o.reportName?.vi, o.period, o.cutOff, o.dueDate])).toEqual([
      [0, 'Báo cáo quý I', '2023-Q1', '2023-03-14', '2023-03-20'],
      [1, 'Báo cáo 6 tháng', '2023-H1', '2023-06-14', '2023-06-20'],
      [2, 'Báo cáo quý III', '2023-Q3', '2023-09-14', '2023-09-20'],
      [3, 'Báo cáo năm', '2023', '2023-12-14', '2023-12-15'],
    ]);
  });

  it('places a report after its period (monthsAfter) and cuts its data off at the period end by default', () => {
    // "the annual report by 15 January of the next year": December + 1 month = January 2024, covering 2023
    const late = { frequency: 'yearly', monthsAfter: 1, day: 15, recipientIds: ['P'] } as const;
    expect(scheduleDates(late, '2024-01-01', '2024-01-31')).toEqual([{ date: '2024-01-15', statedDate: '2024-01-15', period: '2023', cutOff: '2023-12-31' }]);
  });

  it('refuses a month or a period that the frequency does not have', () => {
    expect(codes(() => parseDirectiveDocument(doc([{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' }, reports: [{ frequency: 'quarterly', periods: [5], monthOfPeriod: 4, cutOff: { monthOfPeriod: 6 }, recipientIds: ['P'] }] }])))).toEqual([
      [['items', 0, 'reports', 0, 'periods', 0], 'invalid_period'],
      [['items', 0, 'reports', 0, 'monthOfPeriod'], 'invalid_month'],
      [['items', 0, 'reports', 0, 'cutOff', 'monthOfPeriod'], 'invalid_month'],
    ]);
  });
});

describe('the standing duty is named as the glossary does', () => {
  it('reads "thường xuyên" as recurring, requires a report schedule, and refuses the old names loudly', () => {
    const base = { label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }] };
    expect(codes(() => parseDirectiveDocument(doc([{ ...base, due: { kind: 'recurring', from: '2022-09-07' } }])))).toEqual([[['items', 0, 'reports'], 'missing_reports']]);
    // the old `continuous` kind and the old `recurring` shape with a schedule are refused, never read with another meaning
    expect(codes(() => parseDirectiveDocument(doc([{ ...base, due: { kind: 'continuous', reports: { frequency: 'monthly' }, from: '2022-09-07' } }]))).map((c) => c[0])).toEqual([['items', 0, 'due', 'kind']]);
    expect(codes(() => parseDirectiveDocument(doc([{ ...base, due: { kind: 'recurring', schedule: { frequency: 'monthly' }, from: '2022-09-07', until: '2022-12-31' } }]))).map((c) => c[1])).toEqual(['schema.unrecognized_keys']);
  });
});

describe('signatures', () => {
  it('keeps every authority of a signature block in printed order, and the signer\'s body apart from the issuer', () => {
    // The Phong Thổ notice is signed "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
    const signer = {
      name: 'Vũ Văn Trung',
      title: { vi: 'Phó Chánh Văn phòng' },
      unitId: 'C',
      authorities: [
        { kind: 'TL', onBehalfOf: { vi: 'Chủ tịch' } },
        { kind: 'KT', onBehalfOf: { vi: 'Chánh Văn phòng' } },
      ],
    };
    const d = parseDirectiveDocument(doc([{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' } }], { signer }));
    expect(d.signer.authorities.map((a) => `${a.kind}. ${a.onBehalfOf.vi}`)).toEqual(['TL. Chủ tịch', 'KT. Chánh Văn phòng']);
    expect([d.issuerId, d.signer.unitId]).toEqual(['P', 'C']);
    expect(codes(() => parseDirectiveDocument(doc(d.items as never, { signer: { ...signer, authority: 'TL' } }))).map((c) => c[1])).toEqual(['schema.unrecognized_keys']);
    const registry = createUnitRegistry(miniUnits(), miniChanges());
    expect(codes(() => assignmentsOf(parseDirectiveDocument(doc(d.items as never, { signer: { ...signer, unitId: 'NOPE' } })), { registry }))).toEqual([[['signer', 'unitId'], 'unknown_unit']]);
  });
});

describe('selectors that name nobody on the signing date', () => {
  const registry = createUnitRegistry(miniUnits(), miniChanges());
  const signedAfterReform = (lead: unknown[], over: Record<string, unknown> = {}) =>
    parseDirectiveDocument(doc([{ label: '(1)', summary: { vi: 's' }, lead, due: { kind: 'periodEnd', period: '2025' }, ...over }], { signedOn: '2025-09-01' }));

  it('reports "the communes of district D1" after the district tier ended, instead of assigning nobody silently', () => {
    // D1 and D2 end on 2025-06-30 and no district exists on 2025-09-01: the tier ended
    const { assignments, unresolved } = assignmentsOf(signedAfterReform([{ by: 'kind', kinds: ['commune'], within: 'D1' }]), { registry });
    expect(assignments).toEqual([]);
    expect(unresolved.map((u) => [u.reason, u.unitId, u.date])).toEqual([['tierEnded', 'D1', '2025-09-01']]);
  });

  it('tells a unit that ended (its kind goes on) or has not started yet from an empty selection', () => {
    const results = [{ unitId: 'C', rank: 1, band: 'good' }];
    const { assignments, unresolved } = assignmentsOf(
      signedAfterReform(
        [{ by: 'unit', unitId: 'A' }, { by: 'unit', unitId: 'X' }, { by: 'kind', kinds: ['ward'], within: 'P' }, { by: 'result', bands: ['weak'] }, { by: 'unit', unitId: 'C' }],
      ),
      { registry, results },
    );
    // A ended 2025-06-30 but communes go on (C, AB); X starts 2027-01-01; no ward exists below P on 2025-09-01;
    // nobody is weak; C is assigned
    expect(unresolved.map((u) => [u.reason, u.unitId ?? null])).toEqual([
      ['unitNotValidOnDate', 'A'],
      ['unitNotValidOnDate', 'X'],
      ['emptyResult', 'P'],
      ['emptyResult', null],
    ]);
    expect(assignments.map((a) => a.unitId)).toEqual(['C']);
  });
});

describe('obligations after mergers, and who answers', () => {
  const registry = createUnitRegistry(miniUnits(), miniChanges());
  // Signed 10/1/2025 for A, B and C; A and B merge into AB on 1/7/2025 (m1); AB splits into X and Y on 1/1/2027 (s1)
  const d = parseDirectiveDocument(
    doc(
      [
        {
          label: '(1)',
          summary: { vi: 's' },
          lead: [{ by: 'unit', unitId: 'A' }, { by: 'unit', unitId: 'B' }, { by: 'unit', unitId: 'C' }],
          due: { kind: 'periodic', schedule: { frequency: 'halfYearly' }, from: '2025-01-01', until: '2025-12-31' },
        },
        { label: '(2)', summary: { vi: 's' }, lead: [{ by: 'result', bottom: 1 }], due: { kind: 'periodEnd', period: '2025' } },
      ],
      { signedOn: '2025-01-10' },
    ),
  );

  it('gives the successor one obligation per occurrence, listing every predecessor it answers for', () => {
    const { obligations } = assignmentsOf(d, { registry, results: [{ unitId: 'C', rank: 1 }] });
    // (1): on 30/6 A, B and C answer for themselves; on 31/12 AB answers once for A and B, and C for itself
    expect(obligations.filter((o) => o.itemLabel === '(1)').map((o) => [o.id, o.answersFor.map((s) => `${s.unitId}${s.via.map((c) => `>${c.id}`).join('')}`)])).toEqual([
      ['tb1/(1)/A/lead#2025-06-30', ['A']],
      ['tb1/(1)/B/lead#2025-06-30', ['B']],
      ['tb1/(1)/C/lead#2025-06-30', ['C']],
      ['tb1/(1)/AB/lead#2025-12-31', ['A>m1', 'B>m1']],
      ['tb1/(1)/C/lead#2025-12-31', ['C']],
    ]);
    const ab = obligations.find((o) => o.unitId === 'AB')!;
    expect([ab.occurrence.dueDate, ab.occurrence.period, ab.role]).toEqual(['2025-12-31', '2025-H2', 'lead']);
  });

  it('answers "who answers item (1) on a date" with the lineage path', () => {
    const show = (answers: ReturnType<typeof whoAnswers>) => answers.map((a) => `${a.unitId}: ${a.answersFor.map((s) => [s.unitId, ...s.via.map((c) => c.id)].join('>')).join(', ')}`);
    expect(show(whoAnswers(d, '(1)', '2025-03-01', { registry }))).toEqual(['A: A', 'B: B', 'C: C']);
    expect(show(whoAnswers(d, '(1)', '2025-08-01', { registry }))).toEqual(['AB: A>m1, B>m1', 'C: C']);
    // AB splits into X and Y on 1/1/2027: both answer for A and B through m1 then s1
    expect(show(whoAnswers(d, '(1)', '2027-06-01', { registry }))).toEqual(['X: A>m1>s1, B>m1>s1', 'Y: A>m1>s1, B>m1>s1', 'C: C']);
  });

  it('refuses an unknown item, an impossible date, a date before signing, and a result selector without results', () => {
    expect(codes(() => whoAnswers(d, '(9)', '2025-03-01', { registry }))).toEqual([[['itemId'], 'unknown_item']]);
    expect(codes(() => whoAnswers(d, '(1)', '2025-02-29', { registry }))).toEqual([[['date'], 'invalid_date']]);
    expect(codes(() => whoAnswers(d, '(1)', '2025-01-09', { registry }))).toEqual([[['date'], 'before_signing']]);
    expect(codes(() => whoAnswers(d, '(2)', '2025-03-01', { registry }))).toEqual([[['options', 'results'], 'results_required']]);
  });
});
