import { createPar, type Finding } from '@par/core';
import { createEDocumentsPlugin, type EDocumentsOptions } from '../src/index.js';

/** One unit's records as the options take them. */
export type RecordsInput = EDocumentsOptions['units'][number];
type Outgoing = NonNullable<RecordsInput['outgoing']>[number];
type Incoming = NonNullable<RecordsInput['incoming']>[number];
type WorkFileInput = NonNullable<RecordsInput['workFiles']>[number];

const signatures = (at: string) => ({ signerSignature: { signedAt: at, by: 'Lò Văn A', validation: 'valid' as const }, organisationSignature: { signedAt: at, by: 'UBND huyện', validation: 'valid' as const } });

/** An electronic outgoing document that passes every check: numbered, signed, registered and dispatched at `at`. */
export const outgoing = (number: number, date: string, over: Partial<Outgoing> = {}): Outgoing => ({
  registerId: 'VP-DI',
  number,
  symbol: 'TB-UBND',
  date,
  summary: 'Thông báo',
  form: 'electronic',
  ...signatures(`${date}T09:00:00+07:00`),
  registeredAt: `${date}T09:05:00+07:00`,
  dispatchedAt: `${date}T09:30:00+07:00`,
  channel: 'documentSystem',
  recipients: [{ name: 'UBND xã Mường So' }],
  filedCopy: true,
  ...over,
});

/** An electronic incoming document received at `receivedAt` and handled within the hour. */
export const incoming = (number: number, receivedAt: string, over: Partial<Incoming> = {}): Incoming => {
  const later = (minutes: number) => new Date(Date.parse(receivedAt) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return {
    registerId: 'VP-DEN',
    number,
    receivedAt,
    from: 'UBND tỉnh Lai Châu',
    form: 'electronic',
    signatureValidation: { result: 'valid', checkedAt: later(1) },
    acknowledgedAt: later(2),
    registeredAt: later(3),
    handedOverAt: later(4),
    ...over,
  };
};

/** A work file. */
export const workFile = (id: string, workEndedYear: number, over: Partial<WorkFileInput> = {}): WorkFileInput => ({ id, title: `Hồ sơ ${id}`, workEndedYear, handledOnline: true, ...over });

/**
 * The Office's records in September 2022, clean: outgoing 1, 2 electronic and signed, 3 paper and classified
 * (dispatched the next working day after a Friday); incoming 1 electronic, 2 paper received on a Friday afternoon and
 * handled on Monday; work files of 2021 (archived) and 2022 (one handled online).
 */
export function good(): RecordsInput & { outgoing: Outgoing[]; incoming: Incoming[]; workFiles: WorkFileInput[] } {
  return {
    unitId: 'vp',
    outgoing: [
      outgoing(1, '2022-09-05'),
      outgoing(2, '2022-09-07', { registeredAt: '2022-09-07T15:00:00+07:00', dispatchedAt: '2022-09-08T08:00:00+07:00' }),
      outgoing(3, '2022-09-09', { form: 'paper', classified: true, signerSignature: undefined, organisationSignature: undefined, registeredAt: '2022-09-09T16:00:00+07:00', dispatchedAt: '2022-09-12T08:00:00+07:00', channel: 'post' }),
    ],
    incoming: [
      incoming(1, '2022-09-07T10:00:00+07:00'),
      { registerId: 'VP-DEN', number: 2, receivedAt: '2022-09-09T16:50:00+07:00', from: 'Sở Nội vụ', form: 'paper', registeredAt: '2022-09-12T08:00:00+07:00', handedOverAt: '2022-09-12T09:00:00+07:00' },
    ],
    workFiles: [workFile('HS-2021-01', 2021, { currentArchiveOn: '2022-06-15' }), workFile('HS-2022-01', 2022, { handledOnline: false }), workFile('HS-2022-02', 2022)],
  };
}

/** The instant 10:00 in Vietnam on a date. */
export const at = (date: string) => Date.parse(`${date}T10:00:00+07:00`);

/** Runs every check on one unit at 10:00 on `date` for `period` (the date's month by default). */
export const run = (records: RecordsInput, date: string, period = date.slice(0, 7), options: Partial<EDocumentsOptions> = {}) =>
  createPar({ plugins: [createEDocumentsPlugin({ units: [records], ...options })] }).runChecks({ unitIds: [records.unitId], period, now: at(date) });

/** The metrics of one unit at 10:00 on `date`. */
export async function metricsOf(records: RecordsInput, date: string, period = date.slice(0, 7), options: Partial<EDocumentsOptions> = {}) {
  const { metrics, errors } = await createPar({ plugins: [createEDocumentsPlugin({ units: [records], ...options })] }).computeMetrics({ unitIds: [records.unitId], period, now: at(date) });
  if (errors.length > 0) throw new Error(errors.map((e) => e.message.en).join('; '));
  return Object.fromEntries(metrics.map((m) => [m.metricId, m.value]));
}

/** `check ruleId severity kind:id dueDate` of the findings (of one check). */
export const ids = (findings: Finding[], check?: string) =>
  findings.filter((f) => !check || f.checkId === check).map((f) => `${f.checkId} ${f.ruleId} ${f.severity} ${f.subject.kind}:${f.subject.id}${f.dueDate ? ` ${f.dueDate}` : ''}`);
