// The contract of the lifecycle store port (`LifecycleStore` of `@par/lifecycle`): the same cases run against the
// in-memory adapter and against the database adapters on both engines.
import { expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { ParConflictError, type LifecycleStore, type LogEntry } from '@par/lifecycle';
import { assignment } from './fixtures.js';

/** Gives a store where the returned assignment can be written by its unit (c1). */
export type ContractSetup = (a: ReturnType<typeof assignment>) => Promise<LifecycleStore>;

const issues = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
  }
  return [];
};

export function lifecycleStoreContract(setup: ContractSetup): void {
  it('appends at the expected version, returns the new one, and loads the entries exactly', async () => {
    const a = assignment();
    const store = await setup(a);
    expect(await store.load(a.input.id)).toEqual({ entries: [], version: 0 });
    expect(await store.append(a.input.id, a.log.slice(0, 1), 0)).toBe(1);
    expect(await store.append(a.input.id, a.log.slice(1), 1)).toBe(3);
    expect(await store.load(a.input.id)).toEqual({ entries: a.log, version: 3 });
    // an empty append at the current version changes nothing
    expect(await store.append(a.input.id, [], 3)).toBe(3);
  });

  it('refuses a stale write with ParConflictError and writes nothing', async () => {
    const a = assignment();
    const store = await setup(a);
    expect(await store.append(a.input.id, a.log.slice(0, 2), 0)).toBe(2);
    const stale = store.append(a.input.id, a.log.slice(0, 1), 0);
    await expect(stale).rejects.toSatisfy((e: unknown) => ParConflictError.isInstance(e) && e.expectedVersion === 0 && e.actualVersion === 2);
    await expect(store.append(a.input.id, [], 1)).rejects.toSatisfy((e: unknown) => ParConflictError.isInstance(e) && e.actualVersion === 2);
    expect((await store.load(a.input.id)).entries).toEqual(a.log.slice(0, 2));
  });

  it('lets exactly one of two writers at the same version win: no lost update', async () => {
    const a = assignment();
    const store = await setup(a);
    const results = await Promise.allSettled([store.append(a.input.id, a.log.slice(0, 1), 0), store.append(a.input.id, a.log.slice(0, 1), 0), store.append(a.input.id, a.log.slice(0, 1), 0)]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([1]);
    expect(results.filter((r) => r.status === 'rejected').every((r) => ParConflictError.isInstance((r as PromiseRejectedResult).reason))).toBe(true);
    expect(await store.load(a.input.id)).toEqual({ entries: a.log.slice(0, 1), version: 1 });
  });

  it("refuses another assignment's entries, a broken sequence, a malformed event and a bad version, naming each, and writes nothing", async () => {
    const a = assignment();
    const store = await setup(a);
    const other = { ...a.log[0]!, assignmentId: `${a.input.id}x` } as LogEntry;
    expect(await issues(store.append(a.input.id, [other], 0))).toEqual(['entries.0.assignmentId wrong_assignment']);
    expect(await issues(store.append(a.input.id, a.log.slice(1, 2), 0))).toEqual(['entries.0.seq bad_sequence']);
    const malformed = { ...a.log[0]!, event: { ...a.log[0]!.event, at: 'yesterday' } } as LogEntry;
    expect(await issues(store.append(a.input.id, [malformed], 0))).toEqual(['entries.0.event.at schema.invalid_format']);
    expect(await issues(store.append(a.input.id, a.log.slice(0, 1), 0.5))).toEqual(['expectedVersion schema.invalid_type']);
    expect(await issues(store.append('', [], 0))).toEqual(['assignmentId schema.too_small']);
    expect(await issues(store.load(''))).toEqual(['assignmentId schema.too_small']);
    expect(await store.load(a.input.id)).toEqual({ entries: [], version: 0 });
  });

  it('gives an empty log at version 0 for an unknown assignment', async () => {
    const a = assignment();
    const store = await setup(a);
    expect(await store.load(`${a.input.id}-nobody`)).toEqual({ entries: [], version: 0 });
  });
}
