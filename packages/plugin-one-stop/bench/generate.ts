// A province's year of dossiers for the benchmarks: 30 procedures, 120 units, 1,000,000 dossiers in 2022, received
// in office hours on working days, most returned by their appointment and some late (a fixed pseudo-random sequence).
import { defaultCalendar, fromDayNumber, toDayNumber } from '@par/calendar';

const UNITS = Array.from({ length: 120 }, (_, i) => `u${i}`);
const TIMES = [{ unit: 'workingDays', amount: 1 }, { unit: 'workingDays', amount: 3 }, { unit: 'workingDays', amount: 5 }, { unit: 'workingDays', amount: 10 }, { unit: 'calendarDays', amount: 15 }, { unit: 'sameDay' }, { unit: 'workingHours', amount: 8 }] as const;

/** A catalogue of 30 procedures over the processing-time units. */
export const benchCatalogue = {
  source: 'benchmark (illustrative)',
  illustrative: true,
  procedures: Array.from({ length: 30 }, (_, i) => ({
    code: `P${i}`,
    name: `Procedure ${i}`,
    sector: i % 10 === 0 ? 'Kho bạc Nhà nước' : 'Hộ tịch',
    level: i % 3 === 0 ? 'district' : 'commune',
    competentBody: 'UBND',
    processingTime: TIMES[i % TIMES.length]!,
    publication: { decision: 'QĐ 1/QĐ-UBND', effectiveFrom: '2020-01-01' },
    onlineLevel: i % 2 ? 'fullyOnline' : 'partlyOnline',
    postalEligible: true,
    fees: i % 4 ? [{ name: 'lệ phí', amountVnd: 10_000 }] : [],
  })),
};

/** `n` dossiers received in 2022. */
export function benchDossiers(n: number): Record<string, unknown>[] {
  const calendar = defaultCalendar();
  const days: string[] = [];
  for (let d = toDayNumber('2022-01-04'); d <= toDayNumber('2022-12-30'); d++) if (calendar.isWorkingDay(fromDayNumber(d))) days.push(fromDayNumber(d));
  let seed = 42;
  const rnd = (m: number) => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) % m);
  const out: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const day = days[rnd(days.length)]!;
    const h = 7 + rnd(9);
    const at = `${day}T${String(h).padStart(2, '0')}:${String(rnd(60)).padStart(2, '0')}`;
    const online = rnd(3) === 0;
    const back = days[Math.min(days.length - 1, days.indexOf(day) + rnd(12))]!;
    out[i] = {
      code: `D${i}`,
      procedureCode: `P${rnd(30)}`,
      unitId: UNITS[rnd(UNITS.length)]!,
      receivingPoint: 'desk',
      channel: online ? 'online' : 'counter',
      submittedAt: at,
      receivedAt: at,
      ...(online ? {} : { scannedAt: at }),
      forms: [{ kind: 'receiptSlip', on: day }],
      ...(rnd(10) ? { returnedAt: `${back}T16:00` } : {}),
    };
  }
  return out;
}
