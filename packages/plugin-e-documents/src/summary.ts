import { defaultCalendar, fromDayNumber, IssueList, CivilDateSchema, type Calendar, type CivilDate } from '@par/calendar';
import { dayOf, incomingDue, missed, numberedDay, type DueClock } from './checks.js';
import { digitallySigned } from './metrics.js';
import { isParsedClericalRecords, type ClericalRecords } from './records.js';
import { DOC_RULES } from './rules.js';
import { sequenceProblems } from './sequence.js';
import { dayNumberOf, inVietnamTime, monthIndexOf, vietnamDay, workingDaysAfter } from './timing.js';

/** One unit's documents of one month (by the outgoing document's date, the incoming one's day of receipt). */
export interface MonthSummary {
  readonly unitId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly outgoing: number;
  readonly incoming: number;
  /** Documents not classified: the denominator of the electronic-exchange share. */
  readonly nonClassified: number;
  /** Documents not classified and electronic. */
  readonly electronic: number;
  /** Outgoing documents not classified: the denominator of the digital-signature share. */
  readonly nonClassifiedOutgoing: number;
  /** Of those, signed digitally (both signatures, neither failing). */
  readonly digitallySigned: number;
  /** DOC-05 deadlines missed as of `asOf`: registration, hand-over (incoming) and dispatch (outgoing), each counted. */
  readonly handlingMissed: number;
}

/** One register's numbers for one year (DOC-01, DOC-03). */
export interface RegisterYearSummary {
  readonly unitId: string;
  readonly kind: 'outgoing' | 'incoming';
  readonly registerId: string;
  readonly year: number;
  readonly entries: number;
  readonly gaps: number;
  readonly duplicates: number;
}

const HANDLING = DOC_RULES.handlingTime[0]!;
const HANDLING_FROM = dayNumberOf(HANDLING.effectiveFrom);

/**
 * Checks and sums whole registers at once, per unit and month: the counts behind the metrics of criterion 7.1, the
 * DOC-05 deadlines missed as of `asOf`, and each register's gaps and duplicates per year. Documents dated after
 * `asOf` are left out. The same rules as the plugin's checks, in one pass for dashboards and reports over many
 * units. Throws `ParValidationError` for records not from `parseClericalRecords`, a bad `asOf` or calendar.
 */
export function summariseRegisters(records: readonly ClericalRecords[], options: { readonly asOf: CivilDate; readonly calendar?: Calendar }): { months: MonthSummary[]; registers: RegisterYearSummary[] } {
  const issues = new IssueList();
  if (!Array.isArray(records)) issues.add(['records'], 'invalid_type', 'Expected a list of records from parseClericalRecords');
  else records.forEach((r, i) => isParsedClericalRecords(r) || issues.add(['records', i], 'not_parsed', 'Expected records returned by parseClericalRecords'));
  if (typeof options !== 'object' || options === null) issues.add(['options'], 'invalid_type', 'Expected { asOf, calendar? }');
  else {
    if (!CivilDateSchema.safeParse(options.asOf).success) issues.add(['options', 'asOf'], 'invalid_date', `Expected a date YYYY-MM-DD, got ${JSON.stringify(options.asOf) ?? typeof options.asOf}`);
    if (options.calendar !== undefined && typeof (options.calendar as Calendar)?.addWorkingDays !== 'function') issues.add(['options', 'calendar'], 'invalid_calendar', 'Expected a calendar from createCalendar');
  }
  issues.throwIfAny('arguments of summariseRegisters');
  const env: DueClock = { calendar: options.calendar ?? defaultCalendar(), memo: new Map<number, number>() };
  const ref = dayNumberOf(options.asOf);
  const months: MonthSummary[] = [];
  const registers: RegisterYearSummary[] = [];
  for (const r of records) {
    // counters by month index (year * 12 + month - 1), numbers by register and year
    const byMonth = new Map<number, Int32Array>();
    let [lastMonth, last]: [number, Int32Array] = [-1, new Int32Array(7)]; // registers run in date order: most entries share the month before
    const counters = (month: number) => {
      if (month === lastMonth) return last;
      let c = byMonth.get(month);
      if (!c) byMonth.set(month, (c = new Int32Array(7)));
      [lastMonth, last] = [month, c];
      return c;
    };
    const numbers = { outgoing: new Map<string, Map<number, number[]>>(), incoming: new Map<string, Map<number, number[]>>() };
    let lastList: { byRegister?: Map<string, Map<number, number[]>>; register?: string; year?: number; list: number[] } = { list: [] };
    const number = (byRegister: Map<string, Map<number, number[]>>, register: string, year: number, n: number) => {
      if (lastList.byRegister !== byRegister || lastList.register !== register || lastList.year !== year) {
        let byYear = byRegister.get(register);
        if (!byYear) byRegister.set(register, (byYear = new Map()));
        let list = byYear.get(year);
        if (!list) byYear.set(year, (list = []));
        lastList = { byRegister, register, year, list };
      }
      lastList.list.push(n);
    };
    for (const d of r.outgoing) {
      const day = dayNumberOf(d.date);
      if (day > ref) continue;
      const month = monthIndexOf(d.date);
      const c = counters(month);
      c[0]!++;
      if (!d.classified) {
        c[2]!++;
        c[4]!++;
        if (d.form === 'electronic') c[3]!++;
        if (digitallySigned(d)) c[5]!++;
      }
      if (day >= HANDLING_FROM && missed(dayOf(d.dispatchedAt), workingDaysAfter(env.calendar, env.memo, numberedDay(d), HANDLING.params.outgoingWorkingDays), ref)) c[6]!++;
      number(numbers.outgoing, d.registerId, Math.floor(month / 12), d.number);
    }
    for (const d of r.incoming) {
      const day = vietnamDay(d.receivedAt);
      if (day > ref) continue;
      const month = monthIndexOf(inVietnamTime(d.receivedAt) ? d.receivedAt : fromDayNumber(day));
      const c = counters(month);
      c[1]!++;
      if (!d.classified) {
        c[2]!++;
        if (d.form === 'electronic') c[3]!++;
      }
      if (day >= HANDLING_FROM && !d.returnedAt) {
        const due = incomingDue(d, HANDLING, env);
        if (missed(dayOf(d.registeredAt), due, ref)) c[6]!++;
        if (missed(dayOf(d.handedOverAt), due, ref)) c[6]!++;
      }
      number(numbers.incoming, d.registerId, Math.floor(month / 12), d.number);
    }
    for (const [m, c] of [...byMonth].sort(([a], [b]) => a - b)) {
      const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      months.push({ unitId: r.unitId, month, outgoing: c[0]!, incoming: c[1]!, nonClassified: c[2]!, electronic: c[3]!, nonClassifiedOutgoing: c[4]!, digitallySigned: c[5]!, handlingMissed: c[6]! });
    }
    for (const kind of ['outgoing', 'incoming'] as const) {
      for (const [registerId, byYear] of numbers[kind]) {
        for (const [year, list] of byYear) {
          const { gaps, duplicates } = sequenceProblems(list);
          registers.push({ unitId: r.unitId, kind, registerId, year, entries: list.length, gaps: gaps.length, duplicates: duplicates.length });
        }
      }
    }
  }
  return { months, registers };
}
