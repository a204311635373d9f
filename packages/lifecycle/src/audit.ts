import { z } from 'zod';
import { Calendar, daysBetween, parseWithSchema, toVietnamTime, type CivilDate } from '@par/calendar';
import type { AssignmentInput } from './assignment-machine.js';
import { AssignmentInputSchema, LogEntrySchema } from './events.js';
import { instantOf, type AssignmentStateName, type LogEntry } from './lifecycle.js';

/** One line of an assignment's history. */
export interface AuditLine {
  readonly seq: number;
  readonly at: string;
  readonly who: string;
  /** What happened, in the language asked for. */
  readonly what: string;
  /** The state after it. */
  readonly state: AssignmentStateName;
  /** The nominal due date (what the directive says; what a report prints and a PAR year counts). */
  readonly nominalDueDate: CivilDate;
  /** The deadline in force after it, on a working day (what lateness is judged against). */
  readonly dueDate: CivilDate;
}

/** Time spent in one state. */
export interface StateDuration {
  readonly state: AssignmentStateName;
  readonly calendarDays: number;
  readonly workingDays: number;
}

/** An assignment's history, and how long it stayed in each state. */
export interface AuditTrail {
  readonly lines: readonly AuditLine[];
  readonly durations: readonly StateDuration[];
}

const VERBS = {
  vi: {
    ACKNOWLEDGE: 'tiếp nhận nhiệm vụ',
    START: 'bắt đầu thực hiện',
    REPORT: 'gửi báo cáo kết quả',
    BEGIN_REVIEW: 'xem xét báo cáo',
    APPROVE: 'công nhận hoàn thành',
    RETURN: 'trả lại để làm lại',
    REQUEST_EXTENSION: 'đề nghị gia hạn',
    APPROVE_EXTENSION: 'đồng ý gia hạn',
    REJECT_EXTENSION: 'không đồng ý gia hạn',
    CANCEL: 'hủy nhiệm vụ',
    REMIND: 'đôn đốc',
    MARK_OVERDUE: 'quá hạn',
    ESCALATE: 'báo cáo cấp giao nhiệm vụ do quá hạn',
  },
  en: {
    ACKNOWLEDGE: 'acknowledged the assignment',
    START: 'started work',
    REPORT: 'reported the result',
    BEGIN_REVIEW: 'began the review',
    APPROVE: 'approved it as done',
    RETURN: 'returned it for rework',
    REQUEST_EXTENSION: 'requested an extension',
    APPROVE_EXTENSION: 'granted the extension',
    REJECT_EXTENSION: 'refused the extension',
    CANCEL: 'cancelled the assignment',
    REMIND: 'reminder',
    MARK_OVERDUE: 'overdue',
    ESCALATE: 'escalated to the issuer as overdue',
  },
} as const;

const ArgumentsSchema = z.strictObject({
  input: AssignmentInputSchema,
  entries: z.array(LogEntrySchema),
  issuedAt: z.iso.datetime({ offset: true }),
  calendar: z.custom<Calendar>((c) => c instanceof Calendar, 'Expected a Calendar from `@par/calendar`'),
  lang: z.enum(['vi', 'en']),
});

/**
 * An assignment's history in Vietnamese or English from its input and log, each line with the nominal due date
 * and the deadline in force (an approved extension on a day off moves to the next working day), and the time
 * spent in each state (calendar and working days, up to `now` for the current state). It tells the log as it is:
 * replay it first (`Lifecycle.replay`) to know that it holds. Throws `ParValidationError` on a bad argument.
 */
export function auditTrail(input: AssignmentInput, entries: readonly LogEntry[], issuedAt: string, now: Date | number, calendar: Calendar, lang: 'vi' | 'en' = 'vi'): AuditTrail {
  parseWithSchema('arguments of auditTrail', ArgumentsSchema, { input, entries, issuedAt, calendar, lang });
  const until = toVietnamTime(instantOf(now, 'auditTrail')).date;
  let dueDate = input.dueDate;
  let requested: CivilDate | undefined;
  const lines = entries.map((e): AuditLine => {
    const ev = e.event;
    if (ev.type === 'REQUEST_EXTENSION') requested = ev.dueDate;
    if (ev.type === 'APPROVE_EXTENSION') dueDate = calendar.workingDayOnOrAfter(ev.dueDate ?? requested ?? dueDate);
    const detail =
      ev.type === 'REQUEST_EXTENSION'
        ? ` → ${ev.dueDate}: ${ev.reason}`
        : ev.type === 'APPROVE_EXTENSION' && ev.dueDate
          ? ` → ${ev.dueDate}`
          : 'reason' in ev && ev.reason
            ? `: ${ev.reason}`
            : ev.type === 'REMIND'
              ? ` (${ev.workingDaysLeft} ${lang === 'vi' ? 'ngày làm việc còn lại' : 'working days left'})`
              : '';
    const who = ev.by.person ? `${ev.by.person} (${ev.by.unitId})` : ev.by.unitId;
    return { seq: e.seq, at: ev.at, who, what: `${VERBS[lang][ev.type]}${detail}`, state: e.state, nominalDueDate: input.nominalDueDate, dueDate };
  });
  const durations = new Map<AssignmentStateName, { calendarDays: number; workingDays: number }>();
  let state: AssignmentStateName = 'issued';
  let since = toVietnamTime(Date.parse(issuedAt)).date;
  const close = (until: string) => {
    const d = durations.get(state) ?? { calendarDays: 0, workingDays: 0 };
    durations.set(state, { calendarDays: d.calendarDays + daysBetween(since, until), workingDays: d.workingDays + calendar.workingDaysBetween(since, until) });
  };
  for (const e of entries) {
    if (e.state === state) continue;
    const day = toVietnamTime(Date.parse(e.event.at)).date;
    close(day);
    state = e.state;
    since = day;
  }
  if (state !== 'done' && state !== 'cancelled') close(until);
  return { lines, durations: [...durations].map(([s, d]) => ({ state: s, ...d })) };
}
