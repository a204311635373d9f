// Generates plugin-options.json: an ILLUSTRATIVE year (2022) of one-stop dossiers for Phong Thổ's 17 commune-level
// units, for @par/plugin-one-stop. Every commune gets 60 dossiers handled well (5 a month, returned on the receipt
// day); a few planted ones carry the defects the example shows. Run: npx tsx data/one-stop/generate.ts (from the
// example folder). A test checks the committed file is what this makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultCalendar, toDayNumber } from '@par/calendar';
import { dossierAppointment, type OneStopOptions, type ProcessingTime } from '@par/plugin-one-stop';

/** The 17 commune-level units of Phong Thổ in 2022 (16 communes and the town), from `data/units.json`. */
export const COMMUNES = ['c03391', 'c03490', 'c03549', 'c03550', 'c03553', 'c03559', 'c03562', 'c03565', 'c03568', 'c03571', 'c03574', 'c03577', 'c03580', 'c03583', 'c03586', 'c03589', 'c03592'];

const here = (name: string) => new URL(name, import.meta.url);
const catalogue = JSON.parse(readFileSync(here('catalogue-illustrative.json'), 'utf8')) as { procedures: { code: string; level: string; onlineLevel: string; processingTime: ProcessingTime }[] };
const communeProcedures = catalogue.procedures.filter((p) => p.level === 'commune');
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** The dossiers handled well: received on days 1, 4, 7, 10, 13 of each month (or the next working day), returned at 16:30 that day. */
function baseDossiers(): Record<string, unknown>[] {
  const calendar = defaultCalendar();
  const out: Record<string, unknown>[] = [];
  COMMUNES.forEach((unitId, u) => {
    for (let month = 1; month <= 12; month++) {
      for (let k = 0; k < 5; k++) {
        const day = calendar.workingDayOnOrAfter(`2022-${pad(month)}-${pad(1 + 3 * k)}`);
        const p = communeProcedures[(u * 7 + month * 5 + k) % communeProcedures.length]!;
        const online = p.onlineLevel !== 'none' && (u + month + k) % 3 === 0;
        const received = `${day}T${clock(8 * 60 + ((u * 37 + k * 71) % 360))}`; // 08:00-13:59
        const n = out.length;
        out.push({
          code: `PT-${unitId.slice(1)}-2022-${pad(month)}${k}`,
          procedureCode: p.code,
          unitId,
          receivingPoint: online ? 'Cổng dịch vụ công' : `Bộ phận một cửa ${unitId}`,
          channel: online ? 'online' : 'counter',
          submittedAt: received,
          receivedAt: received,
          ...(online ? { onlineResponseAt: received } : { scannedAt: received }),
          appointmentOnReceipt: dossierAppointment(p.processingTime, received).date,
          forms: [{ kind: 'receiptSlip', on: day }],
          transfers: [{ at: received, from: 'Bộ phận một cửa', to: unitId }],
          resultDigitised: n % 2 === 0,
          reusedDocuments: n % 5 === 0 ? 1 : 0,
          onlinePayment: online && n % 2 === 1,
          resultReadyAt: `${day}T16:00`,
          returnedAt: `${day}T16:30`,
          ...(n % 4 === 0 ? { rating: n % 20 === 0 ? 'unsatisfied' : 'satisfied' } : {}),
        });
      }
    }
  });
  return out;
}

const planted = (code: string, unitId: string, procedureCode: string, received: string, more: Record<string, unknown>) => ({
  code,
  procedureCode,
  unitId,
  receivingPoint: `Bộ phận một cửa ${unitId}`,
  channel: 'counter',
  submittedAt: received,
  receivedAt: received,
  scannedAt: received,
  forms: [{ kind: 'receiptSlip', on: received.slice(0, 10) }],
  ...more,
});

/** The planted dossiers; the example's test names what each should produce. */
export const PLANTED = [
  // X03 (3 working days) received Thu 10/03: due Tue 15/03; apology on Mon 14/03 (the last allowed day); returned 17/03
  planted('PT-LATE-1', 'c03549', 'PT-X03', '2022-03-10T09:00', {
    appointmentOnReceipt: '2022-03-15',
    forms: [{ kind: 'receiptSlip', on: '2022-03-10' }, { kind: 'apologySlip', on: '2022-03-14', newAppointment: '2022-03-18' }],
    extensions: [{ agreedOn: '2022-03-14', newAppointment: '2022-03-18' }],
    returnedAt: '2022-03-17T10:00',
  }),
  // received Mon 06/06: due Thu 09/06; returned Mon 13/06, no apology
  planted('PT-LATE-2', 'c03549', 'PT-X03', '2022-06-06T09:00', { appointmentOnReceipt: '2022-06-09', returnedAt: '2022-06-13T10:00' }),
  // received Wed 24/08: due Mon 29/08; apology on 29/08, after the last allowed day (Fri 26/08); returned 31/08
  planted('PT-LATE-3', 'c03549', 'PT-X03', '2022-08-24T09:00', {
    appointmentOnReceipt: '2022-08-29',
    forms: [{ kind: 'receiptSlip', on: '2022-08-24' }, { kind: 'apologySlip', on: '2022-08-29' }],
    returnedAt: '2022-08-31T10:00',
  }),
  // X05 (5 working days) received Wed 26/01, before Tết: 27/01, 28/01, then 07/02, 08/02, 09/02; returned 11/02, no apology
  planted('PT-LATE-4', 'c03553', 'PT-X05', '2022-01-26T09:00', { appointmentOnReceipt: '2022-02-09', returnedAt: '2022-02-11T10:00' }),
  // by post, a procedure the postal service may carry (X03): signed Tue 10/05 10:00, returned that day
  planted('PT-POST-1', 'c03586', 'PT-X03', '2022-05-10T10:00', { channel: 'postal', postal: { trackingId: 'EMS-LC-0001', handoverSignedAt: '2022-05-10T10:00', returnByPost: true }, appointmentOnReceipt: '2022-05-13', returnedAt: '2022-05-10T16:30' }),
  // by post, marriage registration, which requires personal presence (X02)
  planted('PT-POST-2', 'c03586', 'PT-X02', '2022-05-10T10:30', { channel: 'postal', postal: { trackingId: 'EMS-LC-0002', handoverSignedAt: '2022-05-10T10:30' }, appointmentOnReceipt: '2022-05-13', returnedAt: '2022-05-10T16:30' }),
  // received without a receipt slip (X03, Tue 05/04), returned the same day
  planted('PT-NOSLIP', 'c03577', 'PT-X03', '2022-04-05T09:00', { forms: [], returnedAt: '2022-04-05T16:30' }),
];

/** The options of the one-stop plugin for the example. */
export function makeOneStopOptions(): OneStopOptions {
  return {
    catalogue: catalogue as OneStopOptions['catalogue'],
    dossiers: [...baseDossiers(), ...PLANTED] as OneStopOptions['dossiers'],
    registers: [
      {
        kind: 'counterRegister',
        unitId: 'c03549',
        source: 'ILLUSTRATIVE counter register (sổ theo dõi hồ sơ) of Thị trấn Phong Thổ, 2022: two entries never entered in the one-stop system',
        entries: [{ dossierCode: 'PT-03549-2022-010' }, { dossierCode: 'PT-SO-2022-0901', receivedOn: '2022-09-05' }, { dossierCode: 'PT-SO-2022-0902', receivedOn: '2022-09-06' }],
      },
    ],
    units: [{ unitId: 'd109', level: 'district' }, ...COMMUNES.map((unitId) => ({ unitId, level: 'commune' as const, parentId: 'd109' }))],
  };
}

/** The file this generator writes, as text. */
export const optionsFileText = () => `${JSON.stringify(makeOneStopOptions(), null, 1)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(here('plugin-options.json'), optionsFileText());
  console.log(`wrote data/one-stop/plugin-options.json (${toDayNumber('2022-12-31') - toDayNumber('2022-01-01') + 1} days, ${makeOneStopOptions().dossiers!.length} dossiers)`);
}

