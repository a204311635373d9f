import { and, assign, setup } from 'xstate';
import { toVietnamTime, type CivilDate, type Period } from '@par/calendar';
import type { AssignmentEvent } from './events.js';

/** The open states an extension request returns to. */
export type OpenState = 'issued' | 'acknowledged' | 'inProgress' | 'returned';

/** What the lifecycle remembers of an assignment (xstate context); plain JSON. */
export interface AssignmentContext {
  readonly id: string;
  readonly documentId: string;
  readonly itemLabel: string;
  /** The assigned unit. */
  readonly unitId: string;
  readonly role: 'lead' | 'coordinating';
  /** The issuing unit, and the units it delegates review to. */
  readonly issuerId: string;
  readonly delegates: readonly string[];
  /**
   * The due date as the directive says it ("by the end of 2022": 2022-12-31), and the period the occurrence covers
   * when it has one: what attributes the assignment to a PAR year and what reports print. Never moves.
   */
  readonly nominalDueDate: CivilDate;
  readonly period?: Period | undefined;
  /**
   * The deadline in force, on a working day (moved off a day off, then by approved extensions): what lateness is
   * judged against.
   */
  readonly dueDate: CivilDate;
  /** The first deadline in force, before any extension (the nominal date moved to a working day). */
  readonly originalDueDate: CivilDate;
  readonly report?: { readonly at: string; readonly content: string; readonly attachments: readonly { title: string; link?: string | undefined; sha256?: string | undefined }[] };
  /**
   * How it ended: the report's day (in Vietnam) against the original deadline (`onTimeOriginal`) and against the
   * deadline in force (`onTimeExtended`, the same when nothing was extended); `result` follows the latter.
   */
  readonly outcome?: {
    readonly result: 'onTime' | 'late';
    readonly onTimeOriginal: boolean;
    readonly onTimeExtended: boolean;
    readonly at: string;
    readonly reportedOn: CivilDate;
  };
  readonly returns: readonly { readonly at: string; readonly reason: string }[];
  readonly extensions: readonly { readonly from: CivilDate; readonly to: CivilDate; readonly reason: string; readonly at: string }[];
  readonly pendingExtension?: { readonly dueDate: CivilDate; readonly reason: string; readonly at: string; readonly resumeTo: OpenState };
  readonly reminders: readonly string[];
  readonly overdue: boolean;
  readonly escalated: boolean;
  readonly cancelled?: { readonly at: string; readonly reason: string };
}

/** What starts a lifecycle: the assignment, its nominal due date (and period) and its deadline on a working day. */
export type AssignmentInput = Pick<AssignmentContext, 'id' | 'documentId' | 'itemLabel' | 'unitId' | 'role' | 'issuerId' | 'delegates' | 'nominalDueDate' | 'period' | 'dueDate'>;

const resume = (state: OpenState) => ({ context }: { context: AssignmentContext }) => context.pendingExtension?.resumeTo === state;
const machineSetup = setup({
  types: {
    context: {} as AssignmentContext,
    events: {} as AssignmentEvent,
    input: {} as AssignmentInput,
  },
  guards: {
    /** Only the assigned unit acknowledges, works, reports and asks for more time. */
    isAssignedUnit: ({ context, event }) => event.by.unitId === context.unitId,
    /** Only the issuer, or a unit it delegates to, reviews, returns, decides on extensions and cancels. */
    isIssuerOrDelegate: ({ context, event }) => event.by.unitId === context.issuerId || context.delegates.includes(event.by.unitId),
    /** Separation of duties: the assigned unit never reviews, approves, returns, extends or cancels its own assignment. */
    isNotOwnAssignment: ({ context, event }) => event.by.unitId !== context.unitId,
    /** A report has content. */
    hasReportContent: ({ event }) => event.type === 'REPORT' && event.content.trim().length > 0,
    /** An extension request gives a reason and a date after the current deadline, and the task is not overdue. */
    isValidExtension: ({ context, event }) => event.type === 'REQUEST_EXTENSION' && !context.overdue && event.reason.trim().length > 0 && event.dueDate > context.dueDate,
    /** An approved extension moves the deadline later. */
    isLaterDueDate: ({ context, event }) => event.type !== 'APPROVE_EXTENSION' || (event.dueDate ?? context.pendingExtension?.dueDate ?? '') > context.dueDate,
    /** A return or a refusal gives its reason. */
    hasReason: ({ event }) => 'reason' in event && event.reason.trim().length > 0,
    /** A reminder is sent once per key. */
    isNewReminder: ({ context, event }) => event.type === 'REMIND' && !context.reminders.includes(event.key),
    isNotOverdue: ({ context }) => !context.overdue,
    isOverdueNotEscalated: ({ context }) => context.overdue && !context.escalated,
    resumesIssued: resume('issued'),
    resumesAcknowledged: resume('acknowledged'),
    resumesInProgress: resume('inProgress'),
    resumesReturned: resume('returned'),
  },
  actions: {
    recordReport: assign(({ event }) => (event.type === 'REPORT' ? { report: { at: event.at, content: event.content, attachments: event.attachments } } : {})),
    complete: assign(({ context, event }) => {
      const reportedOn = toVietnamTime(Date.parse(context.report?.at ?? event.at)).date;
      const onTimeExtended = reportedOn <= context.dueDate;
      const onTimeOriginal = reportedOn <= context.originalDueDate;
      return { outcome: { result: onTimeExtended ? ('onTime' as const) : ('late' as const), onTimeOriginal, onTimeExtended, at: event.at, reportedOn } };
    }),
    recordReturn: assign(({ context, event }) => ({ returns: [...context.returns, { at: event.at, reason: event.type === 'RETURN' ? event.reason : '' }] })),
    recordExtensionRequest: assign(({ event }, params: { resumeTo: OpenState }) =>
      event.type === 'REQUEST_EXTENSION' ? { pendingExtension: { dueDate: event.dueDate, reason: event.reason, at: event.at, resumeTo: params.resumeTo } } : {},
    ),
    applyExtension: assign(({ context, event }) => {
      const to = (event.type === 'APPROVE_EXTENSION' && event.dueDate) || context.pendingExtension!.dueDate;
      return {
        extensions: [...context.extensions, { from: context.dueDate, to, reason: context.pendingExtension!.reason, at: event.at }],
        dueDate: to,
        pendingExtension: undefined,
        overdue: false,
        escalated: false,
      };
    }),
    dropExtension: assign(() => ({ pendingExtension: undefined })),
    recordCancel: assign(({ event }) => ({ cancelled: { at: event.at, reason: event.type === 'CANCEL' ? event.reason : '' } })),
    recordReminder: assign(({ context, event }) => (event.type === 'REMIND' ? { reminders: [...context.reminders, event.key] } : {})),
    markOverdue: assign(() => ({ overdue: true })),
    markEscalated: assign(() => ({ escalated: true })),
  },
});

/** Who may review, decide and cancel: the issuer or a delegate, never the assigned unit itself. */
const reviewer = ['isIssuerOrDelegate', 'isNotOwnAssignment'] as const;
const cancel = { guard: and(reviewer), target: 'cancelled', actions: 'recordCancel' } as const;
/** What every open state (and a pending extension) takes: cancellation, reminders, overdue, escalation. */
const openEvents = {
  CANCEL: cancel,
  REMIND: { guard: 'isNewReminder', actions: 'recordReminder' },
  MARK_OVERDUE: { guard: 'isNotOverdue', actions: 'markOverdue' },
  ESCALATE: { guard: 'isOverdueNotEscalated', actions: 'markEscalated' },
} as const;

/**
 * The assignment lifecycle, built with xstate's `setup`: every guard and action is named once and referenced
 * by string, so a host or a plugin can swap them with `assignmentMachine.provide({ guards, actions })`.
 * Deadlines live in the context as civil dates (computed with `@par/calendar`), never as delayed events, so a
 * restored snapshot carries them. Overdue is a flag any open state can carry, not a state of its own.
 */
export const assignmentMachine = machineSetup.createMachine({
  id: 'assignment',
  // every field named (a spread of the input is many times slower on V8, and a replay starts one per log)
  context: ({ input: { id, documentId, itemLabel, unitId, role, issuerId, delegates, nominalDueDate, period, dueDate } }) => ({
    id,
    documentId,
    itemLabel,
    unitId,
    role,
    issuerId,
    delegates,
    nominalDueDate,
    ...(period === undefined ? {} : { period }),
    dueDate,
    originalDueDate: dueDate,
    returns: [],
    extensions: [],
    reminders: [],
    overdue: false,
    escalated: false,
  }),
  initial: 'issued',
  states: {
    issued: {
      on: {
        ...openEvents,
        ACKNOWLEDGE: { guard: 'isAssignedUnit', target: 'acknowledged' },
        REQUEST_EXTENSION: { guard: and(['isAssignedUnit', 'isValidExtension']), target: 'extensionRequested', actions: { type: 'recordExtensionRequest', params: { resumeTo: 'issued' } } },
      },
    },
    acknowledged: {
      on: {
        ...openEvents,
        START: { guard: 'isAssignedUnit', target: 'inProgress' },
        REPORT: { guard: and(['isAssignedUnit', 'hasReportContent']), target: 'reported', actions: 'recordReport' },
        REQUEST_EXTENSION: { guard: and(['isAssignedUnit', 'isValidExtension']), target: 'extensionRequested', actions: { type: 'recordExtensionRequest', params: { resumeTo: 'acknowledged' } } },
      },
    },
    inProgress: {
      on: {
        ...openEvents,
        REPORT: { guard: and(['isAssignedUnit', 'hasReportContent']), target: 'reported', actions: 'recordReport' },
        REQUEST_EXTENSION: { guard: and(['isAssignedUnit', 'isValidExtension']), target: 'extensionRequested', actions: { type: 'recordExtensionRequest', params: { resumeTo: 'inProgress' } } },
      },
    },
    returned: {
      on: {
        ...openEvents,
        START: { guard: 'isAssignedUnit', target: 'inProgress' },
        REPORT: { guard: and(['isAssignedUnit', 'hasReportContent']), target: 'reported', actions: 'recordReport' },
        REQUEST_EXTENSION: { guard: and(['isAssignedUnit', 'isValidExtension']), target: 'extensionRequested', actions: { type: 'recordExtensionRequest', params: { resumeTo: 'returned' } } },
      },
    },
    extensionRequested: {
      on: {
        ...openEvents,
        // back to the open state the request came from
        APPROVE_EXTENSION: [
          { target: 'issued', guard: and([...reviewer, 'isLaterDueDate', 'resumesIssued']), actions: 'applyExtension' },
          { target: 'acknowledged', guard: and([...reviewer, 'isLaterDueDate', 'resumesAcknowledged']), actions: 'applyExtension' },
          { target: 'inProgress', guard: and([...reviewer, 'isLaterDueDate', 'resumesInProgress']), actions: 'applyExtension' },
          { target: 'returned', guard: and([...reviewer, 'isLaterDueDate', 'resumesReturned']), actions: 'applyExtension' },
        ],
        REJECT_EXTENSION: [
          { target: 'issued', guard: and([...reviewer, 'hasReason', 'resumesIssued']), actions: 'dropExtension' },
          { target: 'acknowledged', guard: and([...reviewer, 'hasReason', 'resumesAcknowledged']), actions: 'dropExtension' },
          { target: 'inProgress', guard: and([...reviewer, 'hasReason', 'resumesInProgress']), actions: 'dropExtension' },
          { target: 'returned', guard: and([...reviewer, 'hasReason', 'resumesReturned']), actions: 'dropExtension' },
        ],
      },
    },
    reported: {
      on: {
        CANCEL: cancel,
        BEGIN_REVIEW: { guard: and(reviewer), target: 'underReview' },
        APPROVE: { guard: and(reviewer), target: 'done', actions: 'complete' },
        RETURN: { guard: and([...reviewer, 'hasReason']), target: 'returned', actions: 'recordReturn' },
      },
    },
    underReview: {
      on: {
        CANCEL: cancel,
        APPROVE: { guard: and(reviewer), target: 'done', actions: 'complete' },
        RETURN: { guard: and([...reviewer, 'hasReason']), target: 'returned', actions: 'recordReturn' },
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
