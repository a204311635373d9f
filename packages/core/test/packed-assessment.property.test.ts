// A parsed assessment handed out as plain data and taken back (issue 14: worker threads; issue 19: a store's columns)
// must come back exactly, and taking data back must accept nothing `parseAssessment` would refuse, whatever the data
// says of itself: whatever is accepted is the assessment `parseAssessment` gives for its JSON, scored the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { computeIndex, packAssessment, parseAssessment, parseFramework, unpackAssessment, type Assessment, type Framework, type PackedAssessment } from '../src/index.js';
import { eighths, frameworkArb, leavesOf, type Leaf } from './random-frameworks.js';

/** An input that fits the leaf's rule (manual leaves take none). */
function inputFor(rule: Record<string, unknown>): fc.Arbitrary<unknown> {
  if (rule.kind === 'yesNo') return fc.boolean();
  if (rule.kind === 'timeliness') return fc.constantFrom('onTime', 'late', 'missing');
  if (rule.kind === 'countTiers') return fc.integer({ min: 0, max: 10 });
  if (rule.kind === 'manual') return fc.constant(undefined);
  return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 1e6), fc.constant(33.3333333));
}

/** A valid entry of any kind the status allows: plain points or input, rounds, a note, evidence, an explanation, N/A, imported points. */
const entryArb = (leaf: Leaf, rounds: number) =>
  fc.record({
    points: fc.option(eighths(leaf.maxPoints), { nil: undefined }),
    input: inputFor(leaf.rule),
    rounds: fc.array(eighths(leaf.maxPoints), { maxLength: rounds }),
    extra: fc.constantFrom('none', 'none', 'note', 'evidence', 'explanation', 'notApplicable'),
  }).map(({ points, input, rounds: list, extra }) => {
    if (leaf.code === 'S') return { code: 'S', imported: { points: points ?? 0, source: 'Khảo sát SIPAS 2024' } };
    if (extra === 'notApplicable' && (leaf.applicability as { notApplicableAllowed?: boolean } | undefined)?.notApplicableAllowed) return { code: leaf.code, notApplicable: { reason: 'Không phát sinh' } };
    const self: Record<string, unknown> = input === undefined || points !== undefined ? { points: points ?? 0 } : {};
    if (input !== undefined) self.input = input;
    if (extra === 'note') self.note = 'Đã ban hành kế hoạch';
    if (extra === 'evidence') self.evidence = ['e1'];
    const appraisals = list.map((p, i) => ({ round: i + 1, points: p, appraiser: 'Tổ thẩm định', reason: 'Thiếu tài liệu' }));
    return { code: leaf.code, self, appraisals, ...(extra === 'explanation' && rounds > 0 ? { explanation: { text: 'Bổ sung tài liệu', evidence: ['e1'] } } : {}) };
  });

const STATUSES = ['draft', 'submitted', 'underAppraisal', 'explained', 'appraised', 'published'] as const;
const ROUNDS = { draft: 0, submitted: 0, underAppraisal: 1, explained: 1, appraised: 2, published: 2 } as const;

/** A valid assessment document against a random framework. */
const validArb = frameworkArb.chain((fw) =>
  fc.constantFrom(...STATUSES).chain((status) =>
    fc.record({
      fw: fc.constant(fw),
      entries: fc.tuple(...leavesOf(fw.nodes as never).map((l) => entryArb(l, ROUNDS[status]))),
      reverse: fc.boolean(),
    }).map(({ fw, entries, reverse }) => ({
      fw,
      doc: {
        unitId: 'c03571',
        framework: { id: 'random', version: '1' },
        period: '2024',
        status,
        evidence: [{ id: 'e1', title: 'Kế hoạch CCHC năm 2024', kind: 'plan' }],
        entries: reverse ? [...entries].reverse() : entries,
      },
    })),
  ),
);

/** The JSON of an assessment, its results scored on their own, and whether it came out as parsed. */
const scored = (fw: Framework, a: Assessment) => JSON.stringify(computeIndex(fw, [a], { units: [{ id: a.unitId, kind: 'commune' }] }).results);

/** A packed assessment carried as a store carries it: the cells as bytes, the rest as JSON. */
function throughStore(p: PackedAssessment): unknown {
  const { cells, rounds, ...rest } = p;
  const bytes = (a: Int32Array | Float64Array) => a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength);
  const back = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  const wide = cells instanceof Float64Array;
  return { ...back, cells: wide ? new Float64Array(bytes(cells)) : new Int32Array(bytes(cells)), rounds: wide ? new Float64Array(bytes(rounds)) : new Int32Array(bytes(rounds)) };
}

describe('packed assessments', () => {
  it('come back exactly as parsed: the same JSON, the same scores, through a worker (structuredClone) or a store (bytes and JSON)', () => {
    fc.assert(
      fc.property(validArb, ({ fw, doc }) => {
        const a = parseAssessment(doc, fw);
        for (const carried of [structuredClone(packAssessment(a)), throughStore(packAssessment(a))]) {
          const back = unpackAssessment(carried, fw);
          expect(JSON.stringify(back)).toBe(JSON.stringify(a));
          expect(scored(fw, back)).toBe(scored(fw, a));
          expect(Object.isFrozen(back) && back.entries.every((e) => Object.isFrozen(e))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accept nothing parseAssessment refuses, whatever the cells and details say: what is accepted is what parseAssessment gives for its JSON, scored the same', () => {
    const odd = fc.constantFrom(-1, 0, 1, 2, 3, 4, 6, 7, 32, 34, 64 + 4, 128 + 4, 255, 256, 256 + 2, 256 * 3 + 2, 125_000, 999_999_999, 2 ** 31 - 1, -(2 ** 31), 1e6);
    const mutationArb = fc.record({ at: fc.nat(), value: odd, kind: fc.constantFrom('cell', 'cell', 'cell', 'swap', 'copy', 'detail', 'dropDetail', 'status', 'leaves', 'round', 'round', 'text') });
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(validArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), ({ fw, doc }, mutations) => {
        runs++;
        const p = structuredClone(packAssessment(parseAssessment(doc, fw))) as { -readonly [K in keyof PackedAssessment]: PackedAssessment[K] } & { details: Record<string, unknown>[] };
        for (const m of mutations) {
          const n = p.cells.length;
          if (m.kind === 'cell' && n > 0) p.cells[m.at % n] = m.value;
          if (m.kind === 'swap' && n > 0) {
            const [i, j] = [m.at % (n / 4), m.value & 0xffff % (n / 4)].map((x) => Math.abs(x) % (n / 4));
            const a = p.cells.slice(i! * 4, i! * 4 + 4);
            p.cells.copyWithin(i! * 4, j! * 4, j! * 4 + 4);
            p.cells.set(a, j! * 4);
          }
          if (m.kind === 'copy' && n > 4) p.cells.copyWithin((m.at % (n / 4)) * 4, ((m.at + 1) % (n / 4)) * 4, ((m.at + 1) % (n / 4)) * 4 + 4);
          if (m.kind === 'detail' && p.details.length > 0) {
            const d = { ...p.details[m.at % p.details.length]! };
            d[['self', 'appraisals', 'code', 'imported', 'notApplicable'][m.at % 5]!] = [{ points: m.value / 8 }, [{ round: 2, points: m.value / 8, appraiser: 'x' }], '1', { points: m.value / 8, source: 's' }, { reason: 'r' }][m.at % 5];
            p.details[m.at % p.details.length] = d;
          }
          if (m.kind === 'dropDetail' && p.details.length > 0) p.details.splice(m.at % p.details.length, 1);
          if (m.kind === 'status') p.status = STATUSES[m.at % STATUSES.length]!;
          if (m.kind === 'leaves') p.leaves = `${m.value}:00000000`;
          if (m.kind === 'round' && p.rounds.length > 0) p.rounds[m.at % p.rounds.length] = m.value;
          if (m.kind === 'text' && p.texts.length > 0) (p.texts as string[])[m.at % p.texts.length] = [' Tổ thẩm định', '', 'Sở Nội vụ'][m.at % 3]!;
        }
        let back: Assessment;
        try {
          back = unpackAssessment(p, fw);
        } catch (e) {
          expect(ParValidationError.isInstance(e)).toBe(true);
          expect((e as ParValidationError).issues.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const again = parseAssessment(JSON.parse(JSON.stringify(back)), fw);
        expect(JSON.stringify(back)).toBe(JSON.stringify(again));
        expect(scored(fw, back)).toBe(scored(fw, again));
      }),
      { numRuns: 1500 },
    );
    // some mutations leave a valid assessment (a value the cell may hold): both outcomes are exercised
    expect(accepted).toBeGreaterThan(50);
    expect(accepted).toBeLessThan(runs);
  });
});

/** A framework of four leaves: 1 manual (2 points, step 0.25), 2 yes/no (1 point), 3 a ratio (3 points), S survey (5 points). */
function smallFramework(): Framework {
  return parseFramework({
    id: 'small', version: '2024', title: { vi: 'Bộ nhỏ' }, years: { from: 2024 }, unitKinds: ['commune'], scale: 11,
    channels: [{ id: 'appraised', name: { vi: 'Thẩm định' }, maxPoints: 6 }, { id: 'survey', name: { vi: 'Khảo sát' }, maxPoints: 5 }],
    bands: [{ id: 'all', label: { vi: 'Tất cả' } }],
    nodes: [
      { code: '1', name: { vi: 'Kế hoạch' }, maxPoints: 2, channel: 'appraised', rule: { kind: 'manual', step: 0.25 } },
      { code: '2', name: { vi: 'Báo cáo' }, maxPoints: 1, channel: 'appraised', rule: { kind: 'yesNo' } },
      { code: '3', name: { vi: 'Tỷ lệ' }, maxPoints: 3, channel: 'appraised', rule: { kind: 'linear' } },
      { code: 'S', name: { vi: 'Khảo sát' }, maxPoints: 5, channel: 'survey', rule: { kind: 'manual' } },
    ],
  });
}

const smallDoc = (status = 'appraised') => ({
  unitId: 'c03571',
  framework: { id: 'small', version: '2024' },
  period: '2024',
  status,
  entries: [
    { code: '1', self: { points: 1.75 }, appraisals: status === 'appraised' ? [{ round: 1, points: 1.5, appraiser: 'Tổ thẩm định' }] : [] },
    { code: '2', self: { input: true } },
    { code: '3', self: { input: 50 } },
    { code: 'S', imported: { points: 4.25, source: 'SIPAS 2024' } },
  ],
});

/** The problems `unpackAssessment` names, as `code@path`. */
function problems(packed: unknown, fw: Framework): string[] {
  try {
    unpackAssessment(packed, fw);
  } catch (e) {
    return (e as ParValidationError).issues.map((i) => `${i.code}@${i.path.join('.')}`);
  }
  return [];
}

describe('unpackAssessment on hand-made data', () => {
  const fw = smallFramework();
  const packed = () => structuredClone(packAssessment(parseAssessment(smallDoc(), fw))) as PackedAssessment & { cells: Int32Array; leaves: string };

  it('works out the points a rule gives an input again, whatever the self cell says', () => {
    const p = packed();
    // entry 2 ("3", linear, 3 points): 50% of 3 points = 1.5 points = 1,500,000 micro-points; the cell is made to say 3 points
    expect(p.cells[2 * 4 + 1]).toBe(1_500_000);
    p.cells[2 * 4 + 1] = 3_000_000;
    const back = unpackAssessment(p, fw);
    // appraised: 1.5 (round 1 of "1") + 1 (yes) + 1.5 (50% of 3) = 4; survey: 4.25 imported
    const r = computeIndex(fw, [back], { units: [{ id: 'c03571', kind: 'commune' }] }).results[0]!;
    expect(r.channels.find((c) => c.channel === 'appraised')!.final).toBe(4);
    expect(r.channels.find((c) => c.channel === 'survey')!.final).toBe(4.25);
    // self points: 1.75 + 1 + 1.5 = 4.25 (the self cell's 3 points are not believed)
    expect(r.channels.find((c) => c.channel === 'appraised')!.self).toBe(4.25);
  });

  it('names every problem of the cells by path', () => {
    const p = packed();
    p.cells[1] = 2_100_000; // "1": 2.1 points, above its maximum of 2
    p.cells[4 + 3] = 7; // "2": a yes/no input of 7
    p.cells[2 * 4 + 3] = 150_000_000; // "3": 150%
    expect(problems(p, fw)).toEqual(['points_above_max@cells.1', 'invalid_input@cells.7', 'input_mismatch@cells.11']);
    const q = packed();
    q.cells[4] = 2 * 256 + 4 + 64; // entry 1 names leaf "3" (position 2) with a yes/no input; entry 2 is "3" too
    expect(problems(q, fw)).toEqual(['input_mismatch@cells.7', 'duplicate_entry@cells.8', 'leaves_not_scored@cells']);
    const r = packed();
    r.cells[4 * 4 - 4] = 3 * 256 + 2; // the survey leaf with self points and no details
    r.cells[4 * 4 - 3] = 1_000_000;
    // its final cell still holds the imported 4.25 points, and its object is left over
    expect(problems(r, fw)).toEqual(['invalid_cell@cells.14', 'self_on_imported_channel@cells.12', 'details_count@details']);
  });

  it('checks the rounds kept as numbers: their order, points, texts and the status, and works out the final points again', () => {
    const p = packed();
    // entry 0 ("1"): one round of 1.5 points by "Tổ thẩm định"
    expect(Array.from(p.rounds)).toEqual([0, 1, 1_500_000, 0, -1]);
    expect(p.texts).toEqual(['Tổ thẩm định']);
    p.cells[2] = 0; // the final cell says 0: the round's 1.5 points are taken
    const r = computeIndex(fw, [unpackAssessment(p, fw)], { units: [{ id: 'c03571', kind: 'commune' }] }).results[0]!;
    expect(r.channels.find((c) => c.channel === 'appraised')!.final).toBe(4);
    const q = packed();
    q.rounds.set([0, 2, 2_000_001, 1, 7]); // round 2 first, above the maximum, an appraiser and a reason not in the list
    expect(problems(q, fw)).toEqual(['appraisal_rounds@rounds.1', 'points_above_max@rounds.2', 'invalid_text@rounds.3', 'invalid_text@rounds.4']);
    expect(problems({ ...packed(), texts: [' Tổ thẩm định'] }, fw)).toEqual(['invalid_text@rounds.3']);
    expect(problems({ ...packed(), status: 'submitted' }, fw)).toEqual(['status_mismatch@rounds.1']);
    const stray = packed();
    stray.rounds.set([1, 1, 0, 0, -1]); // a round of entry 1 ("2"), which has none; entry 0 then has none
    expect(problems(stray, fw)).toEqual(['invalid_flags@cells.0', 'rounds_mismatch@rounds.0']);
    expect(problems({ ...packed(), rounds: new Float64Array(5) }, fw)).toEqual(['rounds_length@rounds']);
    // a round of an entry past the last one
    expect(problems({ ...packed(), rounds: Int32Array.of(0, 1, 1_500_000, 0, -1, 9, 1, 0, 0, -1) }, fw)).toEqual(['rounds_mismatch@rounds.5']);
  });

  it('refuses data made against another framework, another order of its leaves, or of the wrong shape', () => {
    const p = packed();
    expect(problems({ ...p, leaves: '4:00000000' }, fw)).toEqual(['leaves_mismatch@leaves']);
    expect(problems({ ...p, framework: { id: 'small', version: '2025' } }, fw)).toEqual(['framework_mismatch@framework']);
    expect(problems({ ...p, cells: Array.from(p.cells) }, fw)).toEqual(['invalid_union@cells']);
    expect(problems({ ...p, cells: p.cells.subarray(0, 5) }, fw)).toEqual(['cells_length@cells']);
    expect(problems({ ...p, format: 2, extra: 1 }, fw).sort()).toEqual(['invalid_value@format', 'unrecognized_keys@'].sort());
    expect(problems(p, parseFramework(JSON.parse(JSON.stringify(fw)))).length).toBe(0);
  });

  it('checks entry objects as parseAssessment does, and every applicable leaf once past the draft', () => {
    const p = packed();
    const details = p.details as unknown as Record<string, unknown>[];
    details[0] = { ...details[0], appraisals: [{ round: 2, points: 1.5, appraiser: 'x' }], explanation: { text: 'x', evidence: ['nope'] } };
    expect(problems(p, fw)).toEqual(['appraisal_rounds@details.0.appraisals.0.round', 'unknown_evidence@details.0.explanation.evidence.0']);
    const q = packed();
    q.cells[4] = 1 * 256; // "2" with nothing
    q.cells[4 + 1] = -1;
    q.cells[4 + 3] = 0;
    expect(problems(q, fw)).toEqual(['leaves_not_scored@cells']);
    const draft = structuredClone(packAssessment(parseAssessment(smallDoc('draft'), fw))) as PackedAssessment & { cells: Int32Array };
    draft.cells.set([1 * 256, -1, 0, 0], 4);
    expect(problems(draft, fw)).toEqual([]);
    expect(unpackAssessment(draft, fw).entries[1]).toEqual({ code: '2', appraisals: [] });
  });

  it('keeps points beyond 2,147 a leaf (cells of doubles) exactly, and checks them against the maximum', () => {
    const big = parseFramework({
      id: 'big', version: '1', title: { vi: 'x' }, years: { from: 2024 }, unitKinds: ['commune'], scale: 5000,
      channels: [{ id: 'appraised', name: { vi: 'a' }, maxPoints: 5000 }],
      bands: [{ id: 'all', label: { vi: 'x' } }],
      nodes: [{ code: '1', name: { vi: 'x' }, maxPoints: 5000, channel: 'appraised', rule: { kind: 'manual' } }],
    });
    const a = parseAssessment({ unitId: 'c1', framework: { id: 'big', version: '1' }, period: '2024', status: 'submitted', entries: [{ code: '1', self: { points: 4999.999999 } }] }, big);
    const p = structuredClone(packAssessment(a)) as PackedAssessment & { cells: Float64Array };
    // 4,999.999999 points = 4,999,999,999 micro-points: beyond 32-bit cells
    expect(p.cells).toBeInstanceOf(Float64Array);
    expect(p.cells[1]).toBe(4_999_999_999);
    expect(unpackAssessment(p, big).entries[0]!.self!.points).toBe(4999.999999);
    p.cells[1] = 5_000_000_001;
    expect(problems(p, big)).toEqual(['points_above_max@cells.1']);
  });

  it('refuses 32-bit cells where the points a rule gives do not fit them (packAssessment would have made doubles)', () => {
    const big = parseFramework({
      id: 'big', version: '1', title: { vi: 'x' }, years: { from: 2024 }, unitKinds: ['commune'], scale: 5001,
      channels: [{ id: 'appraised', name: { vi: 'a' }, maxPoints: 5001 }],
      bands: [{ id: 'all', label: { vi: 'x' } }],
      nodes: [
        { code: '1', name: { vi: 'x' }, maxPoints: 5000, channel: 'appraised', rule: { kind: 'linear' } },
        { code: '2', name: { vi: 'y' }, maxPoints: 1, channel: 'appraised', rule: { kind: 'manual' } },
      ],
    });
    // 10% of 5,000 points = 500 points = 500,000,000 micro-points: 32-bit cells
    const p = structuredClone(packAssessment(parseAssessment({ unitId: 'c1', framework: { id: 'big', version: '1' }, period: '2024', status: 'submitted', entries: [{ code: '1', self: { input: 10 } }, { code: '2', self: { points: 1 } }] }, big))) as PackedAssessment & { cells: Int32Array };
    expect(p.cells).toBeInstanceOf(Int32Array);
    // 100% would be 5,000,000,000 micro-points, beyond 2^31 - 1
    p.cells[3] = 100_000_000;
    expect(problems(p, big)).toEqual(['cells_mismatch@cells.3']);
  });

  it('refuses numbers whose buffer was transferred away, and more entries than leaves or rounds than two an entry, before any other work', () => {
    const p = packAssessment(parseAssessment(smallDoc(), fw));
    structuredClone(p, { transfer: [p.cells.buffer as ArrayBuffer] });
    expect(problems(p, fw)).toEqual(['detached@cells']);
    const q = packed();
    expect(problems({ ...q, cells: new Int32Array(4 * 5).fill(-1) }, fw)).toEqual(['too_many_entries@cells']);
    expect(problems({ ...q, rounds: new Int32Array(5 * 9) }, fw)).toEqual(['too_many_rounds@rounds']);
  });

  it('keeps what it checked when a value changes each time it is read (getters)', () => {
    // the first two reads say 1 point by "Tổ thẩm định", later ones 1,000 points by a blank
    let points = 0;
    let names = 0;
    const round: Record<string, unknown> = { round: 1 };
    Object.defineProperty(round, 'points', { enumerable: true, get: () => (points++ < 2 ? 1 : 1000) });
    Object.defineProperty(round, 'appraiser', { enumerable: true, get: () => (names++ < 2 ? 'Tổ thẩm định' : ' ') });
    const doc = smallDoc();
    doc.entries[0] = { code: '1', self: { points: 1.75 }, appraisals: [round as never] };
    const a = parseAssessment(doc, fw);
    expect(a.entries[0]!.appraisals).toEqual([{ round: 1, points: 1, appraiser: 'Tổ thẩm định' }]);
    expect(JSON.stringify(parseAssessment(JSON.parse(JSON.stringify(a)), fw))).toBe(JSON.stringify(a));
  });

  it('refuses to pack what parseAssessment did not return', () => {
    const a = parseAssessment(smallDoc(), fw);
    expect(() => packAssessment({ ...a })).toThrow(ParValidationError);
    expect(() => packAssessment({ ...a })).toThrow(/not_parsed|parseAssessment/);
  });
});
