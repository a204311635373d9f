// The small exported helpers of `@par/core` refuse what they cannot honour (issue 10): a framework that did not go
// through parseFramework, an impossible reference date, a label that is not one. Never a TypeError or a wrong answer.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { indexFramework, labelText, leavesOf, makeFrameworkDerivationSchema, makeFrameworkSchema, neutraliseCsvCell, parseFramework, ruleInForce } from '../src/index.js';
import { miniFramework, problems } from './fixtures.js';

describe('indexFramework and leavesOf take parsed frameworks only', () => {
  const framework = parseFramework(miniFramework());
  it('a parsed framework is indexed', () => {
    expect(leavesOf(framework).map((n) => n.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', 'S', 'T']);
  });
  it('a copy, a hand-made object or null is refused at `framework`', () => {
    for (const value of [JSON.parse(JSON.stringify(framework)), { ...framework }, { nodes: [{ code: '1', maxPoints: NaN }] }, null, undefined, 'x']) {
      expect(problems(() => indexFramework(value as never))).toEqual([['framework', 'not_parsed']]);
      expect(problems(() => leavesOf(value as never))).toEqual([['framework', 'not_parsed']]);
    }
  });
});

describe('ruleInForce', () => {
  const basis = { document: '1/2020/NĐ-CP' };
  const versions = [
    { effectiveFrom: '2020-01-01', effectiveTo: '2022-12-31', legalBasis: basis, params: 1 },
    { effectiveFrom: '2023-01-01', legalBasis: basis, params: 2 },
  ];
  it('picks the version in force on the date', () => {
    expect(ruleInForce(versions, '2022-12-31')?.params).toBe(1);
    expect(ruleInForce(versions, '2023-01-01')?.params).toBe(2);
    expect(ruleInForce(versions, '2019-12-31')).toBeUndefined();
  });
  it('refuses an impossible or malformed date and a list that is not one', () => {
    // '2023-02-30' sorts between the two versions' bounds as a string: it must not pick version 2
    for (const date of ['2023-02-30', '2023-2-3', '2023/01/10', '', 20230101, null]) expect(problems(() => ruleInForce(versions, date as never))).toEqual([['referenceDate', 'invalid_date']]);
    expect(problems(() => ruleInForce(null as never, '2023-01-01'))).toEqual([['versions', 'invalid_argument']]);
  });
});

describe('labelText', () => {
  it('the text in the language asked, Vietnamese when there is no English', () => {
    expect(labelText({ vi: 'Xã Dào San', en: 'Dào San commune' }, 'en')).toBe('Dào San commune');
    expect(labelText({ vi: 'Xã Dào San' }, 'en')).toBe('Xã Dào San');
    expect(labelText({ vi: 'Xã Dào San', en: 'Dào San commune' })).toBe('Xã Dào San');
  });
  it('refuses a label that is not one and a language other than vi or en', () => {
    for (const label of [null, 5, 'Xã', {}, { vi: 3 }, { vi: 'a', en: 4 }]) expect(problems(() => labelText(label as never, 'vi'))).toEqual([['label', 'invalid_label']]);
    expect(problems(() => labelText({ vi: 'a' }, 'fr' as never))).toEqual([['lang', 'invalid_lang']]);
  });
});

describe('neutraliseCsvCell', () => {
  it('refuses a number that is not finite and a value that is not text, a number or empty', () => {
    // "NaN" or "[object Object]" in an export would be a confident wrong cell
    for (const cell of [NaN, Infinity, -Infinity, {}, [], true, Symbol('x')]) expect(problems(() => neutraliseCsvCell(cell as never))).toEqual([['cell', 'invalid_cell']]);
    expect([-2.5, 0, '', null, undefined].map((c) => neutraliseCsvCell(c))).toEqual(['-2.5', '0', '', '', '']);
  });
});

describe('makeFrameworkSchema and makeFrameworkDerivationSchema', () => {
  it('build with extra rule kinds, and refuse extra rules that are not rule schemas', () => {
    const extra = z.strictObject({ kind: z.literal('custom'), points: z.number() });
    expect(makeFrameworkSchema([extra]).safeParse({}).success).toBe(false);
    // not a list, not a schema, a kind the built-in rules already use: a TypeError from zod before
    for (const bad of [null, 5, [1], [{}], [z.strictObject({ kind: z.literal('yesNo') })]]) {
      expect(problems(() => makeFrameworkSchema(bad as never))).toEqual([['extraRules', 'invalid_rule_schemas']]);
      expect(problems(() => makeFrameworkDerivationSchema(bad as never))).toEqual([['extraRules', 'invalid_rule_schemas']]);
    }
  });
});
