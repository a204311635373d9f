import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FrameworkSchema, type RuleInput } from '@par/core';
import { createLegalReviewPlugin, LEGAL_REVIEW_FRAMEWORK_FRAGMENTS } from '../src/index.js';
import { jsonSchemas } from '../scripts/json-schemas.js';
import { context, doc, register } from './fixture.js';

const A = doc('01/2024/QĐ-UBND', '2024-03-01', '2024-03-08');
const B = doc('02/2024/QĐ-UBND', '2024-03-01', '2024-03-07'); // breaks LEG-02 (6 < 7 days)
const C = doc('03/2024/QĐ-UBND', '2024-03-01', '2024-03-09');

const metrics = (reg: Parameters<typeof register>[0], ref: string, period?: string) => {
  const plugin = createLegalReviewPlugin({ registers: [register(reg)] });
  return Object.fromEntries(plugin.metricProviders!.map((m) => [m.metricId, m.compute(context('d1', ref, period)) as RuleInput | undefined]));
};

describe('field-2 metrics', () => {
  it('2024: 3 documents, 2 self-inspected (2/3 = 66.67%), 2 compliant (B breaks LEG-02: 66.67%), no unlawful one (not applicable)', () => {
    const m = metrics(
      {
        documents: [A, B, C],
        selfInspections: [
          { document: A.number, date: '2024-03-02' },
          { document: B.number, date: '2024-03-02' },
        ],
        monitoringPlans: [{ year: 2024, issuedOn: '2024-01-15', items: 12, completed: 9 }],
        reviewPlans: [{ year: 2024, issuedOn: '2024-01-10', completedOn: '2024-11-30' }],
      },
      '2024-12-31',
    );
    expect(m).toEqual({
      'legal.issuingCompliance': 66.67,
      'legal.selfInspectedShare': 66.67,
      'legal.communeInspectedShare': undefined, // no commune document
      'legal.unlawfulHandledShare': undefined, // not applicable: none concluded unlawful
      'legal.reviewPlanDone': true,
      'legal.reviewQueueCleared': true, // no change in 2024
      'legal.systematisationDone': undefined, // the 2024-2028 cut-off is not in 2024
      'legal.monitoringPlanIssued': true,
      'legal.monitoringPlanCompletion': 75, // 9 / 12
    });
  });

  it('the reference date caps what counts: on 01/03/2024 nothing is self-inspected yet (0/3), the review plan not completed', () => {
    const m = metrics({ documents: [A, B, C], selfInspections: [{ document: A.number, date: '2024-03-02' }], reviewPlans: [{ year: 2024, issuedOn: '2024-01-10', completedOn: '2024-11-30' }] }, '2024-03-01');
    expect([m['legal.selfInspectedShare'], m['legal.reviewPlanDone']]).toEqual([0, false]);
  });

  it('unlawful documents handled: 1 of 2 (50%); the 2023 systematisation published', () => {
    const conclusions = [A, B].map((d) => ({ document: d.number, date: '2024-05-01', body: 'Sở Tư pháp', result: 'unlawful' as const, categories: ['procedureBreach' as const] }));
    const m = metrics({ documents: [A, B], inspectionConclusions: conclusions, handlingDecisions: [{ document: A.number, measure: 'repealWholly', signedOn: '2024-05-20' }] }, '2024-12-31');
    expect(m['legal.unlawfulHandledShare']).toBe(50);
    const s = metrics({ documents: [A], systematisations: [{ cutOff: '2023-12-31', publishedOn: '2024-02-01' }] }, '2024-02-01', '2023');
    expect(s['legal.systematisationDone']).toBe(true);
  });
});

describe('framework fragments', () => {
  it('bind criteria 2.1-2.4 to metrics the plugin provides, and pass the framework schema', () => {
    const ids = new Set(createLegalReviewPlugin({ registers: [] }).metricProviders!.map((m) => m.metricId));
    const bound = JSON.stringify(LEGAL_REVIEW_FRAMEWORK_FRAGMENTS).match(/"metricId":"[^"]+"/g)!.map((s) => s.slice(12, -1));
    expect(bound.every((id) => ids.has(id))).toBe(true);
    expect(LEGAL_REVIEW_FRAMEWORK_FRAGMENTS.map((n) => n.code)).toEqual(['2.1', '2.2', '2.3', '2.4']);
    const field = { code: '2', kind: 'field', name: { vi: 'VBQPPL', en: 'Legal documents' }, maxPoints: 6, channel: 'appraised', children: LEGAL_REVIEW_FRAMEWORK_FRAGMENTS };
    expect(FrameworkSchema.shape.nodes.safeParse([field]).success).toBe(true);
  });
});

describe('options and arguments', () => {
  it('refuses bad options by path, registers and their cross-references included', () => {
    const bad = () =>
      createLegalReviewPlugin({
        registers: [register({ documents: [A] }), register({ documents: [A], relations: [{ kind: 'amends', source: A.number, target: '9/2024/QĐ-UBND' }] })],
        reviewDays: 1.5,
      } as never);
    expect(bad).toThrow(/reviewDays/);
    const twice = () => createLegalReviewPlugin({ registers: [register({ documents: [A] }), register({ documents: [A], relations: [{ kind: 'amends', source: A.number, target: '9/2024/QĐ-UBND' }] })] });
    expect(twice).toThrow(/registers\[1\]\.unitId: Two registers for unit d1[\s\S]*registers\[1\]\.relations\[0\]\.target: No document 9\/2024\/QĐ-UBND/);
    expect(() => createLegalReviewPlugin({ registers: [] }, { calendar: {} as never })).toThrow(/dependencies\.calendar/);
  });

  it('every check and metric refuses a context that is not one', () => {
    const plugin = createLegalReviewPlugin({ registers: [register({ documents: [A] })] });
    const bad = { unitId: 'd1', period: '2024', now: new Date('2024-03-01T20:00:00Z'), referenceDate: '2024-03-01' }; // 03:00 on 02/03 in Vietnam
    expect(() => plugin.checks![0]!.run(bad)).toThrow(/reference_date_mismatch/);
    expect(() => plugin.metricProviders![0]!.compute({ ...bad, period: '2024-Q5' } as never)).toThrow(/context\.period/);
  });
});

describe('the JSON Schemas the package ships', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    it(`schemas/${file} matches the zod schema (run "npm run schemas -w @par/plugin-legal-review" to refresh)`, () => {
      expect(JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'))).toEqual(schema);
    });
  }

  it('refuses what the plugin refuses, by path, without running the plugin', () => {
    const shipped = JSON.parse(readFileSync(new URL(`../${pkg.par.optionsSchema}`, import.meta.url), 'utf8'));
    const r = z.fromJSONSchema(shipped).safeParse({ registers: [{ unitId: 'd1', documents: [{ number: 1 }] }] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('registers.0.documents.0.number');
  });
});
