import { z } from 'zod';
import { CivilDateSchema, parseWithSchema, type CivilDate } from '@par/calendar';
import { RELATION_KINDS } from './records.js';

/** The validity states of §3.4. */
export const VALIDITY_STATES = ['notYetInForce', 'inForce', 'partlyExpired', 'expired', 'partlySuspended', 'suspended', 'executionSuspended'] as const;

/**
 * A document's validity on a date (§3.4): `notYetInForce` (chưa có hiệu lực), `inForce` (còn hiệu lực),
 * `partlyExpired` (hết hiệu lực một phần), `expired` (hết hiệu lực toàn bộ), `partlySuspended` / `suspended`
 * (tạm ngưng hiệu lực một phần / toàn bộ), `executionSuspended` (bị đình chỉ thi hành).
 */
export type ValidityState = (typeof VALIDITY_STATES)[number];

/** The states in which a document still applies, wholly or partly: what `inForceOn` returns. */
export const APPLYING_STATES: readonly ValidityState[] = ['inForce', 'partlyExpired', 'partlySuspended'];

/** The kinds of validity event, in the order same-day events apply. */
export const VALIDITY_EVENT_KINDS = ['takesEffect', 'expires', 'suspended', 'executionSuspended', 'suspensionEnds', 'executionResumes'] as const;

/** Zod schema for one {@link ValidityEvent}. */
export const ValidityEventSchema = z.strictObject({
  date: CivilDateSchema,
  kind: z.enum(VALIDITY_EVENT_KINDS),
  /** Whether it concerns the whole document; otherwise `articles` lists the articles (empty: not listed). */
  whole: z.boolean(),
  articles: z.array(z.string()).readonly(),
  /** Why: the document's own dates, a relation of §3.3, a handling decision, or its parent's expiry (LEG-15). */
  cause: z.enum(['own', 'handling', 'parentExpired', ...RELATION_KINDS]),
  /** The document that made the change (the document itself for its own dates), when known. */
  sourceDocument: z.string().optional(),
  /** Pairs a suspension with its end. */
  key: z.string().optional(),
});

/** One change in a document's validity, with its source document and date. */
export type ValidityEvent = z.output<typeof ValidityEventSchema>;

/** A document's validity on a date, with every change up to that date. */
export interface ValidityOnDate {
  readonly document: string;
  readonly date: CivilDate;
  readonly state: ValidityState;
  /** The date of the last change on or before `date`. */
  readonly since: CivilDate | undefined;
  /** Articles no longer in force (listed by partial expiries). */
  readonly expiredArticles: readonly string[];
  /** Articles suspended (listed by partial suspensions in effect). */
  readonly suspendedArticles: readonly string[];
  /** The changes applied, in date order, each with its source document. */
  readonly changes: readonly ValidityEvent[];
}

const ORDER = Object.fromEntries(VALIDITY_EVENT_KINDS.map((k, i) => [k, i])) as Record<ValidityEvent['kind'], number>;

const text = (e: ValidityEvent) => `${e.cause}\u0000${e.sourceDocument ?? ''}\u0000${e.key ?? ''}\u0000${e.whole}\u0000${e.articles.join(',')}`;

/**
 * Orders events by date, then by kind (a document takes effect before a same-day repeal ends it), then by cause,
 * source and articles, so that any order of the same events sorts to one list.
 */
export const compareEvents = (a: ValidityEvent, b: ValidityEvent): number => {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const byKind = ORDER[a.kind] - ORDER[b.kind];
  if (byKind !== 0) return byKind;
  const [x, y] = [text(a), text(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * A fold of validity events, one at a time (internal): the state after each event is read without replaying the
 * events before it, so the graph indexes a register in one pass and a replay uses the very same rules.
 */
export class ValidityFold {
  private started = false;
  private expiredWhole = false;
  private partlyExpired = false;
  // created on first use: most documents are never amended partly, suspended or handled
  private expired: Set<string> | undefined;
  private suspensions: Map<string, ValidityEvent> | undefined;
  private executions: Set<string> | undefined;
  private count = 0;

  /** Applies the next event (events come in {@link compareEvents} order). */
  apply(e: ValidityEvent): void {
    const key = e.key ?? `${this.count}`;
    this.count++;
    switch (e.kind) {
      case 'takesEffect':
        this.started = true;
        break;
      case 'expires':
        if (e.whole) this.expiredWhole = true;
        else {
          this.partlyExpired = true;
          for (const a of e.articles) (this.expired ??= new Set()).add(a);
        }
        break;
      case 'suspended':
        (this.suspensions ??= new Map()).set(key, e);
        break;
      case 'suspensionEnds':
        this.suspensions?.delete(key);
        break;
      case 'executionSuspended':
        (this.executions ??= new Set()).add(key);
        break;
      case 'executionResumes':
        this.executions?.delete(key);
        break;
    }
  }

  /** The state after the events applied so far. */
  state(): ValidityState {
    if (this.expiredWhole) return 'expired';
    if (!this.started) return 'notYetInForce';
    let partial = false;
    for (const s of this.suspensions?.values() ?? []) {
      if (s.whole) return 'suspended';
      partial = true;
    }
    if (this.executions && this.executions.size > 0) return 'executionSuspended';
    return partial ? 'partlySuspended' : this.partlyExpired ? 'partlyExpired' : 'inForce';
  }

  /** Articles no longer in force, and articles suspended, sorted. */
  articles(): { expiredArticles: string[]; suspendedArticles: string[] } {
    return { expiredArticles: [...(this.expired ?? [])].sort(), suspendedArticles: [...new Set([...(this.suspensions?.values() ?? [])].flatMap((s) => s.articles))].sort() };
  }
}

/** The validity on `date` from the events up to it (internal: arguments already checked, events sorted). */
export function replayOn(document: string, events: readonly ValidityEvent[], date: CivilDate): ValidityOnDate {
  const fold = new ValidityFold();
  let count = 0;
  while (count < events.length && events[count]!.date <= date) fold.apply(events[count++]!);
  const changes = events.slice(0, count);
  return { document, date, state: fold.state(), ...fold.articles(), since: changes[changes.length - 1]?.date, changes };
}

/**
 * Replays a document's validity events up to `date` (inclusive), in date order whatever order they are given in:
 * the reference the document graph's `validityOn` is tested against. Throws `ParValidationError` naming a bad
 * argument (`document` empty, `events` not validity events by path, `date` not a real date).
 */
export function replayValidity(document: string, events: readonly ValidityEvent[], date: CivilDate): ValidityOnDate {
  const args = parseWithSchema(
    'arguments of replayValidity',
    z.strictObject({ document: z.string().trim().min(1), events: z.array(ValidityEventSchema), date: CivilDateSchema }),
    { document, events, date },
  );
  return replayOn(args.document, [...args.events].sort(compareEvents), args.date);
}
