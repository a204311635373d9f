// parseAssessmentsJson reads a file of assessments, as text or as a binary string of its UTF-8 bytes (issue 14): the
// binary form must give exactly what the text gives, texts decoded, and refuse what is not UTF-8 or not JSON.
import { describe, expect, it } from 'vitest';
import { computeIndex, parseAssessmentsJson, parseFramework, ParValidationError, type AssessmentsJson } from '../src/index.js';
import { miniFramework, problems } from './fixtures.js';
import { mini, u1Entries } from './scoring-fixtures.js';

/** U1 of the scoring tests (hand-computed index 41.875%), as its file holds it. */
const u1 = (over: Record<string, unknown> = {}, appraiser?: string, reason?: string) => ({
  unitId: 'U1',
  framework: { id: 'mini', version: '1' },
  period: '2021',
  status: 'appraised',
  entries: u1Entries(appraiser, reason),
  ...over,
});

/** The binary string of a text's UTF-8 bytes (what Node's `buffer.toString('latin1')` gives for a file). */
const binary = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
/** The binary string of bytes given one by one. */
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))).toString('latin1');

/** What a document gives, assessment by assessment: the JSON of each, or its problems. */
function outcome(doc: AssessmentsJson) {
  return Array.from({ length: doc.length }, (_, i) => {
    try {
      return JSON.stringify(doc.parse(i, mini));
    } catch (e) {
      if (!ParValidationError.isInstance(e)) throw e;
      return e.issues.map((x) => `${x.path.join('.')} ${x.code} ${x.message}`);
    }
  });
}

describe('parseAssessmentsJson', () => {
  it('gives from the bytes what it gives from the text: U1 scores 41.875% either way', () => {
    const text = JSON.stringify([u1(), u1({ unitId: 'U2' }, ' \u00a0Tổ thẩm định\u00a0', '\ufeffThiếu tài liệu')]);
    const fromText = parseAssessmentsJson(text);
    const fromBytes = parseAssessmentsJson(binary(text), { binary: true });
    expect([fromBytes.list, fromBytes.length, fromBytes.frameworkId(1)]).toEqual([true, 2, 'mini']);
    expect(outcome(fromBytes)).toEqual(outcome(fromText));
    const [a1, a2] = [0, 1].map((i) => fromBytes.parse(i, mini));
    expect(a1!.entries[0]!.appraisals[0]).toEqual({ round: 1, points: 0.05, reason: 'Ban hành trễ 3 ngày', appraiser: 'Phòng Nội vụ' });
    expect(a1!.entries[3]!.notApplicable).toEqual({ reason: 'Không phát sinh hồ sơ' });
    // the no-break spaces trimmed as text (their bytes C2 A0 hold a character the trim would take from the bytes),
    // the byte-order mark inside a reason kept, as the schema keeps it
    expect(a2!.entries[0]!.appraisals[0]).toEqual({ round: 1, points: 0.05, reason: '\ufeffThiếu tài liệu', appraiser: 'Tổ thẩm định' });
    // by hand (as the scoring tests): appraised 1.1 0.05 (round 1) + 1.2 0.2 + 1.3 1.85 (90% is not > 90) + 2.2 0.5 =
    // 2.6 of 5 (2.1 is N/A); survey 2.25 of 3; deduction 3 x 0.5 = 1.5; final 3.35 of 8 applicable = 41.875%
    expect(computeIndex(mini, [a1!]).get('U1')!.points).toEqual({ self: 2.65, appraised: 4.85, final: 3.35, max: 10, applicableMax: 8 });
  });

  it('decodes a file with a \\u escape whole first, and a framework id that is not ASCII', () => {
    const text = JSON.stringify([u1({}, 'T\u00f4'), u1({ framework: { id: 'khung-đ', version: '1' } })]).replace('T\u00f4', 'T\\u00f4');
    const doc = parseAssessmentsJson(binary(text), { binary: true });
    expect(doc.parse(0, mini).entries[0]!.appraisals[0]!.appraiser).toBe('Tô');
    expect(outcome(doc)).toEqual(outcome(parseAssessmentsJson(text)));
    // escaped, Ã and a no-break space are two characters; as bytes C3 A0 they would read as one, à
    const latin = JSON.stringify(u1({}, 'Ã\u00a0x')).replace('Ã\u00a0x', '\\u00c3\\u00a0x');
    expect(parseAssessmentsJson(binary(latin), { binary: true }).parse(0, mini).entries[0]!.appraisals[0]!.appraiser).toBe('Ã\u00a0x');
    const other = parseAssessmentsJson(binary(JSON.stringify({ ...u1(), framework: { id: 'khung-đ', version: 'bản 1' } })), { binary: true });
    expect([other.list, other.length, other.frameworkId(0)]).toEqual([false, 1, 'khung-đ']);
    // ids are ASCII: the schema refuses it, as from the text
    expect(problems(() => other.parse(0, mini))).toEqual([['framework.id', 'schema.invalid_format']]);
    // a version is decoded before it is compared: against a framework of version "bản 1" it matches, against one
    // whose version is the characters of its bytes ("báº£n 1") it does not
    const version = parseAssessmentsJson(binary(JSON.stringify({ ...u1(), framework: { id: 'mini', version: 'bản 1' } })), { binary: true });
    expect(problems(() => version.parse(0, mini))).toEqual([['framework', 'framework_mismatch']]);
    const asText = parseFramework({ ...miniFramework(), version: 'bản 1' });
    const asBytes = parseFramework({ ...miniFramework(), version: binary('bản 1') });
    expect(version.parse(0, asText).framework).toEqual({ id: 'mini', version: 'bản 1' });
    expect(problems(() => version.parse(0, asBytes))).toEqual([['framework', 'framework_mismatch']]);
  });

  it('decodes what the quick path does not take on its own, as the text gives it: keys, their order, __proto__, depth', () => {
    const nested = (n: number): unknown => (n === 0 ? 'Tổ' : { 'đ': nested(n - 1) });
    const odd = [
      { ...u1(), '__proto__': { 'ghi chú': 'đ' } },
      { ...u1(), 10: 'ở', 2: 'a', 'Tổ': 1 },
      { ...u1(), note: nested(40) },
      { ...u1(), framework: { id: { 'đ': ['ở'] }, version: '1' } },
      // "Ã©" is bytes C3 83 C2 A9; decoded twice it would read as "é"
      { ...u1(), framework: { id: ['Ã©'], version: '1' } },
    ];
    // JSON.stringify drops an own __proto__ of a literal: written by hand
    const text = JSON.stringify(odd).replace('"unitId":"U1"', '"__proto__":{"ghi chú":"đ"},"unitId":"U1"');
    expect(text).toContain('"__proto__"');
    const fromBytes = parseAssessmentsJson(binary(text), { binary: true });
    const fromText = parseAssessmentsJson(text);
    // asked twice: the document's item is not changed by the first answer
    for (let twice = 0; twice < 2; twice++) expect([0, 1, 2, 3, 4].map((i) => fromBytes.frameworkId(i))).toEqual([0, 1, 2, 3, 4].map((i) => fromText.frameworkId(i)));
    expect(outcome(fromBytes)).toEqual(outcome(fromText));
    // nesting no recursion could follow (JSON.parse takes it): read from the text, never a RangeError
    const deep = JSON.stringify([u1()]).replace('"unitId"', `"note":${'{"đ":'.repeat(100_000)}1${'}'.repeat(100_000)},"unitId"`);
    expect(outcome(parseAssessmentsJson(binary(deep), { binary: true }))).toEqual(outcome(parseAssessmentsJson(deep)));
    // each is refused, naming the keys as written, in JSON.parse's order (keys of digits first, as numbers)
    expect(outcome(fromText).every((o) => Array.isArray(o))).toBe(true);
    expect(outcome(fromBytes)[1]).toEqual([' schema.unrecognized_keys Unrecognized keys: "2", "10", "Tổ"']);
  });

  it('lets each assessment go once parsed, and parses it from the text when asked again', () => {
    const text = JSON.stringify([u1(), { ...u1({ unitId: 'U2' }), framework: { id: 'khung-đ', version: '1' } }]);
    for (const doc of [parseAssessmentsJson(text), parseAssessmentsJson(binary(text), { binary: true })]) {
      const first = [JSON.stringify(doc.parse(0, mini)), problems(() => doc.parse(1, mini))];
      expect([JSON.stringify(doc.parse(0, mini)), problems(() => doc.parse(1, mini))]).toEqual(first);
      expect([doc.frameworkId(0), doc.frameworkId(1)]).toEqual(['mini', 'khung-đ']);
      expect(doc.parse(0, mini).entries[0]!.appraisals[0]!.appraiser).toBe('Phòng Nội vụ');
    }
  });

  it('names a text that is not JSON as the text does, positions included', () => {
    for (const text of ['[{"unitId": "Tổ"},]', '{"a": "đ" "b"}', '[1, 2', '', '\u00a0[]']) {
      const viaText = () => parseAssessmentsJson(text);
      const message = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return ParValidationError.isInstance(e) ? e.issues.map((i) => [i.path.join('.'), i.code, i.message]) : e;
        }
        return 'accepted';
      };
      expect(message(() => parseAssessmentsJson(binary(text), { binary: true }))).toEqual(message(viaText));
      expect(problems(viaText)).toEqual([['', 'invalid_json']]);
    }
  });

  it('refuses bytes that are not UTF-8 and a string that is not binary', () => {
    const doc = JSON.stringify([u1()]);
    const [before, after] = [doc.slice(0, doc.indexOf('Phòng')), doc.slice(doc.indexOf('Phòng') + 'Phòng'.length)];
    for (const bad of [[0xff], [0xc3], [0xe1, 0xbb], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const d = parseAssessmentsJson(bytes(before, bad, after), { binary: true });
      expect(problems(() => d.parse(0, mini))).toEqual([['', 'encoding']]);
    }
    // outside a string: not JSON either way, named as the bytes' problem
    expect(problems(() => parseAssessmentsJson(bytes('[', [0xff], ']'), { binary: true }))).toEqual([['', 'encoding']]);
    // a character above 255 is no byte (Ł is U+0141: its low byte would read as A)
    for (const text of ['Phòng Nội vụ', 'Łx']) {
      const wide = parseAssessmentsJson(JSON.stringify([u1({}, text, 'x')]).replace('Không phát sinh hồ sơ', 'x'), { binary: true });
      expect(problems(() => wide.parse(0, mini))).toEqual([['', 'encoding']]);
    }
  });

  it('refuses arguments it cannot honour', () => {
    expect(problems(() => parseAssessmentsJson(5 as never))).toEqual([['text', 'invalid_argument']]);
    expect(problems(() => parseAssessmentsJson('[]', { binary: 'yes' } as never))).toEqual([['options.binary', 'invalid_argument']]);
    expect(problems(() => parseAssessmentsJson('[]', 'binary' as never))).toEqual([['options', 'invalid_argument']]);
    const doc = parseAssessmentsJson(JSON.stringify([u1()]));
    for (const index of [-1, 1, 0.5, '0', undefined]) {
      expect(problems(() => doc.parse(index as never, mini))).toEqual([['index', 'invalid_count']]);
      expect(problems(() => doc.frameworkId(index as never))).toEqual([['index', 'invalid_count']]);
    }
    expect(problems(() => doc.parse(0, JSON.parse(JSON.stringify(mini))))).toEqual([['framework', 'not_parsed']]);
    const empty = parseAssessmentsJson('[]');
    expect([empty.list, empty.length, problems(() => empty.parse(0, mini))]).toEqual([true, 0, [['index', 'invalid_count']]]);
    expect(problems(() => parseAssessmentsJson(binary(JSON.stringify([u1()])), { binary: true }).parse(0, { ...mini }))).toEqual([['framework', 'not_parsed']]);
  });
});
