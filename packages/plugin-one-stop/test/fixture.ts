import { parseCatalogue, parseDossierExport, type OneStopOptions } from '../src/index.js';

/** A small catalogue: one procedure per processing-time unit, a postal one, one requiring presence, a Treasury one. */
export const catalogueInput = {
  source: 'test fixture (illustrative)',
  illustrative: true,
  procedures: [
    { code: 'WD3', name: 'Three working days', sector: 'Hộ tịch', level: 'commune', competentBody: 'UBND xã', processingTime: { unit: 'workingDays', amount: 3 }, publication: { decision: 'QĐ 1/QĐ-UBND', effectiveFrom: '2020-01-01' }, onlineLevel: 'fullyOnline', postalEligible: true, fees: [{ name: 'lệ phí', amountVnd: 8000 }] },
    { code: 'WD1', name: 'One working day', sector: 'Chứng thực', level: 'commune', competentBody: 'UBND xã', processingTime: { unit: 'workingDays', amount: 1 }, publication: { decision: 'QĐ 1/QĐ-UBND', effectiveFrom: '2020-01-01' }, onlineLevel: 3, postalEligible: false, personalPresenceRequired: true },
    { code: 'CD15', name: 'Fifteen calendar days', sector: 'Đất đai', level: 'district', competentBody: 'UBND huyện', processingTime: { unit: 'calendarDays', amount: 15 }, publication: { decision: 'QĐ 2/QĐ-UBND', effectiveFrom: '2020-01-01' }, onlineLevel: 2, postalEligible: true, supplementWindowWorkingDays: 3 },
    { code: 'SD', name: 'Same day', sector: 'Chứng thực', level: 'commune', competentBody: 'UBND xã', processingTime: { unit: 'sameDay' }, publication: { decision: 'QĐ 1/QĐ-UBND', effectiveFrom: '2020-01-01' }, onlineLevel: 'none', postalEligible: false },
    { code: 'KB8', name: 'Treasury account', sector: 'Kho bạc Nhà nước', level: 'province', competentBody: 'Kho bạc', processingTime: { unit: 'workingHours', amount: 8 }, publication: { decision: 'QĐ 3/QĐ-BTC', effectiveFrom: '2020-01-01' }, onlineLevel: 'fullyOnline', postalEligible: false },
  ],
};

export const catalogue = parseCatalogue(catalogueInput);

let n = 0;
/** A received counter dossier with a receipt slip and a scan; override what the test is about. */
export function dossier(over: Record<string, unknown> = {}): Record<string, unknown> {
  const receivedAt = (over['receivedAt'] as string | undefined) ?? '2022-03-15T09:00';
  const day = receivedAt.slice(0, 10);
  return {
    code: `HS-${++n}`,
    procedureCode: 'WD3',
    unitId: 'c1',
    receivingPoint: 'one-stop desk c1',
    channel: 'counter',
    submittedAt: receivedAt,
    receivedAt,
    scannedAt: receivedAt,
    forms: [{ kind: 'receiptSlip', on: day }],
    ...over,
  };
}

/** Plugin options over some dossiers. */
export const optionsWith = (dossiers: Record<string, unknown>[], more: Partial<OneStopOptions> = {}): OneStopOptions => ({ catalogue: catalogueInput as OneStopOptions['catalogue'], dossiers: dossiers as OneStopOptions['dossiers'], ...more });

/** A run context on a date (noon in Vietnam). */
export const contextOn = (date: string, unitId = 'c1', period = date.slice(0, 4)) => ({ unitId, period, now: new Date(`${date}T12:00:00+07:00`), referenceDate: date });

export const exportOf = (dossiers: Record<string, unknown>[]) => parseDossierExport({ source: 'test', dossiers });
