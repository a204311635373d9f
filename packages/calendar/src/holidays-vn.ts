import type { HolidayRule, HolidaySchedule } from './holiday-schema.js';

/** Where these facts were read: a copy ships with this package. */
const SOURCE = 'data/holidays-vn.md (package @par/calendar)';

const LABOUR_CODE_2019 = { document: 'Bộ luật Lao động 45/2019/QH14', article: 'Điều 112', verification: 'confirmed', source: SOURCE } as const;
const LABOUR_CODE_2012 = {
  document: 'Bộ luật Lao động 10/2012/QH13',
  article: 'Điều 115',
  verification: 'unconfirmed',
  source: 'not in the project sources; the 2012 Code is recalled as 10 days: the 2019 set less the day next to 2 September',
} as const;

/**
 * The statutory holidays (Labour Code 2019 Art. 112, in force from 1 January 2021; before it, back to 1 May 2013,
 * the 2012 Code, unconfirmed here). Tết's five days are fixed each year by the Prime Minister; by rule they are
 * taken as the eve and the first four days. National Day's second day is chosen each year; by rule, the day
 * before 2 September. Before 1 May 2013 the default calendar has no holiday rules: add them as data.
 */
export const STATUTORY_HOLIDAY_RULES: readonly HolidayRule[] = [
  { id: 'newYear', name: { vi: 'Tết Dương lịch', en: 'New Year' }, date: { calendar: 'solar', month: 1, day: 1 }, days: 1, startOffset: 0, compensatory: true, effectiveFrom: '2013-05-01', legalBasis: LABOUR_CODE_2019 },
  {
    id: 'tet',
    name: { vi: 'Tết Nguyên Đán', en: 'Lunar New Year' },
    date: { calendar: 'lunar', month: 1, day: 1 },
    days: 5,
    startOffset: -1,
    compensatory: true,
    effectiveFrom: '2013-05-01',
    legalBasis: LABOUR_CODE_2019,
    note: 'The exact five days are set each year by the Prime Minister; by rule: the eve and the first four days.',
  },
  { id: 'hungKings', name: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" }, date: { calendar: 'lunar', month: 3, day: 10 }, days: 1, startOffset: 0, compensatory: true, effectiveFrom: '2013-05-01', legalBasis: LABOUR_CODE_2019 },
  { id: 'victoryDay', name: { vi: 'Ngày Chiến thắng', en: 'Victory Day' }, date: { calendar: 'solar', month: 4, day: 30 }, days: 1, startOffset: 0, compensatory: true, effectiveFrom: '2013-05-01', legalBasis: LABOUR_CODE_2019 },
  { id: 'labourDay', name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' }, date: { calendar: 'solar', month: 5, day: 1 }, days: 1, startOffset: 0, compensatory: true, effectiveFrom: '2013-05-01', legalBasis: LABOUR_CODE_2019 },
  { id: 'nationalDay', name: { vi: 'Quốc khánh', en: 'National Day' }, date: { calendar: 'solar', month: 9, day: 2 }, days: 1, startOffset: 0, compensatory: true, effectiveFrom: '2013-05-01', effectiveTo: '2020-12-31', legalBasis: LABOUR_CODE_2012 },
  {
    id: 'nationalDay',
    name: { vi: 'Quốc khánh', en: 'National Day' },
    date: { calendar: 'solar', month: 9, day: 2 },
    days: 2,
    startOffset: -1,
    compensatory: true,
    effectiveFrom: '2021-01-01',
    legalBasis: LABOUR_CODE_2019,
    note: '2 September and one adjacent day chosen each year; by rule, 1 September.',
  },
];

/**
 * Vietnam Culture Day (24 November), chosen by Politburo Resolution 80-NQ/TW (7 January 2026) as a paid day off;
 * the amendment of Labour Code Art. 112 was not yet law in the sources. Not in the default calendar: add it with
 * the effective date once enacted.
 */
export const PENDING_HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    id: 'cultureDay',
    name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
    date: { calendar: 'solar', month: 11, day: 24 },
    days: 1,
    startOffset: 0,
    compensatory: true,
    effectiveFrom: '2026-11-24',
    legalBasis: { document: '80-NQ/TW; 30/NQ-CP', verification: 'unconfirmed', source: SOURCE },
    note: 'Pending: the effective date here is a placeholder until the amendment is enacted.',
  },
];

/** The schedules announced for civil servants, 2022-2026, occasion by occasion, with their acts. */
export const ANNOUNCED_SCHEDULES: readonly HolidaySchedule[] = [
  { year: 2022, occasion: 'newYear', daysOff: [{ date: '2022-01-01', kind: 'holiday' }, { date: '2022-01-03', kind: 'compensatory' }], makeUpDays: [], status: 'derivedFromRule', note: 'No announcement found; derived from the rule.' },
  { year: 2022, occasion: 'tet', daysOff: [{ date: '2022-01-31', kind: 'holiday' }, { date: '2022-02-01', kind: 'holiday' }, { date: '2022-02-02', kind: 'holiday' }, { date: '2022-02-03', kind: 'holiday' }, { date: '2022-02-04', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: '245/VPCP-KGVX (11/01/2022)', verification: 'confirmed', source: SOURCE } },
  { year: 2022, occasion: 'hungKings', daysOff: [{ date: '2022-04-10', kind: 'holiday' }, { date: '2022-04-11', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2022, occasion: 'victoryDay', daysOff: [{ date: '2022-04-30', kind: 'holiday' }, { date: '2022-05-02', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2022, occasion: 'labourDay', daysOff: [{ date: '2022-05-01', kind: 'holiday' }, { date: '2022-05-03', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2022, occasion: 'nationalDay', daysOff: [{ date: '2022-09-01', kind: 'holiday' }, { date: '2022-09-02', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: '245/VPCP-KGVX (11/01/2022)', verification: 'confirmed', source: SOURCE } },
  { year: 2023, occasion: 'newYear', daysOff: [{ date: '2023-01-01', kind: 'holiday' }, { date: '2023-01-02', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2023, occasion: 'tet', daysOff: [{ date: '2023-01-20', kind: 'compensatory' }, { date: '2023-01-21', kind: 'holiday' }, { date: '2023-01-22', kind: 'holiday' }, { date: '2023-01-23', kind: 'holiday' }, { date: '2023-01-24', kind: 'holiday' }, { date: '2023-01-25', kind: 'holiday' }, { date: '2023-01-26', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: '8056/VPCP-KGVX (01/12/2022)', verification: 'confirmed', source: SOURCE }, note: 'Off Fri 20/1 to Thu 26/1: 5 statutory days and 2 compensatory days for the weekend overlap; which two are compensatory is not recorded in the source.' },
  { year: 2023, occasion: 'hungKings', daysOff: [{ date: '2023-04-29', kind: 'holiday' }, { date: '2023-05-02', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2023, occasion: 'victoryDay', daysOff: [{ date: '2023-04-30', kind: 'holiday' }, { date: '2023-05-03', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2023, occasion: 'labourDay', daysOff: [{ date: '2023-05-01', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2023, occasion: 'nationalDay', daysOff: [{ date: '2023-09-01', kind: 'holiday' }, { date: '2023-09-02', kind: 'holiday' }, { date: '2023-09-04', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: '8056/VPCP-KGVX (01/12/2022)', verification: 'confirmed', source: SOURCE } },
  { year: 2024, occasion: 'newYear', daysOff: [{ date: '2024-01-01', kind: 'holiday' }], makeUpDays: [], status: 'derivedFromRule' },
  { year: 2024, occasion: 'tet', daysOff: [{ date: '2024-02-08', kind: 'compensatory' }, { date: '2024-02-09', kind: 'holiday' }, { date: '2024-02-10', kind: 'holiday' }, { date: '2024-02-11', kind: 'holiday' }, { date: '2024-02-12', kind: 'holiday' }, { date: '2024-02-13', kind: 'holiday' }, { date: '2024-02-14', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: '8662/VPCP-KGVX', verification: 'confirmed', source: SOURCE }, note: 'Off Thu 8/2 to Wed 14/2: 5 statutory days and 2 compensatory days; which two are compensatory is not recorded in the source.' },
  { year: 2024, occasion: 'hungKings', daysOff: [{ date: '2024-04-18', kind: 'holiday' }], makeUpDays: [], status: 'derivedFromRule' },
  { year: 2024, occasion: 'victoryDay', daysOff: [{ date: '2024-04-29', kind: 'swapped' }, { date: '2024-04-30', kind: 'holiday' }], makeUpDays: ['2024-05-04'], status: 'announced', legalBasis: { document: '2450/VPCP-KGVX (2024)', verification: 'confirmed', source: SOURCE } },
  { year: 2024, occasion: 'labourDay', daysOff: [{ date: '2024-05-01', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: '2450/VPCP-KGVX (2024)', verification: 'confirmed', source: SOURCE } },
  { year: 2024, occasion: 'nationalDay', daysOff: [{ date: '2024-09-02', kind: 'holiday' }, { date: '2024-09-03', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: '8662/VPCP-KGVX', verification: 'confirmed', source: SOURCE } },
  { year: 2025, occasion: 'newYear', daysOff: [{ date: '2025-01-01', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2025, occasion: 'tet', daysOff: [{ date: '2025-01-27', kind: 'holiday' }, { date: '2025-01-28', kind: 'holiday' }, { date: '2025-01-29', kind: 'holiday' }, { date: '2025-01-30', kind: 'holiday' }, { date: '2025-01-31', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: '8726/VPCP-KGVX (26/11/2024)', verification: 'confirmed', source: SOURCE } },
  { year: 2025, occasion: 'hungKings', daysOff: [{ date: '2025-04-07', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2025, occasion: 'victoryDay', daysOff: [{ date: '2025-04-30', kind: 'holiday' }], makeUpDays: ['2025-04-26'], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2025, occasion: 'labourDay', daysOff: [{ date: '2025-05-01', kind: 'holiday' }, { date: '2025-05-02', kind: 'swapped' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2025, occasion: 'nationalDay', daysOff: [{ date: '2025-09-01', kind: 'holiday' }, { date: '2025-09-02', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2026, occasion: 'newYear', daysOff: [{ date: '2026-01-01', kind: 'holiday' }, { date: '2026-01-02', kind: 'swapped' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'Government Office letter of 25/12/2025', verification: 'confirmed', source: SOURCE }, note: 'The make-up Saturday for the swapped 2/1 is not established in the source.' },
  { year: 2026, occasion: 'tet', daysOff: [{ date: '2026-02-16', kind: 'holiday' }, { date: '2026-02-17', kind: 'holiday' }, { date: '2026-02-18', kind: 'holiday' }, { date: '2026-02-19', kind: 'holiday' }, { date: '2026-02-20', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: '9441/TB-BNV (16/10/2025)', verification: 'confirmed', source: SOURCE } },
  { year: 2026, occasion: 'hungKings', daysOff: [{ date: '2026-04-26', kind: 'holiday' }, { date: '2026-04-27', kind: 'compensatory' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2026, occasion: 'victoryDay', daysOff: [{ date: '2026-04-30', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
  { year: 2026, occasion: 'labourDay', daysOff: [{ date: '2026-05-01', kind: 'holiday' }], makeUpDays: [], status: 'announced', legalBasis: { document: 'announced (act not named in the source)', verification: 'partlyConfirmed', source: SOURCE } },
];
