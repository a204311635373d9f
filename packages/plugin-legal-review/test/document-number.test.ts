import { describe, expect, it } from 'vitest';
import { parseDocumentNumber } from '../src/index.js';

const problem = (text: unknown) => {
  try {
    parseDocumentNumber(text as string);
  } catch (e) {
    return (e as { issues: { path: unknown[]; code: string; message: string }[] }).issues.map((i) => [i.path.join('.'), i.code, i.message]);
  }
};

describe('parseDocumentNumber: number and symbol as printed', () => {
  it('12/2022/QĐ-UBND: number 12, year 2022, a decision of the People\'s Committee', () => {
    expect(parseDocumentNumber('12/2022/QĐ-UBND')).toEqual({ text: '12/2022/QĐ-UBND', number: 12, year: 2022, formAbbreviation: 'QĐ', form: 'decision', issuer: 'UBND' });
  });

  it('05/2019/NQ-HĐND, typed in lower case with spaces and in decomposed Unicode', () => {
    expect(parseDocumentNumber(' 05 / 2019 / nq-hđnd ')).toMatchObject({ text: '05/2019/NQ-HĐND', number: 5, form: 'resolution', issuer: 'HĐND' });
    expect(parseDocumentNumber('05/2019/NQ-H\u0110ND'.normalize('NFD')).issuer).toBe('HĐND');
  });

  it('says what is wrong', () => {
    expect(problem('876/QĐ-BNV')).toEqual([['number', 'malformed_number', 'Malformed document number "876/QĐ-BNV": the year is missing (a legal normative document is numbered number/year/form-issuer, e.g. 12/2022/QĐ-UBND)']]);
    expect(problem('12/22/QĐ-UBND')![0]![2]).toBe('Malformed document number "12/22/QĐ-UBND": the year "22" is not four digits');
    expect(problem('1a/2022/QĐ-UBND')![0]![2]).toBe('Malformed document number "1A/2022/QĐ-UBND": the number "1A" is not a whole number');
    expect(problem('12/2022/CV-UBND')).toEqual([['number', 'unknown_form', 'Unknown form "CV" in "12/2022/CV-UBND": expected NQ or QĐ']]);
    expect(problem('12/2022/QĐUBND')![0]![2]).toBe('Malformed document number "12/2022/QĐUBND": the symbol "QĐUBND" is not form-issuer (e.g. QĐ-UBND)');
    expect(problem('0/2022/QĐ-UBND')![0]![1]).toBe('malformed_number');
    expect(problem('000/2022/QĐ-UBND')![0]![1]).toBe('malformed_number');
    expect(problem('12/1899/QĐ-UBND')![0]![1]).toBe('malformed_number');
    expect(problem('12/2022/QĐ-ubnd?')![0]![2]).toBe('The issuer "UBND?" in "12/2022/QĐ-UBND?" is not an abbreviation in capitals such as UBND or HĐND');
    expect(problem(12)![0]![1]).toBe('invalid_type');
  });
});
