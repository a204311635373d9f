import { parseAssessment, parseFramework, type Assessment, type Framework } from '../src/index.js';
import { miniFramework } from './fixtures.js';

export const mini: Framework = parseFramework(miniFramework());

/** An assessment of the mini framework, validated. */
export function assess(unitId: string, entries: Record<string, unknown>[], over: Record<string, unknown> = {}): Assessment {
  return parseAssessment({ unitId, framework: { id: 'mini', version: '1' }, period: '2021', status: 'appraised', entries, ...over }, mini);
}

/** A parsed copy of `a` with some fields replaced (an edited assessment passes the boundary again). */
export function again(a: Assessment, over: Record<string, unknown> = {}, framework: Framework = mini): Assessment {
  return parseAssessment({ ...JSON.parse(JSON.stringify(a)), ...over }, framework);
}

/** Every leaf scored (what an assessment of the mini framework needs once submitted), 1.2 as given. */
export const selfScored = (points12: number) => [
  { code: '1.1', self: { input: 'onTime' } },
  { code: '1.2', self: { points: points12 } },
  { code: '1.3', self: { input: 90 } },
  { code: '2.1', notApplicable: { reason: 'Không phát sinh' } },
  { code: '2.2', self: { input: 0 } },
  { code: 'S', imported: { points: 3, source: 'SIPAS 2021' } },
  { code: 'T', self: { input: 0 } },
];

/** The entries of U1 (below), with the appraisal round's appraiser and reason as given. */
export const u1Entries = (appraiser = 'Phòng Nội vụ', reason = 'Ban hành trễ 3 ngày') => [
  { code: '1.1', self: { input: 'onTime' }, appraisals: [{ round: 1, points: 0.05, reason, appraiser }] },
  { code: '1.2', self: { points: 0.2 } },
  { code: '1.3', self: { input: 90 } },
  { code: '2.1', notApplicable: { reason: 'Không phát sinh hồ sơ' } },
  { code: '2.2', self: { input: 1 } },
  { code: 'S', imported: { points: 2.25, source: 'SIPAS 2021' } },
  { code: 'T', self: { input: 3 } },
];

/** U1 of the tests: appraisal, N/A, tiers, survey and a deduction; hand-computed index 41.875%. */
export const u1 = () => assess('U1', u1Entries());

/** Full marks but for 2.1 at 90% (1 of 2 points): 9 of 10, 90%. */
export const full = (unitId: string) =>
  assess(unitId, [
    { code: '1.1', self: { input: 'onTime' } },
    { code: '1.2', self: { input: true } },
    { code: '1.3', self: { input: 95 } },
    { code: '2.1', self: { input: 90 } },
    { code: '2.2', self: { input: 0 } },
    { code: 'S', imported: { points: 3, source: 'SIPAS 2021' } },
    { code: 'T', self: { input: 0 } },
  ]);
