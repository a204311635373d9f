// A file of assessments read as a binary string of its UTF-8 bytes must give exactly what its text gives (issue 14):
// the same assessments, key for key, and the same problems with the same messages, on random documents, broken or
// not, with texts that are not ASCII everywhere; and bytes that are not UTF-8 are refused, never read as something.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssessmentsJson, parseFramework, ParValidationError, type AssessmentsJson, type Framework } from '../src/index.js';
import { mutate, scenario, type Doc } from './assessment-docs.js';
import { leavesOf } from './random-frameworks.js';

/** Texts whose bytes a careless decoder would get wrong: no-break spaces (C2 A0) and a byte-order mark the trim takes, letters, an emoji. */
const TEXTS = ['Tổ thẩm định', ' \u00a0Sở Nội vụ\u00a0 ', '\ufeffBan', 'Ã', 'Ã\u00a0', '\u0085x', '😀 đ', '\u00a0', 'x', ''];

const textEditArb = fc.record({
  at: fc.nat(),
  where: fc.constantFrom('appraiser', 'reason', 'version', 'source', 'naReason', 'code', 'unitId', 'key', 'frameworkId', 'note'),
  text: fc.constantFrom(...TEXTS),
});

/** Puts a text somewhere in a document (in place). */
function putText(doc: Doc, edit: { at: number; where: string; text: string }): void {
  const e = doc.entries.length > 0 ? doc.entries[edit.at % doc.entries.length]! : undefined;
  const round = Array.isArray(e?.appraisals) && typeof e.appraisals[0] === 'object' && e.appraisals[0] !== null ? e.appraisals[0] : undefined;
  switch (edit.where) {
    case 'appraiser': if (round) round.appraiser = edit.text; break;
    case 'reason': if (round) round.reason = edit.text; break;
    case 'version': doc.framework = { id: 'random', version: edit.text }; break;
    case 'source': if (typeof e?.imported === 'object' && e.imported !== null) e.imported.source = edit.text; break;
    case 'naReason': if (e) doc.entries[edit.at % doc.entries.length] = { code: e.code, notApplicable: { reason: edit.text } }; break;
    case 'code': if (e) e.code = edit.text; break;
    case 'unitId': doc.unitId = edit.text; break;
    case 'key': if (e) e[edit.text] = 1; break;
    case 'frameworkId': doc.framework = { id: edit.text, version: '1' }; break;
    case 'note': if (typeof e?.self === 'object' && e.self !== null) e.self.note = edit.text; break;
  }
}

/** What a document gives: the problems of reading it, or for each assessment its framework id and its JSON or problems. */
function outcome(read: () => AssessmentsJson, framework: Framework): unknown {
  const issues = (e: unknown) => {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => `${i.path.join('.')} ${i.code} ${i.message}`);
  };
  let doc: AssessmentsJson;
  try {
    doc = read();
  } catch (e) {
    return { read: issues(e) };
  }
  return {
    list: doc.list,
    items: Array.from({ length: doc.length }, (_, i) => {
      try {
        return { id: doc.frameworkId(i), assessment: JSON.parse(JSON.stringify(doc.parse(i, framework))) as unknown };
      } catch (e) {
        return { problems: issues(e) };
      }
    }),
  };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

describe('parseAssessmentsJson on a binary string', () => {
  it('gives what the text gives, and refuses bytes that are not UTF-8', () => {
    let valid = 0;
    let accepted = 0;
    let invalid = 0;
    fc.assert(
      fc.property(
        scenario,
        fc.array(textEditArb, { maxLength: 3 }),
        fc.record({ list: fc.boolean(), versioned: fc.constantFrom('no', 'as given', 'as bytes'), damage: fc.constantFrom('none', 'none', 'none', 'escape', 'invalid', 'outside', 'truncate'), cut: fc.nat() }),
        ({ fw, status, entries, evidence, mutations }, edits, { list, versioned, damage, cut }) => {
          const doc: Doc = { unitId: 'c03571', framework: { id: 'random', version: '1' }, period: '2024', status, evidence, entries: structuredClone(entries) };
          for (const m of mutations) mutate(doc, m, leavesOf(fw.nodes as never).map((l) => l.code));
          for (const edit of edits) putText(doc, edit);
          // a framework whose version is not ASCII: the document's, or the characters of its bytes (which must not match)
          const given = (doc.framework as { version?: unknown }).version;
          const version = typeof given === 'string' && versioned === 'as bytes' ? Buffer.from(given).toString('latin1') : given;
          const framework = versioned !== 'no' && typeof version === 'string' && version.trim() !== '' ? parseFramework({ ...JSON.parse(JSON.stringify(fw)), version }) : fw;
          let text = JSON.stringify(list ? [doc] : doc);
          // a writer that escapes what is not ASCII (characters 128-255 then look like bytes)
          if (damage === 'escape') text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
          let bytes = Buffer.from(text, 'utf8');
          const multibyte = bytes.findIndex((b) => b >= 0xc0);
          if (damage === 'invalid' && multibyte >= 0) bytes[multibyte] = 0xff;
          if (damage === 'outside') bytes = Buffer.concat([bytes.subarray(0, 1), Buffer.from([0xc2, 0xa0]), bytes.subarray(1)]);
          if (damage === 'truncate') bytes = bytes.subarray(0, cut % (bytes.length + 1));
          const fromBytes = outcome(() => parseAssessmentsJson(bytes.toString('latin1'), { binary: true }), framework);
          let decoded: string;
          try {
            decoded = UTF8.decode(bytes);
          } catch {
            invalid++;
            // one assessment: refused as bytes, whatever else is wrong with it
            const refused = (fromBytes as { read?: string[] }).read ?? (fromBytes as { items: { problems?: string[] }[] }).items[0]!.problems;
            expect(refused?.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([' encoding']);
            return;
          }
          valid++;
          const fromText = outcome(() => parseAssessmentsJson(decoded), framework);
          expect(fromBytes).toEqual(fromText);
          if ((fromText as { items?: { assessment?: unknown }[] }).items?.[0]?.assessment) accepted++;
        },
      ),
      { numRuns: 1500 },
    );
    // each outcome occurs often enough for the comparison to mean something
    expect([valid, accepted, invalid].map((n) => n > 100)).toEqual([true, true, true]);
  });
});
