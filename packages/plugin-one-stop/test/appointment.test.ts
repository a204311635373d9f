import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createCalendar, DEFAULT_HOLIDAY_LAYERS, defaultCalendar, toDayNumber, ParValidationError } from '@par/calendar';
import { classifyOutcome, dossierAppointment } from '../src/index.js';

const at = (time: Parameters<typeof dossierAppointment>[0], received: string) => dossierAppointment(time, received).date;

describe('appointments by unit (OSS-05)', () => {
  it('counts working days from the day after receipt, across Tết 2022', () => {
    // Tết 2022 (245/VPCP-KGVX): off Mon 31/01 to Fri 04/02, with the weekends either side.
    // Received Fri 28/01: working days 1, 2, 3 are Mon 07/02, Tue 08/02, Wed 09/02.
    expect(at({ unit: 'workingDays', amount: 3 }, '2022-01-28T10:00')).toBe('2022-02-09');
    // 1 working day from Fri 28/01: Mon 07/02 (the whole Tết week is off)
    expect(at({ unit: 'workingDays', amount: 1 }, '2022-01-28T16:59')).toBe('2022-02-07');
  });

  it('counts make-up Saturdays as working days', () => {
    // 2025: Fri 02/05 swapped off, made up on Sat 26/04. Received Fri 25/04: 1 working day is Sat 26/04.
    expect(at({ unit: 'workingDays', amount: 1 }, '2025-04-25T09:00')).toBe('2025-04-26');
    // 2024: Mon 29/04 swapped off, Tue 30/04 and Wed 01/05 holidays, made up on Sat 04/05.
    // Received Fri 26/04: Thu 02/05 = 1, Fri 03/05 = 2, Sat 04/05 = 3.
    expect(at({ unit: 'workingDays', amount: 3 }, '2024-04-26T09:00')).toBe('2024-05-04');
  });

  it('counts a dossier received on a day off from the next working day', () => {
    // online on Sat 19/03/2022: counted from Mon 21/03, 1 working day: Tue 22/03
    expect(at({ unit: 'workingDays', amount: 1 }, '2022-03-19T10:00')).toBe('2022-03-22');
  });

  it('moves calendar days that end on a day off to the next working day', () => {
    // 15 days from Tue 15/03/2022: Wed 30/03 (a working day)
    expect(at({ unit: 'calendarDays', amount: 15 }, '2022-03-15T09:00')).toBe('2022-03-30');
    // 15 days from Fri 11/03/2022: Sat 26/03, moved to Mon 28/03
    expect(at({ unit: 'calendarDays', amount: 15 }, '2022-03-11T09:00')).toBe('2022-03-28');
  });

  it('keeps a same-day dossier received up to 15:00 that day, and moves one from 15:01 to the next working day', () => {
    const sameDay = { unit: 'sameDay' } as const;
    expect(at(sameDay, '2022-03-15T14:59')).toBe('2022-03-15');
    expect(at(sameDay, '2022-03-15T15:00')).toBe('2022-03-15'); // "after 15:00" (rules.md OSS-07): 15:00 is not after
    expect(at(sameDay, '2022-03-15T15:00:59')).toBe('2022-03-15');
    expect(at(sameDay, '2022-03-15T15:01')).toBe('2022-03-16');
    // Fri 18/03 at 15:01: Mon 21/03; Fri 28/01/2022 at 15:01: Mon 07/02 after Tết
    expect(at(sameDay, '2022-03-18T15:01')).toBe('2022-03-21');
    expect(at(sameDay, '2022-01-28T15:01')).toBe('2022-02-07');
    // a cut-off of 16:00 (an option)
    expect(dossierAppointment(sameDay, '2022-03-15T15:30', { sameDayCutoff: '16:00' }).date).toBe('2022-03-15');
  });

  it('counts working hours to the minute in office hours', () => {
    // 8 working hours from Fri 18/03/2022 16:00: 16:00-17:00 (1 h), Mon 07:30-11:30 (4 h), 13:30-16:30 (3 h)
    const a = dossierAppointment({ unit: 'workingHours', amount: 8 }, '2022-03-18T16:00');
    expect(a.date).toBe('2022-03-21');
    expect(new Date(a.dueMs).toISOString()).toBe('2022-03-21T09:30:00.000Z'); // 16:30 in Vietnam
  });

  it('reads an instant with a zone, and a Date', () => {
    // 08:01Z is 15:01 in Vietnam
    expect(at({ unit: 'sameDay' }, '2022-03-15T08:01Z')).toBe('2022-03-16');
    expect(dossierAppointment({ unit: 'sameDay' }, new Date('2022-03-15T07:59:00Z')).date).toBe('2022-03-15');
  });
});

describe('outcome classes (OSS-10)', () => {
  const a = dossierAppointment({ unit: 'workingDays', amount: 3 }, '2022-03-10T09:00'); // Thu 10/03 + 3: Tue 15/03
  it('is early before the appointment date, on time on it, late after it', () => {
    expect(a.date).toBe('2022-03-15');
    expect(classifyOutcome(a, '2022-03-14T16:00')).toBe('early');
    expect(classifyOutcome(a, '2022-03-15T07:00')).toBe('onTime');
    expect(classifyOutcome(a, '2022-03-15T23:59')).toBe('onTime');
    expect(classifyOutcome(a, '2022-03-16T00:00')).toBe('late');
  });

  it('compares working-hour appointments to the minute', () => {
    const h = dossierAppointment({ unit: 'workingHours', amount: 8 }, '2022-03-18T16:00'); // due Mon 21/03 16:30
    expect(classifyOutcome(h, '2022-03-18T16:59')).toBe('early');
    expect(classifyOutcome(h, '2022-03-21T16:30')).toBe('onTime');
    expect(classifyOutcome(h, '2022-03-21T16:31')).toBe('late');
  });
});

describe('invariants', () => {
  const calendar = defaultCalendar();
  const instant = fc.record({ day: fc.integer({ min: toDayNumber('2022-01-01'), max: toDayNumber('2026-06-30') }), minute: fc.integer({ min: 0, max: 1439 }) }).map(({ day, minute }) => {
    const d = new Date((day * 1440 + minute - 420) * 60_000);
    return d;
  });

  it('puts every appointment on a working day, never before the receipt day, later as the time grows', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), fc.constantFrom('workingDays', 'calendarDays'), (received, n, unit) => {
        const a = dossierAppointment({ unit, amount: n } as never, received).date;
        const b = dossierAppointment({ unit, amount: n + 1 } as never, received).date;
        const day = addDays('1970-01-01', Math.floor((received.getTime() + 420 * 60_000) / 86_400_000));
        return calendar.isWorkingDay(a) && a > day && b >= a && (unit === 'calendarDays' || b > a);
      }),
    );
  });

  it('classifies any return exactly one way, and a later return never better', () => {
    const rank = { early: 0, onTime: 1, late: 2 } as const;
    fc.assert(
      fc.property(instant, instant, instant, (received, r1, r2) => {
        const a = dossierAppointment({ unit: 'workingDays', amount: 5 }, received);
        const [x, y] = r1 <= r2 ? [r1, r2] : [r2, r1];
        return rank[classifyOutcome(a, x)] <= rank[classifyOutcome(a, y)];
      }),
    );
  });

  it('agrees with a calendar that has no holidays on plain weekdays', () => {
    const bare = createCalendar({ layers: { ...DEFAULT_HOLIDAY_LAYERS, schedules: [] } });
    // Mon 14/03/2022 + 5 working days, no holiday near: Mon 21/03 either way
    expect(dossierAppointment({ unit: 'workingDays', amount: 5 }, '2022-03-14T09:00', { calendar: bare }).date).toBe('2022-03-21');
  });
});

describe('bad arguments', () => {
  const problems = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (ParValidationError.isInstance(e)) return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
      throw e;
    }
    return [];
  };
  it('names every bad argument by path', () => {
    expect(problems(() => dossierAppointment({ unit: 'workingDays', amount: 1.5 }, '2022-02-30T09:00', { sameDayCutoff: '25:00' }))).toEqual([
      'processingTime.amount schema.invalid_type',
      'receivedAt schema.invalid_union',
      'options.sameDayCutoff schema.invalid_format',
    ]);
    expect(problems(() => dossierAppointment({ unit: 'weeks', amount: 1 } as never, new Date(NaN)))).toEqual(['processingTime.unit schema.invalid_union', 'receivedAt schema.invalid_union']);
    expect(problems(() => classifyOutcome({ date: '2022-13-01', dueMs: 1.5 }, 'soon'))).toEqual(['appointment.date schema.invalid_format', 'appointment.dueMs schema.invalid_type', 'returnedAt schema.invalid_union']);
  });

  it('refuses fuzzed processing times and instants with a path, never a confident answer', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (time, received) => {
        try {
          dossierAppointment(time as never, received as never);
          return ProcessingOk(time) && (received instanceof Date || typeof received === 'string');
        } catch (e) {
          return ParValidationError.isInstance(e) && e.issues.every((i) => ['processingTime', 'receivedAt'].includes(String(i.path[0])));
        }
      }),
    );
  });
});

function ProcessingOk(t: unknown): boolean {
  return typeof t === 'object' && t !== null && ['workingDays', 'calendarDays', 'workingHours', 'sameDay'].includes((t as { unit: string }).unit);
}
