// Issue 10: every exported function refuses what it cannot honour with ParValidationError naming the argument.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, ParValidationError } from '@par/calendar';
import { assignmentsOf, createUnitRegistry, parseDirectiveDocument } from '@par/core';
import { assignmentMetrics, assignmentStats, auditTrail, createLifecycle, createMemoryStore, lifecycleInputs, type AssignmentInput, type AssignmentState } from '../src/index.js';

const cal = defaultCalendar();
const lc = createLifecycle();
const input: AssignmentInput = { id: 'a#2025-02-05', documentId: 'tb', itemLabel: '(4)', unitId: 'tckh', role: 'lead', issuerId: 'ubnd', delegates: [], nominalDueDate: '2025-02-05', dueDate: '2025-02-05' };
const state = lc.start(input);
const now = Date.parse('2025-02-06T09:00:00+07:00');

/** The paths and codes of the `ParValidationError` thrown by `f` (fails when something else happens). */
function paths(f: () => unknown): string[] {
  try {
    const r = f();
    if (r instanceof Promise) throw new Error('use pathsAsync');
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return [...new Set(e.issues.map((i) => i.path.join('.')))];
  }
  throw new Error('no ParValidationError');
}

describe('bad arguments are refused by path', () => {
  it.each<[string, () => unknown, string[]]>([
    ['createLifecycle: a fractional escalation, a negative offset, a plain object as calendar', () => createLifecycle({ escalateAfter: 1.5, reminderOffsets: [3, -1], calendar: {} as never }), ['calendar', 'reminderOffsets.1', 'escalateAfter']],
    ['createLifecycle: a NaN lead time', () => createLifecycle({ extensionLeadWorkingDays: Number.NaN }), ['extensionLeadWorkingDays']],
    ['start: an impossible date, a bad period, a moved date before the nominal one', () => lc.start({ ...input, nominalDueDate: '2023-02-30', period: '2023-Q5' }), ['nominalDueDate', 'period']],
    ['start: a deadline before the nominal date', () => lc.start({ ...input, dueDate: '2025-02-04' }), ['dueDate']],
    ['send: a state typed by hand', () => lc.send({ state: 'issued', context: { id: 'x' }, version: 0 } as never, { type: 'START', by: { unitId: 'tckh' }, at: '2025-02-01T09:00:00+07:00' }), ['state.context.documentId', 'state.context.itemLabel', 'state.context.unitId', 'state.context.role', 'state.context.issuerId', 'state.context.delegates', 'state.context.nominalDueDate', 'state.context.dueDate', 'state.context.originalDueDate', 'state.context.returns', 'state.context.extensions', 'state.context.reminders', 'state.context.overdue', 'state.context.escalated']],
    ['send: a version of 1.5', () => lc.send({ ...state, version: 1.5 }, { type: 'START', by: { unitId: 'tckh' }, at: '2025-02-01T09:00:00+07:00' }), ['state.version']],
    ['sweep: NaN as now', () => lc.sweep([state], Number.NaN), ['now']],
    ['sweep: an invalid Date', () => lc.sweep([state], new Date('not a date')), ['now']],
    ['sweep: a bad state among many', () => lc.sweep([state, { ...state, state: 'lost' } as never], now), ['states.1.state']],
    ['replay: a bad input', () => lc.replay({ ...input, role: 'boss' } as never, []), ['role']],
    ['actor: a bad state', () => lc.actor({ ...state, context: { ...state.context, dueDate: '2025-13-01' } }), ['state.context.dueDate']],
    ['auditTrail: bad issuedAt, calendar and lang', () => auditTrail(input, [], 'yesterday', now, {} as never, 'fr' as never), ['issuedAt', 'calendar', 'lang']],
    ['auditTrail: NaN as now', () => auditTrail(input, [], '2025-01-01T09:00:00+07:00', Number.NaN, cal), ['now']],
    ['assignmentStats: an impossible period, a plain calendar, an unknown role', () => assignmentStats([state], '2023-Q5', now, {} as never, { roles: ['boss' as never] }), ['period', 'calendar', 'options.roles.0']],
    ['assignmentStats: Infinity as now', () => assignmentStats([state], '2025', Number.POSITIVE_INFINITY, cal), ['now']],
    ['assignmentMetrics: NaN and 1.5 counts', () => assignmentMetrics([{ unitId: 'A', period: '2025', assigned: 1.5, doneOnTime: 0, doneOnTimeOriginal: 0, doneLate: 0, openOverdue: 0, averageDelayWorkingDays: Number.NaN, extensionsGranted: 0, onTimeRate: 0, onTimeRateOriginal: 0 }]), ['stats.0.assigned', 'stats.0.averageDelayWorkingDays']],
    ['lifecycleInputs: a plain calendar and an empty delegate', () => lifecycleInputs({ id: 'd', issuerId: 'P' } as never, { assignments: [], obligations: [], unresolved: [] } as never, {} as never, ['']), ['calendar', 'delegates.0']],
  ])('%s', (_name, f, expected) => {
    expect(paths(f)).toEqual(expected);
  });

  it('the store refuses a fractional version and an empty id', async () => {
    const store = createMemoryStore();
    await expect(store.append('a', [], 1.5)).rejects.toSatisfy((e: unknown) => ParValidationError.isInstance(e) && e.issues[0]!.path.join('.') === 'expectedVersion');
    await expect(store.load('')).rejects.toSatisfy((e: unknown) => ParValidationError.isInstance(e) && e.issues[0]!.path.join('.') === 'assignmentId');
  });

  it('lifecycleInputs still builds from a real document', () => {
    const registry = createUnitRegistry({ units: [{ id: 'P', name: { vi: 'Huyện' }, kind: 'district', validFrom: '2000-01-01' }, { id: 'A', name: { vi: 'Phòng A' }, kind: 'districtDepartment', parentId: 'P', validFrom: '2000-01-01' }] }, { changes: [] });
    const doc = parseDirectiveDocument({ id: 'tb', kind: 'conclusionNotice', issuerId: 'P', signer: { name: 'B', title: { vi: 'Chủ tịch' } }, signedOn: '2022-09-07', title: { vi: 'Thông báo' }, items: [{ label: '(4)', summary: { vi: 'Giải ngân' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' } }] });
    // Saturday 31/12/2022, then Sunday 1/1 and the compensatory Monday 2/1/2023: due Tuesday 3/1/2023
    expect(lifecycleInputs(doc, assignmentsOf(doc, { registry }), cal, ['V'])).toEqual([
      { id: 'tb/(4)/A/lead#2022-12-31', documentId: 'tb', itemLabel: '(4)', unitId: 'A', role: 'lead', issuerId: 'P', delegates: ['V'], nominalDueDate: '2022-12-31', period: '2022', dueDate: '2023-01-03' },
    ]);
  });
});

describe('malformed strings and numbers (property)', () => {
  const badDate = fc.oneof(fc.string().filter((x) => !/^\d{4}/.test(x)), fc.constantFrom('2023-02-30', '2023/01/10', '2023-2-3', '2023-13-01', '2023-Q5', ''));
  const badInstant = fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, new Date(Number.NaN), '2025-02-06', null);
  const badNumber = fc.oneof(fc.double().filter((n) => !Number.isSafeInteger(n)), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5));
  const threw = (f: () => unknown, path: string) => {
    try {
      f();
      return false;
    } catch (e) {
      return ParValidationError.isInstance(e) && e.issues.some((i) => i.path.join('.') === path);
    }
  };

  it('never returns a value for a malformed date, period, instant or count, in any function', () => {
    fc.assert(
      fc.property(badDate, badNumber, badInstant, (date, n, instant) => {
        expect(threw(() => lc.start({ ...input, nominalDueDate: date, dueDate: date }), 'nominalDueDate')).toBe(true);
        expect(threw(() => lc.sweep([state], instant as number), 'now')).toBe(true);
        expect(threw(() => assignmentStats([state], '2025', instant as number, cal), 'now')).toBe(true);
        expect(threw(() => assignmentStats([], date, now, cal), 'period')).toBe(true);
        expect(threw(() => createLifecycle({ escalateAfter: n }), 'escalateAfter')).toBe(true);
        expect(threw(() => lc.send({ ...state, version: n } as AssignmentState, { type: 'START', by: { unitId: 'tckh' }, at: '2025-02-01T09:00:00+07:00' }), 'state.version')).toBe(true);
        expect(threw(() => lc.send(state, { type: 'REPORT', by: { unitId: 'tckh' }, at: date, content: 'x' }), 'at')).toBe(true);
        expect(threw(() => lc.replay({ ...input, dueDate: date }, []), 'dueDate')).toBe(true);
        expect(threw(() => lc.actor({ ...state, version: n } as AssignmentState), 'state.version')).toBe(true);
        expect(threw(() => auditTrail(input, [], date, now, cal), 'issuedAt')).toBe(true);
        expect(threw(() => auditTrail(input, [], '2025-01-01T09:00:00+07:00', instant as number, cal), 'now')).toBe(true);
        const stats = { unitId: 'A', period: '2025', assigned: n, doneOnTime: 0, doneOnTimeOriginal: 0, doneLate: 0, openOverdue: 0, averageDelayWorkingDays: 0, extensionsGranted: 0, onTimeRate: null, onTimeRateOriginal: null };
        expect(threw(() => assignmentMetrics([stats]), 'stats.0.assigned')).toBe(true);
        expect(threw(() => lifecycleInputs({ id: 'd', issuerId: 'P' } as never, { obligations: [{ id: 'o', documentId: 'd', itemLabel: '1', unitId: 'A', role: 'lead', occurrence: { dueDate: date } }] } as never, cal), 'set.obligations.0.occurrence.dueDate')).toBe(true);
      }),
    );
  });
});
