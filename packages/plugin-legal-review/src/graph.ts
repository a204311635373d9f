import { z } from 'zod';
import { addDays, CivilDateSchema, IssueList, parseWithSchema, toDayNumber, type CivilDate } from '@par/calendar';
import { DocumentNumberSchema, type LegalDocument, type LegalRegisterRecord, type RelationKind } from './records.js';
import { DISTRICT_TIER_END, ISSUER_LEVELS, LEG_RULES, legRuleInForce, type IssuerLevel } from './rules.js';
import { APPLYING_STATES, compareEvents, replayOn, ValidityFold, VALIDITY_STATES, type ValidityEvent, type ValidityOnDate, type ValidityState } from './validity.js';

type Path = (string | number)[];

/** What happened to a document that obliges a review (LEG-11, LEG-12). */
export const CHANGE_EVENTS = ['amended', 'replaced', 'repealed', 'suspended', 'declaredExpired', 'expired'] as const;

/** Zod schema for a {@link ReviewChange}. */
export const ReviewChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('document'), document: DocumentNumberSchema, event: z.enum(CHANGE_EVENTS), date: CivilDateSchema, by: DocumentNumberSchema.optional() }),
  /** A restructuring: every document of `level` still in force the day before `date` needs review or a successor. */
  z.strictObject({ kind: z.literal('restructuring'), level: z.enum(ISSUER_LEVELS), date: CivilDateSchema, basis: z.string().trim().min(1).optional() }),
]);

/** A change that obliges a review: one document's (amended, replaced...) or a restructuring of a whole level. */
export type ReviewChange = z.output<typeof ReviewChangeSchema>;

/** A document the review queue holds, with why and since when. */
export interface ReviewQueueItem {
  readonly document: string;
  /** `changed` (the document itself), `basedOn`, `details` or `guides` (through a dependency), or `restructuring`. */
  readonly reason: 'changed' | 'restructuring' | 'basedOn' | 'details' | 'guides';
  /** The document it depends on, for a dependant. */
  readonly dependsOn?: string;
  /** Edges from the changed document. */
  readonly depth: number;
  readonly trigger: ReviewChange;
  /** The date the review obligation arose. */
  readonly obligationArose: CivilDate;
  /** A detailing document that expires with its expiring parent (LEG-15): listed before `listDueBefore`. */
  readonly expiresWithParent: boolean;
  readonly listDueBefore?: CivilDate;
}

/** The four lists of a systematisation at a cut-off (LEG-17), and the cycle it falls in (LEG-16). */
export interface Systematisation {
  readonly cutOff: CivilDate;
  /** The periodic cycle containing the cut-off: from the day after the previous cut-off to the cycle's cut-off. */
  readonly cycle: { readonly from: CivilDate; readonly cutOff: CivilDate; readonly ruleId: string };
  /** Wholly expired or suspended (including execution suspended) at the cut-off. */
  readonly expiredOrSuspended: readonly string[];
  /** Partly expired or partly suspended. */
  readonly partly: readonly string[];
  /** Still in force, including partly expired and not yet in force. */
  readonly inForce: readonly string[];
  /** Documents a review proposed to suspend, amend, replace, repeal or re-issue, not acted on by the cut-off. */
  readonly needingAction: readonly string[];
}

/** Which documents `inForceOn` returns: by issuer unit, level or body. */
export interface InForceFilter {
  readonly unitId?: string;
  readonly level?: IssuerLevel;
  readonly body?: LegalDocument['issuer']['body'];
}

/** The document graph of one register: point-in-time validity, the register in force, review queues, systematisation. */
export interface DocumentGraph {
  readonly register: LegalRegisterRecord;
  /** The document with this number, or `undefined`. */
  document(number: string): LegalDocument | undefined;
  /** A document's validity events (its own dates, relations, handling decisions, its parent's expiry), in date order. */
  eventsOf(number: string): readonly ValidityEvent[];
  /**
   * The state of a document on a date (§3.4), with the source document and date of every change up to it. Throws
   * `ParValidationError` for an unknown document, a date that is not real, or a date before the document was signed.
   */
  validityOn(number: string, date: CivilDate): ValidityOnDate;
  /** Every document that applies (in force, partly expired or partly suspended) on a date, in register order. */
  inForceOn(date: CivilDate, filter?: InForceFilter): LegalDocument[];
  /**
   * The documents a change puts under review (LEG-11, LEG-12): the document itself and, transitively, every document
   * that cites it as legal basis or details or guides it, still in force on the change's date. Detailing documents
   * of an expiring parent come first, flagged `expiresWithParent` with the date their list is due before (LEG-15).
   */
  reviewQueue(change: ReviewChange): ReviewQueueItem[];
  /** Every review obligation the register's own records raise, up to `date` (relations, own expiries, restructuring). */
  reviewObligations(date: CivilDate): ReviewQueueItem[];
  /** The four lists of LEG-17 at a cut-off, and its LEG-16 cycle. */
  systematisation(cutOff: CivilDate): Systematisation;
}

const ACTING: ReadonlySet<RelationKind> = new Set(['amends', 'replaces', 'repeals', 'suspends', 'corrects', 'declaresExpired']);
const DEPENDS: ReadonlySet<RelationKind> = new Set(['basedOn', 'details', 'guides']);
const CHANGE_OF: Partial<Record<RelationKind, (typeof CHANGE_EVENTS)[number]>> = {
  amends: 'amended',
  replaces: 'replaced',
  repeals: 'repealed',
  suspends: 'suspended',
  declaresExpired: 'declaredExpired',
};
const STATE_CODE = new Map(VALIDITY_STATES.map((s, i) => [s, i]));
const CODE = Object.fromEntries(VALIDITY_STATES.map((s, i) => [s, i])) as Record<ValidityState, number>;
const APPLYING = new Set(APPLYING_STATES.map((s) => STATE_CODE.get(s)!));
const NOT_YET = STATE_CODE.get('notYetInForce')!;
const EXPIRED = STATE_CODE.get('expired')!;
const INFORCE = STATE_CODE.get('inForce')!;
// the states whose article lists can be non-empty (an expired document keeps the articles that expired before it)
const WITH_ARTICLES: ReadonlySet<ValidityState> = new Set(['partlyExpired', 'partlySuspended', 'suspended', 'executionSuspended', 'expired']);

/** Day numbers of dates, memoised (a register uses a few thousand distinct dates); NaN for a date that is not real. */
function dayCache() {
  const cache = new Map<string, number>();
  return (date: unknown): number => {
    if (typeof date !== 'string') return Number.NaN;
    let d = cache.get(date);
    if (d === undefined) {
      try {
        d = toDayNumber(date);
      } catch {
        return Number.NaN;
      }
      cache.set(date, d);
    }
    return d;
  };
}

/** Every document reference of the register's records, with its path, for the unknown-document check. */
function* references(r: LegalRegisterRecord): Generator<[string, Path]> {
  const each = <T>(name: string, xs: readonly T[], refs: (x: T) => [string | undefined, Path][]) => xs.flatMap((x, i) => refs(x).map(([ref, p]) => [ref, [name, i, ...p]] as [string | undefined, Path]));
  const all = [
    ...each('publications', r.publications, (x) => [[x.document, ['document']]]),
    ...each('selfInspections', r.selfInspections, (x) => [[x.document, ['document']]]),
    ...each('inspectionSubmissions', r.inspectionSubmissions, (x) => [[x.document, ['document']]]),
    ...each('inspectionConclusions', r.inspectionConclusions, (x) => [[x.document, ['document']]]),
    ...each('handlingDecisions', r.handlingDecisions, (x) => [[x.document, ['document']], [x.byDocument, ['byDocument']]]),
    ...each('reviews', r.reviews, (x) => [[x.document, ['document']], [x.trigger.document, ['trigger', 'document']], [x.actedBy, ['actedBy']]]),
    ...each('transfers', r.transfers, (x) => [[x.document, ['document']]]),
    ...each('implementationPlans', r.implementationPlans, (x) => [[x.document, ['document']]]),
    ...each('expiryLists', r.expiryLists, (x) => x.documents.map((d, j) => [d, ['documents', j]])),
    ...each('detailingExpiryLists', r.detailingExpiryLists, (x) => [[x.parent, ['parent']], ...x.documents.map((d, j): [string, Path] => [d, ['documents', j]])]),
    ...each('systematisations', r.systematisations, (x) =>
      x.lists ? (['expiredOrSuspended', 'partly', 'inForce', 'needingAction'] as const).flatMap((l) => x.lists![l].map((d, j): [string, Path] => [d, ['lists', l, j]])) : [],
    ),
  ];
  for (const [ref, p] of all) if (ref !== undefined) yield [ref, p];
}

/** Relations that make a cycle: Tarjan's strongly connected components, iteratively (a register can be large). */
function cyclicRelations(n: number, from: Int32Array, to: Int32Array): number[] {
  const m = from.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) if (from[e]! >= 0 && to[e]! >= 0) offsets[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const edges = new Int32Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < m; e++) if (from[e]! >= 0 && to[e]! >= 0) edges[fill[from[e]!]!++] = to[e]!;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let next = 0;
  let components = 0;
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(offsets[root]!);
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const v = callNode[callNode.length - 1]!;
      const e = callEdge[callEdge.length - 1]!;
      if (e < offsets[v + 1]!) {
        callEdge[callEdge.length - 1] = e + 1;
        const w = edges[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(offsets[w]!);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const u = callNode[callNode.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
          size++;
        } while (w !== v);
        sizes.push(size);
        components++;
      }
    }
  }
  const cyclic: number[] = [];
  for (let e = 0; e < m; e++) {
    const [a, b] = [from[e]!, to[e]!];
    if (a >= 0 && b >= 0 && component[a] === component[b] && (a === b || sizes[component[a]!]! > 1)) cyclic.push(e);
  }
  return cyclic;
}

const argumentDate = (issues: IssueList, path: Path, date: unknown, day: number) => {
  if (Number.isNaN(day)) issues.add(path, 'invalid_date', `Expected a real date YYYY-MM-DD, got ${JSON.stringify(date) ?? typeof date}`);
};

/**
 * Builds the document graph of a register that passed `LegalRegisterSchema`: checks its cross-references (a
 * duplicate number, a relation or record naming an unknown document, an effective date before signing, a relation
 * dated before its target was signed or before its source was, a cycle of relations) and throws one
 * `ParValidationError` naming every problem by path under `at` (internal: `parseLegalRegister` is the public face).
 */
export function compileGraph(register: LegalRegisterRecord, at: Path = []): DocumentGraph {
  const docs = register.documents;
  const rels = register.relations;
  const n = docs.length;
  const issues = new IssueList();
  const dayOf = dayCache();
  const index = new Map<string, number>();
  const signed = new Int32Array(n);
  docs.forEach((d, i) => {
    const size = index.size;
    index.set(d.number, i); // one hash operation; a duplicate (the register is then refused) looks up its first entry
    if (index.size === size) issues.add([...at, 'documents', i, 'number'], 'duplicate_document', `${d.number} is registered twice (first at documents[${docs.findIndex((x) => x.number === d.number)}])`);
    signed[i] = dayOf(d.signedOn);
    if (d.effectiveFrom < d.signedOn) issues.add([...at, 'documents', i, 'effectiveFrom'], 'effective_before_signing', `${d.number} takes effect on ${d.effectiveFrom}, before it was signed (${d.signedOn})`);
    if (d.effectiveTo !== undefined && d.effectiveTo < d.effectiveFrom) issues.add([...at, 'documents', i, 'effectiveTo'], 'ends_before_effective', `${d.number} ends on ${d.effectiveTo}, before it takes effect (${d.effectiveFrom})`);
  });
  const from = new Int32Array(rels.length);
  const to = new Int32Array(rels.length);
  const relDate: CivilDate[] = new Array(rels.length);
  rels.forEach((r, i) => {
    const s = index.get(r.source) ?? -1;
    const t = index.get(r.target) ?? -1;
    from[i] = s;
    to[i] = t;
    if (s < 0) issues.add([...at, 'relations', i, 'source'], 'unknown_document', `No document ${r.source} in the register`);
    if (t < 0) issues.add([...at, 'relations', i, 'target'], 'unknown_document', `No document ${r.target} in the register`);
    if (s < 0 || t < 0) return;
    const date = (relDate[i] = r.date ?? docs[s]!.effectiveFrom);
    if (ACTING.has(r.kind) && date < docs[t]!.signedOn) {
      issues.add([...at, 'relations', i, r.date ? 'date' : 'source'], 'before_target_exists', `${r.source} ${r.kind} ${r.target} on ${date}, before ${r.target} was signed (${docs[t]!.signedOn})`);
    }
    if (ACTING.has(r.kind) && date < docs[s]!.signedOn) issues.add([...at, 'relations', i, 'date'], 'before_source_signed', `${r.source} ${r.kind} ${r.target} on ${date}, before ${r.source} itself was signed (${docs[s]!.signedOn})`);
  });
  for (const [ref, p] of references(register)) if (!index.has(ref)) issues.add([...at, ...p], 'unknown_document', `No document ${ref} in the register`);
  // following relations from a later document to an earlier one, signing dates fall: only a relation that does not go
  // back in time (same day, or to a later document) can close a cycle, so most registers skip the search
  let backwards = false;
  for (let i = 0; i < rels.length && !backwards; i++) backwards = from[i]! >= 0 && to[i]! >= 0 && signed[from[i]!]! <= signed[to[i]!]!;
  for (const e of backwards ? cyclicRelations(n, from, to) : []) {
    const r = rels[e]!;
    issues.add([...at, 'relations', e], 'relation_cycle', r.source === r.target ? `${r.source} ${r.kind} itself` : `${r.source} ${r.kind} ${r.target} closes a cycle of relations`);
  }
  issues.throwIfAny('legal register');

  // validity events: a document's own dates are built on demand; relations, handling and LEG-15 add the rest
  const event = (date: CivilDate, kind: ValidityEvent['kind'], whole: boolean, articles: readonly string[], cause: ValidityEvent['cause'], sourceDocument: string | undefined, key?: string): ValidityEvent =>
    key === undefined ? { date, kind, whole, articles, cause, sourceDocument } : { date, kind, whole, articles, cause, sourceDocument, key };
  const ownEvents = (d: LegalDocument): ValidityEvent[] => {
    const own = [event(d.effectiveFrom, 'takesEffect', true, [], 'own', d.number)];
    if (d.effectiveTo) own.push(event(addDays(d.effectiveTo, 1), 'expires', true, [], 'own', d.number));
    return own;
  };
  const extra: (ValidityEvent[] | undefined)[] = new Array(n);
  const push = (i: number, e: ValidityEvent) => void (extra[i] ??= []).push(e);
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i]!;
    if (r.kind !== 'amends' && r.kind !== 'replaces' && r.kind !== 'repeals' && r.kind !== 'suspends') continue;
    const whole = r.articles === undefined && r.kind !== 'amends';
    const articles = r.articles ?? [];
    if (r.kind !== 'suspends') push(to[i]!, event(relDate[i]!, 'expires', whole, articles, r.kind, r.source));
    else {
      push(to[i]!, event(relDate[i]!, 'suspended', whole, articles, r.kind, r.source, `relations[${i}]`));
      if (r.until) push(to[i]!, event(addDays(r.until, 1), 'suspensionEnds', whole, articles, r.kind, r.source, `relations[${i}]`));
    }
  }
  register.handlingDecisions.forEach((h, i) => {
    const target = index.get(h.document)!;
    const date = h.effectiveFrom ?? h.signedOn;
    const articles = h.articles ?? [];
    if (h.measure === 'suspendExecution') {
      push(target, event(date, 'executionSuspended', h.articles === undefined, articles, 'handling', h.byDocument, `handlingDecisions[${i}]`));
      if (h.liftedOn) push(target, event(h.liftedOn, 'executionResumes', h.articles === undefined, articles, 'handling', h.byDocument, `handlingDecisions[${i}]`));
    } else if (h.measure === 'repealWholly' || h.measure === 'repealPartly') push(target, event(date, 'expires', h.measure === 'repealWholly' && h.articles === undefined, articles, 'handling', h.byDocument));
  });
  // LEG-15: a detailing or guiding document expires with its parent; parents first (the relations are acyclic)
  const childOffsets = new Int32Array(n + 1);
  const parents = new Int32Array(n);
  for (let i = 0; i < rels.length; i++) {
    const kind = rels[i]!.kind;
    if (kind === 'details' || kind === 'guides') {
      childOffsets[to[i]! + 1]!++;
      parents[from[i]!]!++;
    }
  }
  for (let i = 0; i < n; i++) childOffsets[i + 1]! += childOffsets[i]!;
  const children = new Int32Array(childOffsets[n]!);
  const childFill = childOffsets.slice(0, n);
  for (let i = 0; i < rels.length; i++) {
    const kind = rels[i]!.kind;
    if (kind === 'details' || kind === 'guides') children[childFill[to[i]!]!++] = from[i]!;
  }
  /** The first day document i is wholly expired, from its own end or a whole expiry event. */
  const wholeExpiry = (i: number): CivilDate | undefined => {
    const own = docs[i]!.effectiveTo;
    let end = own === undefined ? undefined : addDays(own, 1);
    for (const e of extra[i] ?? []) if (e.kind === 'expires' && e.whole && (end === undefined || e.date < end)) end = e.date;
    return end;
  };
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (parents[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const p = queue[q]!;
    if (childOffsets[p] === childOffsets[p + 1]) continue;
    const end = wholeExpiry(p);
    for (let k = childOffsets[p]!; k < childOffsets[p + 1]!; k++) {
      const c = children[k]!;
      if (end) push(c, event(end, 'expires', true, [], 'parentExpired', docs[p]!.number));
      if (--parents[c]! === 0) queue.push(c);
    }
  }
  // every event of a document, sorted: built now for documents with more than their own dates, on demand for the rest
  const full: (ValidityEvent[] | undefined)[] = new Array(n);
  const eventList = (i: number): ValidityEvent[] => (full[i] ??= ownEvents(docs[i]!));
  // state after each event, flat, for the register-wide queries
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const more = extra[i];
    if (more) full[i] = [...ownEvents(docs[i]!), ...more].sort(compareEvents);
    offsets[i + 1] = offsets[i]! + (more ? full[i]!.length : docs[i]!.effectiveTo ? 2 : 1);
  }
  const evDay = new Int32Array(offsets[n]!);
  const evState = new Uint8Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const o = offsets[i]!;
    const list = extra[i] && full[i]!;
    if (!list) {
      const d = docs[i]!;
      evDay[o] = dayOf(d.effectiveFrom);
      evState[o] = INFORCE;
      if (d.effectiveTo) {
        evDay[o + 1] = dayOf(d.effectiveTo) + 1;
        evState[o + 1] = EXPIRED;
      }
      continue;
    }
    const fold = new ValidityFold();
    for (let k = 0; k < list.length; k++) {
      fold.apply(list[k]!);
      evDay[o + k] = dayOf(list[k]!.date);
      evState[o + k] = CODE[fold.state()];
    }
  }
  /** The flat index of document i's last event on or before a day, or -1. */
  const lastEventOn = (i: number, day: number): number => {
    let lo = offsets[i]!;
    let hi = offsets[i + 1]! - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (evDay[mid]! <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  /** The state code of document i on a day: the state after its last event on or before it. */
  const stateAt = (i: number, day: number): number => {
    const found = lastEventOn(i, day);
    return found < 0 ? NOT_YET : evState[found]!;
  };
  // dependants: documents that cite a document as basis, or detail or guide it
  const depOffsets = new Int32Array(n + 1);
  rels.forEach((r, i) => {
    if (DEPENDS.has(r.kind)) depOffsets[to[i]! + 1]!++;
  });
  for (let i = 0; i < n; i++) depOffsets[i + 1]! += depOffsets[i]!;
  const depDoc = new Int32Array(depOffsets[n]!);
  const depRel = new Int32Array(depOffsets[n]!);
  const depFill = depOffsets.slice(0, n);
  rels.forEach((r, i) => {
    if (DEPENDS.has(r.kind)) {
      const k = depFill[to[i]!]!++;
      depDoc[k] = from[i]!;
      depRel[k] = i;
    }
  });
  const seen = new Int32Array(n);
  let generation = 0;

  const check = (fn: string, add: (issues: IssueList) => void) => {
    const problems = new IssueList();
    add(problems);
    problems.throwIfAny(`arguments of ${fn}`);
  };
  const known = (issues: IssueList, path: Path, number: unknown) => {
    if (typeof number !== 'string' || !index.has(number)) issues.add(path, 'unknown_document', `No document ${JSON.stringify(number) ?? typeof number} in the register`);
  };

  const queueOf = (change: ReviewChange): ReviewQueueItem[] => {
    const day = dayOf(change.date);
    const items: ReviewQueueItem[] = [];
    const expiring = change.kind === 'document' && (change.event === 'replaced' || change.event === 'repealed' || change.event === 'expired');
    const stamp = ++generation;
    const frontier: number[] = []; // documents in the queue, in the order of `items`
    const carries: boolean[] = []; // parallel: whether its detailing documents expire with it (LEG-15)
    if (change.kind === 'document') {
      const i = index.get(change.document)!;
      seen[i] = stamp;
      frontier.push(i);
      carries.push(expiring);
      items.push({ document: change.document, reason: 'changed', depth: 0, trigger: change, obligationArose: change.date, expiresWithParent: false });
    } else {
      const before = day - 1;
      for (let i = 0; i < n; i++) {
        const d = docs[i]!;
        if (d.issuer.level !== change.level || signed[i]! > before) continue;
        if (stateAt(i, before) === EXPIRED) continue;
        seen[i] = stamp;
        frontier.push(i);
        carries.push(false);
        items.push({ document: d.number, reason: 'restructuring', depth: 0, trigger: change, obligationArose: change.date, expiresWithParent: false });
      }
    }
    for (let q = 0; q < frontier.length; q++) {
      const p = frontier[q]!;
      for (let k = depOffsets[p]!; k < depOffsets[p + 1]!; k++) {
        const c = depDoc[k]!;
        if (seen[c] === stamp || signed[c]! > day || stateAt(c, day - 1) === EXPIRED) continue; // in force until the change
        seen[c] = stamp;
        const kind = rels[depRel[k]!]!.kind as 'basedOn' | 'details' | 'guides';
        const withParent = carries[q]! && kind !== 'basedOn';
        frontier.push(c);
        carries.push(withParent);
        items.push({
          document: docs[c]!.number,
          reason: kind,
          dependsOn: docs[p]!.number,
          depth: items[q]!.depth + 1,
          trigger: change,
          obligationArose: change.date,
          expiresWithParent: withParent,
          ...(withParent && { listDueBefore: change.date }),
        });
      }
    }
    return [...items.filter((x) => x.expiresWithParent), ...items.filter((x) => !x.expiresWithParent)];
  };

  let obligations: { change: ReviewChange; items: ReviewQueueItem[] }[] | undefined;
  const allObligations = () => {
    if (obligations) return obligations;
    const changes: ReviewChange[] = [];
    rels.forEach((r, i) => {
      const event = CHANGE_OF[r.kind];
      if (event) changes.push({ kind: 'document', document: r.target, event, date: relDate[i]!, by: r.source });
    });
    for (const d of docs) if (d.effectiveTo) changes.push({ kind: 'document', document: d.number, event: 'expired', date: addDays(d.effectiveTo, 1) });
    for (const h of register.handlingDecisions) {
      const event = ({ suspendExecution: 'suspended', repealWholly: 'repealed', repealPartly: 'amended', amend: 'amended', replace: 'replaced', correct: undefined } as const)[h.measure];
      if (event) changes.push({ kind: 'document', document: h.document, event, date: h.effectiveFrom ?? h.signedOn, ...(h.byDocument && { by: h.byDocument }) });
    }
    if (docs.some((d) => d.issuer.level === DISTRICT_TIER_END.level)) {
      changes.push({ kind: 'restructuring', level: DISTRICT_TIER_END.level, date: DISTRICT_TIER_END.triggerDate, basis: DISTRICT_TIER_END.legalBasis.document });
    }
    changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return (obligations = changes.map((change) => ({ change, items: queueOf(change) })));
  };

  return {
    register,
    document: (number) => (typeof number === 'string' && index.has(number) ? docs[index.get(number)!] : undefined),
    eventsOf(number) {
      check('eventsOf', (issues) => known(issues, ['document'], number));
      return eventList(index.get(number)!);
    },
    validityOn(number, date) {
      const i = typeof number === 'string' ? index.get(number) : undefined;
      const day = dayOf(date);
      if (i === undefined || Number.isNaN(day) || day < signed[i]!) {
        check('validityOn', (issues) => {
          known(issues, ['document'], number);
          argumentDate(issues, ['date'], date, day);
          if (i !== undefined && day < signed[i]!) issues.add(['date'], 'before_signing', `${number} was signed on ${docs[i]!.signedOn}; it has no validity on ${date}`);
        });
      }
      // the state from the index; the article lists from a fold of the events up to it
      const list = eventList(i!);
      const last = lastEventOn(i!, day);
      const count = last < 0 ? 0 : last - offsets[i!]! + 1;
      const state = VALIDITY_STATES[last < 0 ? NOT_YET : evState[last]!]!;
      const changes = list.slice(0, count);
      const articles = WITH_ARTICLES.has(state) ? replayOn(number, changes, date) : { expiredArticles: [], suspendedArticles: [] };
      return { document: number, date, state, since: changes[count - 1]?.date, expiredArticles: articles.expiredArticles, suspendedArticles: articles.suspendedArticles, changes };
    },
    inForceOn(date, filter = {}) {
      const day = dayOf(date);
      const f = (filter ?? {}) as InForceFilter;
      check('inForceOn', (issues) => {
        argumentDate(issues, ['date'], date, day);
        if (typeof filter !== 'object' || filter === null) issues.add(['filter'], 'invalid_type', 'Expected a filter { unitId?, level?, body? }');
        else if (f.level !== undefined && !(ISSUER_LEVELS as readonly unknown[]).includes(f.level)) issues.add(['filter', 'level'], 'invalid_level', `Expected one of ${ISSUER_LEVELS.join(', ')}`);
      });
      const out: LegalDocument[] = [];
      for (let i = 0; i < n; i++) {
        const d = docs[i]!;
        if ((f.unitId !== undefined && d.issuer.unitId !== f.unitId) || (f.level !== undefined && d.issuer.level !== f.level) || (f.body !== undefined && d.issuer.body !== f.body)) continue;
        if (APPLYING.has(stateAt(i, day))) out.push(d);
      }
      return out;
    },
    reviewQueue(change) {
      const c = parseWithSchema('arguments of reviewQueue', z.strictObject({ change: ReviewChangeSchema }), { change }).change;
      check('reviewQueue', (issues) => {
        if (c.kind === 'document') {
          known(issues, ['change', 'document'], c.document);
          if (c.by !== undefined) known(issues, ['change', 'by'], c.by);
          if (index.has(c.document) && c.date < docs[index.get(c.document)!]!.signedOn) issues.add(['change', 'date'], 'before_target_exists', `${c.document} was signed on ${docs[index.get(c.document)!]!.signedOn}, after ${c.date}`);
        }
      });
      return queueOf(c);
    },
    reviewObligations(date) {
      check('reviewObligations', (issues) => argumentDate(issues, ['date'], date, dayOf(date)));
      return allObligations().flatMap((o) => (o.change.date <= date ? o.items : []));
    },
    systematisation(cutOff) {
      const day = dayOf(cutOff);
      check('systematisation', (issues) => argumentDate(issues, ['cutOff'], cutOff, day));
      const rule = legRuleInForce('systematisation', cutOff) ?? LEG_RULES.systematisation[0]!;
      const { years, firstCutOff } = rule.params;
      const first = Number(firstCutOff.slice(0, 4));
      const k = Math.ceil((Number(cutOff.slice(0, 4)) - first) / years);
      const cycleEnd = `${first + k * years}-12-31`;
      const previous = `${first + (k - 1) * years}-12-31`;
      const prevDay = dayOf(previous);
      const lists = { expiredOrSuspended: [] as string[], partly: [] as string[], inForce: [] as string[] };
      const wholeOff = new Set(['expired', 'suspended', 'executionSuspended'].map((s) => STATE_CODE.get(s as ValidityState)!));
      const partly = new Set(['partlyExpired', 'partlySuspended'].map((s) => STATE_CODE.get(s as ValidityState)!));
      for (let i = 0; i < n; i++) {
        if (signed[i]! > day || (signed[i]! <= prevDay && stateAt(i, prevDay) === EXPIRED)) continue;
        const s = stateAt(i, day);
        const number = docs[i]!.number;
        if (wholeOff.has(s)) lists.expiredOrSuspended.push(number);
        else {
          if (partly.has(s)) lists.partly.push(number);
          lists.inForce.push(number);
        }
      }
      const acted = (r: LegalRegisterRecord['reviews'][number]) => r.actedBy !== undefined && (r.actedOn ?? docs[index.get(r.actedBy)!]!.signedOn) <= cutOff;
      const needingAction = [
        ...new Set(register.reviews.filter((r) => r.reviewedOn <= cutOff && r.outcome !== 'noAction' && !acted(r) && stateAt(index.get(r.document)!, day) !== EXPIRED).map((r) => r.document)),
      ];
      return { cutOff, cycle: { from: addDays(previous, 1), cutOff: cycleEnd, ruleId: rule.ruleId }, ...lists, needingAction };
    },
  };
}
