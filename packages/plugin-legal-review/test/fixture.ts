import type { LegalReviewOptions } from '../src/index.js';

type RegisterInput = LegalReviewOptions['registers'][number];
type DocumentInput = RegisterInput['documents'][number];

/** A district People's Committee decision (or a People's Council resolution when the number says NQ-HĐND). */
export const doc = (number: string, signedOn: string, effectiveFrom: string, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  number,
  issuer: { unitId: 'd1', level: 'district', body: number.includes('NQ') ? 'peoplesCouncil' : 'peoplesCommittee' },
  signedOn,
  effectiveFrom,
  title: `Văn bản ${number}`,
  ...extra,
});

/** A register of unit d1 kept by its Justice office d1-tp. */
export const register = (extra: Partial<RegisterInput> = {}): RegisterInput => ({ unitId: 'd1', keeperUnitId: 'd1-tp', documents: [], ...extra });

/** A run context on a reference date (noon in Vietnam). */
export const context = (unitId: string, referenceDate: string, period = referenceDate.slice(0, 4)) => ({ unitId, period, now: new Date(`${referenceDate}T05:00:00Z`), referenceDate });

/** The graph fixture: P (resolution, 3 articles), Q details P, R rests on Q, S amends P art. 2, T replaces P, U suspends R. */
export const P = '10/2020/NQ-HĐND';
export const Q = '11/2020/QĐ-UBND';
export const R = '12/2021/QĐ-UBND';
export const S = '13/2022/NQ-HĐND';
export const T = '14/2023/NQ-HĐND';
export const U = '15/2022/QĐ-UBND';

export const graphRegister = (): RegisterInput =>
  register({
    documents: [
      doc(P, '2020-06-10', '2020-06-20', { articles: ['1', '2', '3'] }),
      doc(Q, '2020-07-01', '2020-07-11'),
      doc(R, '2021-01-05', '2021-01-15'),
      doc(S, '2022-03-01', '2022-03-11'),
      doc(T, '2023-05-01', '2023-05-11'),
      doc(U, '2022-08-01', '2022-08-11'),
    ],
    relations: [
      { kind: 'details', source: Q, target: P },
      { kind: 'basedOn', source: R, target: Q },
      { kind: 'amends', source: S, target: P, articles: ['2'] },
      { kind: 'replaces', source: T, target: P },
      { kind: 'suspends', source: U, target: R, until: '2022-12-31' },
    ],
  });
