import type { HolidayBasis, HolidayRule, HolidayRuleSet, HolidaySchedule, WeeklyRest } from './holiday-schema.js';

/** Where these facts were read: a copy ships with this package. */
const SOURCE = 'data/holidays-vn.md (package @par/calendar)';

const basis = (document: string, article: string | undefined, verification: HolidayBasis['verification']): HolidayBasis => ({
  document,
  ...(article ? { article } : {}),
  verification,
  source: SOURCE,
});

const LABOUR_CODE_1994 = basis('Bộ luật Lao động 1994', 'Điều 73', 'confirmed');
const AMENDMENT_2007 = basis('Luật sửa đổi, bổ sung Điều 73 của Bộ luật Lao động (2007)', 'Điều 73', 'confirmed');
const LABOUR_CODE_2012 = basis('Bộ luật Lao động 10/2012/QH13', 'Điều 115', 'confirmed');
const LABOUR_CODE_2019 = basis('Bộ luật Lao động 45/2019/QH14', 'Điều 112', 'confirmed');

/**
 * The acts that set the public holidays, by period (data/holidays-vn.md, "Earlier rule sets"): the Labour Code 1994
 * from 1 January 1995, its 2007 amendment, the 2012 Code from 1 May 2013 and the 2019 Code from 2021, each with the
 * provision for compensatory days. Before 1995 no rules were collected: the default calendar says `noRules` for
 * those years and refuses working-day arithmetic on them.
 */
export const HOLIDAY_RULE_SETS: readonly HolidayRuleSet[] = [
  {
    id: 'labourCode1994',
    name: { vi: 'Bộ luật Lao động 1994', en: 'Labour Code 1994' },
    effectiveFrom: '1995-01-01',
    effectiveTo: '2006-12-31',
    legalBasis: LABOUR_CODE_1994,
    compensatoryBasis: LABOUR_CODE_1994,
    note: '8 days: New Year 1, Tết 4, 30 April 1, 1 May 1, 2 September 1; a holiday on the weekly rest day gives the next day off.',
  },
  {
    id: 'labourCode1994Amended2007',
    name: { vi: 'Bộ luật Lao động 1994, sửa đổi 2007', en: 'Labour Code 1994 as amended in 2007' },
    effectiveFrom: '2007-01-01',
    effectiveTo: '2013-04-30',
    legalBasis: AMENDMENT_2007,
    compensatoryBasis: LABOUR_CODE_1994,
    note: "9 days: adds the Hùng Kings' Commemoration (10/3 lunar) from 2007; its first year, 2007, is only partly confirmed.",
  },
  {
    id: 'labourCode2012',
    name: { vi: 'Bộ luật Lao động 2012', en: 'Labour Code 2012' },
    effectiveFrom: '2013-05-01',
    effectiveTo: '2020-12-31',
    legalBasis: LABOUR_CODE_2012,
    compensatoryBasis: LABOUR_CODE_2012,
    note: '10 days: New Year 1, Tết 5, Giỗ Tổ 1, 30 April 1, 1 May 1, 2 September 1.',
  },
  {
    id: 'labourCode2019',
    name: { vi: 'Bộ luật Lao động 2019', en: 'Labour Code 2019' },
    effectiveFrom: '2021-01-01',
    legalBasis: LABOUR_CODE_2019,
    compensatoryBasis: basis('Bộ luật Lao động 45/2019/QH14', 'Điều 111 khoản 3', 'confirmed'),
    note: '11 days: National Day has two.',
  },
];

type Occasion = 'newYear' | 'tet' | 'hungKings' | 'victoryDay' | 'labourDay' | 'nationalDay';
const NAMES: Record<Occasion, HolidayRule['name']> = {
  newYear: { vi: 'Tết Dương lịch', en: 'New Year' },
  tet: { vi: 'Tết Nguyên Đán', en: 'Lunar New Year' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" },
  victoryDay: { vi: 'Ngày Chiến thắng', en: 'Victory Day' },
  labourDay: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh', en: 'National Day' },
};
const DATES: Record<Occasion, HolidayRule['date']> = {
  newYear: { calendar: 'solar', month: 1, day: 1 },
  tet: { calendar: 'lunar', month: 1, day: 1 },
  hungKings: { calendar: 'lunar', month: 3, day: 10 },
  victoryDay: { calendar: 'solar', month: 4, day: 30 },
  labourDay: { calendar: 'solar', month: 5, day: 1 },
  nationalDay: { calendar: 'solar', month: 9, day: 2 },
};

/** A statutory holiday of `days` days from `startOffset` days after its date, for the anchors in [from, to]. */
function rule(id: Occasion, days: number, startOffset: number, from: string, to: string | undefined, legalBasis: HolidayBasis, note?: string): HolidayRule {
  return { id, name: NAMES[id], date: DATES[id], days, startOffset, compensatory: true, effectiveFrom: from, ...(to ? { effectiveTo: to } : {}), legalBasis, ...(note ? { note } : {}) };
}

const TET_1994 = 'Four days; the sources give the count only: by rule the eve and the first three days (placement unconfirmed).';
const TET_5 = 'The exact five days are set each year by the Prime Minister; by rule: the eve and the first four days.';

/**
 * The statutory holidays of each rule set (see {@link HOLIDAY_RULE_SETS}), each in force for the anchor dates from
 * its `effectiveFrom` to its `effectiveTo`. Tết's days are fixed each year by the Prime Minister; by rule they
 * are the eve and the days after it. National Day's second day (from 2021) is chosen each year; by rule, the day
 * before 2 September.
 */
export const STATUTORY_HOLIDAY_RULES: readonly HolidayRule[] = [
  // Labour Code 1994 Art. 73, from 1 January 1995 (as amended in 2007, until 30 April 2013)
  rule('newYear', 1, 0, '1995-01-01', '2013-04-30', LABOUR_CODE_1994),
  rule('tet', 4, -1, '1995-01-01', '2013-04-30', LABOUR_CODE_1994, TET_1994),
  rule('victoryDay', 1, 0, '1995-01-01', '2013-04-30', LABOUR_CODE_1994),
  rule('labourDay', 1, 0, '1995-01-01', '2013-04-30', LABOUR_CODE_1994),
  rule('nationalDay', 1, 0, '1995-01-01', '2013-04-30', LABOUR_CODE_1994),
  // the 2007 amendment adds the Hùng Kings' day: partly confirmed for 2007, its first year
  rule('hungKings', 1, 0, '2007-01-01', '2007-12-31', { ...AMENDMENT_2007, verification: 'partlyConfirmed' }),
  rule('hungKings', 1, 0, '2008-01-01', '2013-04-30', AMENDMENT_2007),
  // Labour Code 2012 Art. 115, 1 May 2013 to 31 December 2020
  rule('newYear', 1, 0, '2013-05-01', '2020-12-31', LABOUR_CODE_2012),
  rule('tet', 5, -1, '2013-05-01', '2020-12-31', LABOUR_CODE_2012, TET_5),
  rule('hungKings', 1, 0, '2013-05-01', '2020-12-31', LABOUR_CODE_2012),
  rule('victoryDay', 1, 0, '2013-05-01', '2020-12-31', LABOUR_CODE_2012),
  rule('labourDay', 1, 0, '2013-05-01', '2020-12-31', LABOUR_CODE_2012),
  rule('nationalDay', 1, 0, '2013-05-01', '2020-12-31', LABOUR_CODE_2012),
  // Labour Code 2019 Art. 112, from 1 January 2021
  rule('newYear', 1, 0, '2021-01-01', undefined, LABOUR_CODE_2019),
  rule('tet', 5, -1, '2021-01-01', undefined, LABOUR_CODE_2019, TET_5),
  rule('hungKings', 1, 0, '2021-01-01', undefined, LABOUR_CODE_2019),
  rule('victoryDay', 1, 0, '2021-01-01', undefined, LABOUR_CODE_2019),
  rule('labourDay', 1, 0, '2021-01-01', undefined, LABOUR_CODE_2019),
  rule('nationalDay', 2, -1, '2021-01-01', undefined, LABOUR_CODE_2019, '2 September and one adjacent day chosen each year; by rule, 1 September.'),
];

/**
 * The weekly rest of state offices: Sunday only until the 40-hour week of Decision 188/1999/QĐ-TTg, Saturday and
 * Sunday from October 1999 (the first day, Saturday 2 October, partly confirmed).
 */
export const WEEKLY_REST: readonly WeeklyRest[] = [
  { effectiveFrom: '1900-01-01', days: [0], note: 'Before Decision 188/1999/QĐ-TTg Saturday was a working day (data/holidays-vn.md).' },
  {
    effectiveFrom: '1999-10-02',
    days: [0, 6],
    legalBasis: basis('Quyết định 188/1999/QĐ-TTg', undefined, 'partlyConfirmed'),
    note: 'The 40-hour week of state offices, in force from October 1999; the exact first day is partly confirmed.',
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
