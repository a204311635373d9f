import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { buildDocumentGraph, parseLegalRegister, replayValidity } from '../src/index.js';
import { doc, graphRegister, P, Q, R, S, T, U } from './fixture.js';

const graph = () => buildDocumentGraph(parseLegalRegister(graphRegister()));
const state = (number: string, date: string) => graph().validityOn(number, date).state;
const problems = (input: unknown) => {
  try {
    parseLegalRegister(input);
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => [i.path.join('.'), i.code]);
  }
  return [];
};

describe('validityOn: the state of a document on a date, from its dates, relations and handling', () => {
  it('P: not yet in force the day before its effective date, in force on it', () => {
    expect(state(P, '2020-06-19')).toBe('notYetInForce');
    expect(state(P, '2020-06-20')).toBe('inForce');
  });

  it('P: partly expired from the day S (amending art. 2) takes effect, 11/03/2022, naming the article and the source', () => {
    expect(state(P, '2022-03-10')).toBe('inForce');
    const v = graph().validityOn(P, '2022-03-11');
    expect(v.state).toBe('partlyExpired');
    expect(v.expiredArticles).toEqual(['2']);
    expect(v.since).toBe('2022-03-11');
    expect(v.changes.map((c) => [c.date, c.kind, c.cause, c.sourceDocument])).toEqual([
      ['2020-06-20', 'takesEffect', 'own', P],
      ['2022-03-11', 'expires', 'amends', S],
    ]);
  });

  it('P: expired from the day T replaces it (11/05/2023); Q, which details P, expires with it (LEG-15)', () => {
    expect(state(P, '2023-05-10')).toBe('partlyExpired');
    expect(state(P, '2023-05-11')).toBe('expired');
    expect(state(Q, '2023-05-10')).toBe('inForce');
    const q = graph().validityOn(Q, '2023-05-11');
    expect(q.state).toBe('expired');
    expect(q.changes.at(-1)).toMatchObject({ date: '2023-05-11', cause: 'parentExpired', sourceDocument: P });
  });

  it('R: suspended from 11/08/2022 through 31/12/2022 (U), in force again on 01/01/2023', () => {
    expect(state(R, '2022-08-10')).toBe('inForce');
    expect(state(R, '2022-08-11')).toBe('suspended');
    expect(state(R, '2022-12-31')).toBe('suspended');
    expect(state(R, '2023-01-01')).toBe('inForce');
  });

  it('partial suspension and execution suspension by a handling decision', () => {
    const g = buildDocumentGraph(
      parseLegalRegister({
        ...graphRegister(),
        relations: [{ kind: 'suspends', source: U, target: R, articles: ['4'] }],
        handlingDecisions: [{ document: S, measure: 'suspendExecution', signedOn: '2022-04-01', liftedOn: '2022-05-01' }],
      }),
    );
    expect(g.validityOn(R, '2022-08-11')).toMatchObject({ state: 'partlySuspended', suspendedArticles: ['4'] });
    expect(g.validityOn(S, '2022-03-31').state).toBe('inForce');
    expect(g.validityOn(S, '2022-04-01').state).toBe('executionSuspended');
    expect(g.validityOn(S, '2022-04-30').state).toBe('executionSuspended');
    expect(g.validityOn(S, '2022-05-01').state).toBe('inForce');
  });

  it('a document that sets its own end expires the day after it', () => {
    const g = buildDocumentGraph(parseLegalRegister({ ...graphRegister(), documents: [doc(P, '2020-06-10', '2020-06-20', { effectiveTo: '2020-12-31' })], relations: [] }));
    expect(g.validityOn(P, '2020-12-31').state).toBe('inForce');
    expect(g.validityOn(P, '2021-01-01').state).toBe('expired');
  });

  it('same-day events sort to one order whatever order they come in (a document ending the day an amendment starts)', () => {
    const g = buildDocumentGraph(
      parseLegalRegister({ ...graphRegister(), documents: [doc(P, '2020-06-10', '2020-06-20', { effectiveTo: '2022-03-10' }), doc(S, '2022-03-01', '2022-03-11')], relations: [{ kind: 'amends', source: S, target: P }] }),
    );
    const events = g.eventsOf(P);
    expect(events.map((e) => [e.date, e.kind, e.cause])).toEqual([
      ['2020-06-20', 'takesEffect', 'own'],
      ['2022-03-11', 'expires', 'amends'],
      ['2022-03-11', 'expires', 'own'],
    ]);
    expect(replayValidity(P, [...events].reverse(), '2022-03-11')).toEqual(g.validityOn(P, '2022-03-11'));
    expect(g.validityOn(P, '2022-03-11').state).toBe('expired');
  });

  it('refuses an unknown document, an impossible date and a date before signing, by argument', () => {
    const g = graph();
    const codes = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ParValidationError).issues.map((i) => [i.path.join('.'), i.code]);
      }
    };
    expect(codes(() => g.validityOn('99/2020/QĐ-UBND', '2021-02-30'))).toEqual([
      ['document', 'unknown_document'],
      ['date', 'invalid_date'],
    ]);
    expect(codes(() => g.validityOn(P, '2020-06-09'))).toEqual([['date', 'before_signing']]);
  });
});

describe('inForceOn: the register in force on a date', () => {
  it('on 01/09/2022: P (partly expired), Q, S and U; R is suspended, T not yet signed', () => {
    expect(graph().inForceOn('2022-09-01').map((d) => d.number)).toEqual([P, Q, S, U]);
  });

  it('refuses a date that is not real and a filter that is not one', () => {
    expect(() => graph().inForceOn('2022-02-29')).toThrow(/date: Expected a real date/);
    expect(() => graph().inForceOn('2022-09-01', { level: 'ward' } as never)).toThrow(/filter\.level/);
    expect(() => graph().inForceOn('2022-09-01', 'district' as never)).toThrow(/filter: Expected a filter/);
    expect(() => graph().systematisation('31/12/2023')).toThrow(/cutOff/);
    expect(() => graph().reviewObligations(Number.NaN as never)).toThrow(/date/);
    expect(() => graph().eventsOf('1/2020/QĐ-UBND')).toThrow(/document: No document/);
  });

  it('filters by body and level', () => {
    expect(graph().inForceOn('2022-09-01', { body: 'peoplesCouncil' }).map((d) => d.number)).toEqual([P, S]);
    expect(graph().inForceOn('2022-09-01', { level: 'commune' })).toEqual([]);
  });
});

describe('reviewQueue: what a change puts under review (LEG-11, LEG-12, LEG-15)', () => {
  it('T replacing P on 11/05/2023: Q (details P, expires with it, listed first), P, then R (rests on Q)', () => {
    const queue = graph().reviewQueue({ kind: 'document', document: P, event: 'replaced', date: '2023-05-11', by: T });
    expect(queue.map((x) => [x.document, x.reason, x.dependsOn, x.depth, x.expiresWithParent, x.listDueBefore])).toEqual([
      [Q, 'details', P, 1, true, '2023-05-11'],
      [P, 'changed', undefined, 0, false, undefined],
      [R, 'basedOn', Q, 2, false, undefined],
    ]);
    expect(queue.every((x) => x.obligationArose === '2023-05-11')).toBe(true);
  });

  it('an amendment does not make the detailing document expire: Q is reviewed, not listed', () => {
    const queue = graph().reviewQueue({ kind: 'document', document: P, event: 'amended', date: '2022-03-11', by: S });
    expect(queue.map((x) => [x.document, x.expiresWithParent])).toEqual([
      [P, false],
      [Q, false],
      [R, false],
    ]);
  });

  it('the end of the district tier puts every district document still in force on 30/06/2025 into review', () => {
    const queue = graph().reviewQueue({ kind: 'restructuring', level: 'district', date: '2025-07-01' });
    // P and Q expired on 11/05/2023; R, S, T, U are in force
    expect(queue.map((x) => [x.document, x.reason])).toEqual([
      [R, 'restructuring'],
      [S, 'restructuring'],
      [T, 'restructuring'],
      [U, 'restructuring'],
    ]);
  });

  it('refuses a change that is not one, by path', () => {
    expect(() => graph().reviewQueue({ kind: 'document', document: P, event: 'vanished', date: '2023-02-30' } as never)).toThrow(/change\.event[\s\S]*change\.date/);
    expect(() => graph().reviewQueue({ kind: 'document', document: '99/2020/QĐ-UBND', event: 'amended', date: '2023-01-01' })).toThrow(/unknown_document/);
  });
});

describe('systematisation: the four lists of LEG-17 at a cut-off', () => {
  it('cut-off 31/12/2023: cycle 2019-2023; P and Q expired; R, S, T, U in force', () => {
    const s = graph().systematisation('2023-12-31');
    expect(s.cycle).toEqual({ from: '2019-01-01', cutOff: '2023-12-31', ruleId: 'LEG-16' });
    expect([s.expiredOrSuspended, s.partly, s.inForce, s.needingAction]).toEqual([[P, Q], [], [R, S, T, U], []]);
  });

  it('cut-off 31/12/2022: P is partly expired and still in force; R (suspension ended) in force; T not signed', () => {
    const s = graph().systematisation('2022-12-31');
    expect(s.cycle.cutOff).toBe('2023-12-31');
    expect(s.expiredOrSuspended).toEqual([R]); // suspended through 31/12/2022
    expect(s.partly).toEqual([P]);
    expect(s.inForce).toEqual([P, Q, S, U]);
  });

  it('cycles: 2024 falls in 2024-2028; 2018 closes 2014-2018', () => {
    expect(graph().systematisation('2024-06-30').cycle).toMatchObject({ from: '2024-01-01', cutOff: '2028-12-31' });
    expect(graph().systematisation('2018-12-31').cycle).toMatchObject({ from: '2014-01-01', cutOff: '2018-12-31' });
  });

  it('lists a document a review proposed to amend, until the amending document is signed', () => {
    const reg = { ...graphRegister(), reviews: [{ document: R, trigger: { kind: 'higherOrLaterDocument' as const, document: Q, date: '2023-05-11' }, reviewedOn: '2023-06-01', outcome: 'amend' as const, actedBy: '16/2024/QĐ-UBND' }] };
    reg.documents = [...reg.documents, doc('16/2024/QĐ-UBND', '2024-02-01', '2024-02-11')];
    const g = buildDocumentGraph(parseLegalRegister(reg));
    expect(g.systematisation('2023-12-31').needingAction).toEqual([R]);
    expect(g.systematisation('2024-12-31').needingAction).toEqual([]);
  });
});

describe('the register is refused with paths', () => {
  it('a cycle of relations, each relation in it named', () => {
    const reg = graphRegister();
    reg.relations = [...reg.relations!, { kind: 'basedOn', source: P, target: R }];
    // P -> R (basedOn) -> Q (basedOn) -> P (details): relations 0, 1 and 5 close the cycle
    expect(problems(reg)).toEqual([
      ['relations.0', 'relation_cycle'],
      ['relations.1', 'relation_cycle'],
      ['relations.5', 'relation_cycle'],
    ]);
  });

  it('a relation to an unknown document, an effective date before signing, a repeal before the target existed', () => {
    const reg = graphRegister();
    reg.documents[1] = doc(Q, '2020-07-01', '2020-06-30');
    reg.relations = [...reg.relations!, { kind: 'amends', source: S, target: '77/2020/QĐ-UBND' }, { kind: 'repeals', source: T, target: P, date: '2020-06-01' }];
    expect(problems(reg)).toEqual([
      ['documents.1.effectiveFrom', 'effective_before_signing'],
      ['relations.5.target', 'unknown_document'],
      ['relations.6.date', 'before_target_exists'],
      ['relations.6.date', 'before_source_signed'],
    ]);
  });

  it('a duplicate number, a record naming an unknown document, a malformed number, a number whose year is not the signing year', () => {
    const reg = graphRegister();
    reg.documents = [...reg.documents, doc(P, '2020-06-10', '2020-06-20'), doc('12/QĐ-UBND', '2020-01-01', '2020-01-11'), doc('20/2019/QĐ-UBND', '2020-01-01', '2020-01-11')];
    expect(problems(reg).map(([p]) => p)).toEqual(['documents.7.number', 'documents.8.signedOn']);
    reg.documents.splice(7, 2);
    reg.selfInspections = [{ document: '88/2021/QĐ-UBND', date: '2021-01-01' }];
    expect(problems(reg)).toEqual([
      ['documents.6.number', 'duplicate_document'],
      ['selfInspections.0.document', 'unknown_document'],
    ]);
  });

  it('a register that did not come from parseLegalRegister', () => {
    expect(() => buildDocumentGraph(graphRegister() as never)).toThrow(/register: Expected a register returned by parseLegalRegister/);
  });
});
