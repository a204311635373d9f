import { addDays, addWorkingHours, fromDayNumber, toDayNumber, VIETNAM_OFFSET_MINUTES, type Calendar, type CivilDate, type OfficeHours } from '@par/calendar';
import type { ProcessingTime } from './records.js';

/** What appointments are counted with: the working calendar, office hours and the same-day cut-off (`HH:MM`). */
export interface DeadlineClock {
  readonly calendar: Calendar;
  readonly officeHours: OfficeHours;
  readonly sameDayCutoff: string;
}

/** An appointment: its date, and the last instant (epoch ms) a result may be returned to be on time. */
export interface Appointment {
  readonly date: CivilDate;
  /** The end of the appointment date in Vietnam for day-based times; the exact due instant for working hours. */
  readonly dueMs: number;
}

/** The outcome classes of OSS-10. */
export type Outcome = 'early' | 'onTime' | 'late';

const DAY = 86_400_000;
const OFFSET = VIETNAM_OFFSET_MINUTES * 60_000;
/** The day number (days since 1970-01-01) of an instant in Vietnam. */
export const vietnamDay = (ms: number): number => Math.floor((ms + OFFSET) / DAY);
const endOfDay = (day: number) => (day + 1) * DAY - OFFSET - 1;
const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The appointment of a dossier received at an instant, for a legal processing time (OSS-05):
 * - working days: counted from the receipt day on the calendar (a dossier received on a day off counts from the
 *   next working day), so 1 working day from Friday is Monday, and Tết and make-up working Saturdays fall where the
 *   calendar puts them;
 * - calendar days: from the receipt day; a due day that is a day off moves to the next working day;
 * - same day: received on a working day at or before the cut-off (15:00: "after 15:00" goes over), that day;
 *   otherwise the next working day;
 * - working hours: the instant `amount` office hours later (`addWorkingHours` of `@par/calendar`).
 */
export function appointmentOf(time: ProcessingTime, receivedMs: number, clock: DeadlineClock): Appointment {
  const day = vietnamDay(receivedMs);
  const c = clock.calendar;
  const received = fromDayNumber(day);
  switch (time.unit) {
    case 'workingDays': {
      const start = c.isWorkingDay(received) ? received : c.nextWorkingDay(received);
      return dayAppointment(c.addWorkingDays(start, time.amount));
    }
    case 'calendarDays':
      return dayAppointment(c.workingDayOnOrAfter(addDays(received, time.amount)));
    case 'sameDay': {
      const cutoff = day * DAY - OFFSET + minuteOf(clock.sameDayCutoff) * 60_000;
      return dayAppointment(c.isWorkingDay(received) && receivedMs < cutoff + 60_000 ? received : c.nextWorkingDay(received));
    }
    case 'workingHours': {
      const due = addWorkingHours(c, receivedMs, time.amount, clock.officeHours).getTime();
      return { date: fromDayNumber(vietnamDay(due)), dueMs: due };
    }
  }
}

const dayAppointment = (date: CivilDate): Appointment => ({ date, dueMs: endOfDay(toDayNumber(date)) });

/**
 * A memo of {@link appointmentOf} for one clock, by processing-time object: day-based times depend only on the
 * receipt day (and, for the same day, on the side of the cut-off), working hours on the minute, so a year of
 * dossiers needs a few thousand calendar look-ups, not one each.
 */
export function appointmentBook(clock: DeadlineClock): (time: ProcessingTime, receivedMs: number) => Appointment {
  const memo = new WeakMap<ProcessingTime, Map<number, Appointment>>();
  const cutoffMinute = minuteOf(clock.sameDayCutoff);
  return (time, receivedMs) => {
    let byDay = memo.get(time);
    if (!byDay) memo.set(time, (byDay = new Map()));
    const day = vietnamDay(receivedMs);
    // same day: the first minute after the cut-off's minute is what moves a dossier over; working hours: the minute
    const slot =
      time.unit === 'sameDay' ? day * 2 + (receivedMs - (day * DAY - OFFSET) >= (cutoffMinute + 1) * 60_000 ? 1 : 0) : time.unit === 'workingHours' ? Math.floor(receivedMs / 60_000) : day;
    if (time.unit === 'workingHours' && receivedMs % 60_000 !== 0) return appointmentOf(time, receivedMs, clock);
    let a = byDay.get(slot);
    if (!a) byDay.set(slot, (a = appointmentOf(time, receivedMs, clock)));
    return a;
  };
}

/**
 * The outcome of a result returned (or made ready) at an instant against an appointment (OSS-10): `early` before the
 * appointment date, `onTime` on it (for working hours: up to the due instant), `late` after.
 */
export function outcomeOf(appointment: Appointment, doneMs: number): Outcome {
  if (doneMs > appointment.dueMs) return 'late';
  return vietnamDay(doneMs) < vietnamDay(appointment.dueMs) ? 'early' : 'onTime';
}

/** The outcome as of an instant: of the result when it was returned by then, `late` when still open after the appointment, else `undefined`. */
export const outcomeAsOfMs = (appointment: Appointment, doneMs: number | undefined, asOfMs: number): Outcome | undefined =>
  doneMs !== undefined && doneMs <= asOfMs ? outcomeOf(appointment, doneMs) : asOfMs > appointment.dueMs ? 'late' : undefined;
