// Writes examples/phong-tho-2022/data/e-documents/registers-2022-illustrative.json: an ILLUSTRATIVE year (2022) of
// document registers and work files for the Office of the People's Council and People's Committee (d109-vp) and two
// communes (c03589 Mường So, c03583 Khổng Lào), made up to show the plugin, with three planted defects. Every count
// follows from the construction below, so the example's tests compute their expectations by hand.
// Run: npx tsx --conditions=@par/source packages/plugin-e-documents/scripts/make-phong-tho-registers.ts
import { writeFileSync } from 'node:fs';
import { addDays, defaultCalendar, type CivilDate } from '@par/calendar';
import { parseWithSchema } from '@par/calendar';
import { EDocumentsOptionsSchema, type EDocumentsOptions } from '../src/index.js';

const calendar = defaultCalendar();
const NOTICE = 'phong-tho-tb-2022-09-07';
const NOTICE_DAY = '2022-09-07';

/** The working days of 2022 in order. */
const workingDays: CivilDate[] = [];
for (let d = '2022-01-01'; d <= '2022-12-31'; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) workingDays.push(d);

const pad = (n: number) => String(n).padStart(2, '0');
/** A time in office hours that varies with n: 08:00 plus (n * 37 mod 420) minutes, so at most 15:00. */
const at = (day: CivilDate, n: number, plusMinutes = 0) => {
  const m = 8 * 60 + ((n * 37) % 420) + plusMinutes;
  return `${day}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00+07:00`;
};

/**
 * The dates of `count` entries spread over the working days of 2022 in number order (entry i on working day
 * floor(i * days / count)); the first entry on or after the notice's day is moved to that day (order is kept).
 */
function datesOf(count: number): { dates: CivilDate[]; noticeIndex: number } {
  const dates = Array.from({ length: count }, (_, i) => workingDays[Math.floor((i * workingDays.length) / count)]!);
  const noticeIndex = dates.findIndex((d) => d >= NOTICE_DAY);
  dates[noticeIndex] = NOTICE_DAY;
  return { dates, noticeIndex };
}

type Unit = EDocumentsOptions['units'][number];
type Outgoing = NonNullable<Unit['outgoing']>[number];
type Incoming = NonNullable<Unit['incoming']>[number];

/** Outgoing entries numbered `numbers`, paper where `paper(n)`, classified where `classified(n)`. */
function outgoingRegister(registerId: string, symbol: string, numbers: number[], paper: (n: number) => boolean, classified: (n: number) => boolean, over: (n: number) => Partial<Outgoing> = () => ({})): Outgoing[] {
  const { dates } = datesOf(numbers.length);
  return numbers.map((n, i) => {
    const day = dates[i]!;
    const electronic = !paper(n);
    return {
      registerId,
      number: n,
      symbol,
      date: day,
      summary: `Văn bản số ${n}`,
      form: electronic ? 'electronic' : 'paper',
      ...(classified(n) && { classified: true }),
      ...(electronic && { signerSignature: { signedAt: at(day, n), validation: 'valid' as const }, organisationSignature: { signedAt: at(day, n, 5), validation: 'valid' as const } }),
      registeredAt: at(day, n, 10),
      dispatchedAt: at(day, n, 30),
      channel: electronic ? 'documentSystem' : 'post',
      recipients: [{ name: 'Các cơ quan, đơn vị liên quan' }],
      filedCopy: true,
      ...over(n),
    };
  });
}

/** Incoming entries 1..count, paper where `paper(n)`, urgent where `urgent(n)`; the notice's entry links to its items. */
function incomingRegister(registerId: string, count: number, paper: (n: number) => boolean, urgent: (n: number) => boolean, items: string[], noticeEntry: (day: CivilDate) => Partial<Incoming> = () => ({})): Incoming[] {
  const { dates, noticeIndex } = datesOf(count);
  return dates.map((day, i) => {
    const n = i + 1;
    const electronic = !paper(n);
    const receivedAt = at(day, n);
    const entry: Incoming = {
      registerId,
      number: n,
      receivedAt,
      from: n % 3 === 0 ? 'Sở Nội vụ tỉnh Lai Châu' : 'UBND tỉnh Lai Châu',
      form: electronic ? 'electronic' : 'paper',
      ...(urgent(n) && { urgency: 'urgent' as const }),
      ...(electronic && { signatureValidation: { result: 'valid' as const, checkedAt: at(day, n, 2) }, acknowledgedAt: at(day, n, 3) }),
      registeredAt: at(day, n, 5),
      handedOverAt: at(day, n, 30),
    };
    if (i !== noticeIndex) return entry;
    return { ...entry, from: 'UBND huyện Phong Thổ', senderReference: 'TB-UBND', senderDate: NOTICE_DAY, summary: 'Thông báo kết luận về kết quả Chỉ số CCHC năm 2021', form: 'electronic', directive: { documentId: NOTICE, itemLabels: items }, ...noticeEntry(day) };
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const files = (prefix: string, year: number, count: number, online: (i: number) => boolean, over: (i: number) => Record<string, unknown> = () => ({})) =>
  range(1, count).map((i) => ({ id: `${prefix}-${year}-${pad(i)}`, title: `Hồ sơ công việc ${prefix} ${year} số ${i}`, workEndedYear: year, handledOnline: online(i), ...over(i) }));

const OFFICE_ITEMS = ['(2)', '(3)', '(5)', '(7)', '(9)'];
const COMMUNE_ITEMS = ['(2)', '(9)'];

const options: EDocumentsOptions = {
  units: [
    {
      // the Office keeps the People's Committee's outgoing register (UBND-DI) and its own incoming register
      unitId: 'd109-vp',
      illustrative: true,
      // numbers 1-151 without 97 (planted gap); multiples of 12 on paper, 60 and 120 classified; the notice is the entry dated 07/09
      outgoing: outgoingRegister('UBND-DI', 'UBND', [...range(1, 96), ...range(98, 151)], (n) => n % 12 === 0, (n) => n === 60 || n === 120).map((d, i, all) =>
        i === all.findIndex((x) => x.date === NOTICE_DAY) ? { ...d, symbol: 'TB-UBND', summary: 'Thông báo kết luận về kết quả Chỉ số CCHC năm 2021', directiveDocumentId: NOTICE } : d,
      ),
      // 200 entries; multiples of 8 on paper, of 25 urgent
      incoming: incomingRegister('VP-DEN', 200, (n) => n % 8 === 0, (n) => n % 25 === 0, OFFICE_ITEMS),
      // 2021 files in the current archive on 15/03/2022 (VP-2021-01 permanent); 2022 files, 4, 8 and 12 handled on paper
      workFiles: [...files('VP', 2021, 10, () => true, (i) => ({ currentArchiveOn: '2022-03-15', ...(i === 1 && { permanent: true }) })), ...files('VP', 2022, 12, (i) => i % 4 !== 0)],
    },
    {
      unitId: 'c03589',
      illustrative: true,
      // 40 entries, multiples of 5 on paper
      outgoing: outgoingRegister('DI', 'UBND', range(1, 40), (n) => n % 5 === 0, () => false),
      // 100 entries, multiples of 10 on paper; the notice received 07/09 at 16:30 and handed over only on Friday 09/09 (planted: due Thursday 08/09)
      incoming: incomingRegister('DEN', 100, (n) => n % 10 === 0, () => false, COMMUNE_ITEMS, (day) => ({
        receivedAt: `${day}T16:30:00+07:00`,
        signatureValidation: { result: 'valid', checkedAt: `${day}T16:32:00+07:00` },
        acknowledgedAt: `${day}T16:33:00+07:00`,
        registeredAt: `${day}T16:40:00+07:00`,
        handedOverAt: '2022-09-09T08:00:00+07:00',
      })),
      workFiles: files('MS', 2022, 5, (i) => i !== 5),
    },
    {
      unitId: 'c03583',
      illustrative: true,
      // 30 entries, multiples of 6 on paper; number 17 electronic without the signer's signature (planted)
      outgoing: outgoingRegister('DI', 'UBND', range(1, 30), (n) => n % 6 === 0, () => false, (n) => (n === 17 ? { signerSignature: undefined } : {})),
      // 80 entries, multiples of 10 on paper
      incoming: incomingRegister('DEN', 80, (n) => n % 10 === 0, () => false, COMMUNE_ITEMS),
      workFiles: files('KL', 2022, 4, () => true),
    },
  ],
  assignments: [
    ...OFFICE_ITEMS.map((itemLabel) => ({ unitId: 'd109-vp', documentId: NOTICE, itemLabel, issuedOn: NOTICE_DAY })),
    ...['c03589', 'c03583'].flatMap((unitId) => COMMUNE_ITEMS.map((itemLabel) => ({ unitId, documentId: NOTICE, itemLabel, issuedOn: NOTICE_DAY }))),
  ],
};

// drop the keys set to undefined (number 17's signature) so the file holds only what a register holds
const json = JSON.parse(JSON.stringify(options));
parseWithSchema('Phong Thổ registers', EDocumentsOptionsSchema, json);
// one record per line: readable, and a change to one entry is a one-line diff
const lines = (xs: unknown[]) => `[\n${xs.map((x) => `      ${JSON.stringify(x)}`).join(',\n')}\n    ]`;
const units = (json.units as Record<string, unknown>[]).map(
  (u) => `    {\n      "unitId": ${JSON.stringify(u['unitId'])},\n      "illustrative": true,\n      "outgoing": ${lines(u['outgoing'] as unknown[]).replace(/\n/g, '\n  ')},\n      "incoming": ${lines(u['incoming'] as unknown[]).replace(/\n/g, '\n  ')},\n      "workFiles": ${lines(u['workFiles'] as unknown[]).replace(/\n/g, '\n  ')}\n    }`,
);
const text = `{\n  "units": [\n${units.join(',\n')}\n  ],\n  "assignments": ${lines(json.assignments).replace(/\n {4}\]$/, '\n  ]').replace(/\n {6}/g, '\n    ')}\n}\n`;
if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(json)) throw new Error('the written file does not read back as the options');
writeFileSync(new URL('../../../examples/phong-tho-2022/data/e-documents/registers-2022-illustrative.json', import.meta.url), text);
console.log('wrote examples/phong-tho-2022/data/e-documents/registers-2022-illustrative.json');
