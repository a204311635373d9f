import { describe, expect, it } from 'vitest';
import type { ProcessingTime } from '../src/index.js';
import { good, of, run, type QmsInput } from './fixture.js';

/** The processTime findings' English messages when procedure 1.001's legal time and process time are these. */
async function compare(legal: ProcessingTime, process: ProcessingTime, period = '2024', options = {}) {
  const q: QmsInput = good();
  q.handledProcedures![0]!.processingTime = legal;
  q.processes![0]!.processingTime = process;
  return (await of(run(q, '2024-12-31', period, options), 'processTime')).map((f) => f.message.en);
}

describe('processing times with their unit, compared with the calendar', () => {
  it('compares amounts in the same unit', async () => {
    expect(await compare({ unit: 'workingDays', amount: 3 }, { unit: 'workingDays', amount: 4 })).toEqual(['Process 1.001 (v1) takes 4 working days, more than the legal 3 working days']);
    expect(await compare({ unit: 'workingHours', amount: 8 }, { unit: 'workingHours', amount: 8 })).toEqual([]);
  });

  it('5 working days against 7 calendar days: equal in an ordinary week, later across Tết 2024', async () => {
    // Tết 2024: days off Thursday 8/2 to Wednesday 14/2. Received Thursday 1/2: 5 working days = 2, 5, 6, 7, 15/2;
    // 7 calendar days = 8/2, a day off, so 15/2: equal. Received Friday 2/2: 5, 6, 7, 15, 16/2 -> 16/2, while
    // 7 calendar days = 9/2, a day off -> 15/2: the process is a day late, at the first moment of 2/2 (07:30)
    expect(await compare({ unit: 'calendarDays', amount: 7 }, { unit: 'workingDays', amount: 5 })).toEqual([
      'Process 1.001 (v1) takes 5 working days, more than the legal 7 calendar days (a dossier received on 2024-02-02 at 07:30 is due after the legal time)',
    ]);
    // in the second half of 2024 the first such day is Tuesday 27/8 (2-3/9 are the National Day days off):
    // 5 working days = 28, 29, 30/8, 4, 5/9 -> 5/9; 7 calendar days = 3/9, a day off -> 4/9
    expect(await compare({ unit: 'calendarDays', amount: 7 }, { unit: 'workingDays', amount: 5 }, '2024-H2')).toEqual([
      'Process 1.001 (v1) takes 5 working days, more than the legal 7 calendar days (a dossier received on 2024-08-27 at 07:30 is due after the legal time)',
    ]);
    // the other way round, a make-up working day shortens 5 working days: Saturday 4/5/2024 was worked for Monday
    // 29/4. Received Thursday 2/5: 5 working days = 3, 4, 6, 7, 8/5; 7 calendar days = 9/5
    expect(await compare({ unit: 'workingDays', amount: 5 }, { unit: 'calendarDays', amount: 7 })).toEqual([
      'Process 1.001 (v1) takes 7 calendar days, more than the legal 5 working days (a dossier received on 2024-05-02 at 07:30 is due after the legal time)',
    ]);
  });

  it('working hours against the same day: office hours 7:30-11:30 and 13:30-17:00', async () => {
    // 4 working hours from 11:29: 1 minute to 11:30, 3h30 from 13:30 to 17:00, 29 minutes the next day: after the
    // same day's close. From 07:30 (the first moment) it ends at 11:30: in time. 2/1/2024 is the first working day.
    expect(await compare({ unit: 'sameDay' }, { unit: 'workingHours', amount: 4 })).toEqual([
      'Process 1.001 (v1) takes 4 working hours, more than the legal the same day (received after 15:00: the next working day) (a dossier received on 2024-01-02 at 11:29 is due after the legal time)',
    ]);
    expect(await compare({ unit: 'workingDays', amount: 1 }, { unit: 'sameDay' })).toEqual([]);
  });

  it('the same-day cut-off: 15:00 by default, an option', async () => {
    // "received after 15:00" (ISO plugin option, as OSS-07 words it, U): at 15:00 the process still ends at 17:00 that
    // day and the law (8 working hours) at 15:30 the next; at 15:01 the process moves to the next working day's close
    // (17:00) while the law ends at 15:31 the next day (1h59 that day, 4h in the morning, 2h01 after 13:30)
    expect(await compare({ unit: 'workingHours', amount: 8 }, { unit: 'sameDay' })).toEqual([
      'Process 1.001 (v1) takes the same day (received after 15:00: the next working day), more than the legal 8 working hours (a dossier received on 2024-01-02 at 15:01 is due after the legal time)',
    ]);
    // with a 16:00 cut-off: at 16:01 the law ends at 16:31 the next day (59 minutes that day, 4h and 3h01 the next)
    expect(await compare({ unit: 'workingHours', amount: 8 }, { unit: 'sameDay' }, '2024', { sameDayCutoff: '16:00' })).toEqual([
      'Process 1.001 (v1) takes the same day (received after 16:00: the next working day), more than the legal 8 working hours (a dossier received on 2024-01-02 at 16:01 is due after the legal time)',
    ]);
  });
});
