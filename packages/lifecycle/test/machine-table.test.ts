// The table steps the machine as xstate does: same enabled transition, same context, for any sequence of events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { assignmentMachine, type AssignmentEvent, type AssignmentInput } from '../src/index.js';
import { machineTable } from '../src/machine-table.js';

const input: AssignmentInput = { id: 'a', documentId: 'tb', itemLabel: '(4)', unitId: 'tckh', role: 'lead', issuerId: 'ubnd', delegates: ['vp'], nominalDueDate: '2025-02-05', period: '2025', dueDate: '2025-02-05' };
const actors = [{ unitId: 'tckh' }, { unitId: 'ubnd' }, { unitId: 'vp' }, { unitId: 'nv' }, { unitId: 'system' }];
const event = fc
  .record({
    type: fc.constantFrom('ACKNOWLEDGE', 'START', 'REPORT', 'BEGIN_REVIEW', 'APPROVE', 'RETURN', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REJECT_EXTENSION', 'CANCEL', 'REMIND', 'MARK_OVERDUE', 'ESCALATE'),
    by: fc.constantFrom(...actors),
    day: fc.integer({ min: 1, max: 28 }),
    text: fc.constantFrom('', 'lý do', 'Báo cáo'),
    due: fc.constantFrom('2025-01-20', '2025-03-10', '2025-04-30', undefined),
    key: fc.constantFrom('a', 'b'),
  })
  .map(({ type, by, day, text, due, key }) => {
    const e: Record<string, unknown> = { type, by, at: `2025-02-${String(day).padStart(2, '0')}T09:00:00+07:00` };
    if (type === 'REPORT') Object.assign(e, { content: text, attachments: [] });
    if (['RETURN', 'REJECT_EXTENSION', 'CANCEL', 'REQUEST_EXTENSION'].includes(type)) e.reason = text;
    if (type === 'REQUEST_EXTENSION') e.dueDate = due ?? '2025-03-10';
    if (type === 'APPROVE_EXTENSION' && due) e.dueDate = due;
    if (type === 'REMIND') Object.assign(e, { key, workingDaysLeft: 1 });
    if (type === 'ESCALATE') e.workingDaysOverdue = 5;
    return e as AssignmentEvent;
  });

describe('the machine table', () => {
  it.each([
    ['the assignment machine', assignmentMachine],
    ['a variant with its own guard', assignmentMachine.provide({ guards: { isIssuerOrDelegate: ({ context, event }) => event.by.unitId === context.issuerId } })],
  ])('steps %s exactly as xstate transition() does (property)', (_name, machine) => {
    const table = machineTable(machine);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let [snapshot] = initialTransition(machine, input);
        let ours = table.initial(input);
        expect(ours).toEqual({ state: snapshot.value, context: snapshot.context });
        for (const e of events) {
          const [next] = transition(machine, snapshot, e);
          const step = table.step(ours.state, ours.context, e);
          // xstate returns the same snapshot when no transition is enabled
          expect(step === undefined).toBe(next === snapshot);
          if (step) expect(step).toEqual({ state: next.value, context: next.context });
          snapshot = next;
          ours = step ?? ours;
        }
      }),
      { numRuns: 500 },
    );
  });
});
