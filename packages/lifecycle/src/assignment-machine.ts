import { and, assign, setup } from 'xstate';
import { toVietnamTime, type CivilDate } from '@par/calendar';
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
  /** The current deadline, and the first one. */
  readonly dueDate: CivilDate;
  readonly originalDueDate: CivilDate;
  readonly report?: { readonly at: string; readonly content: string; readonly attachments: readonly { title: string; link?: string | undefined; sha256?: string | undefined }[] };
  readonly outcome?: { readonly result: 'onTime' | 'late'; readonly at: string; readonly reportedOn: CivilDate };
  readonly returns: readonly { readonly at: string; readonly reason: string }[];
  readonly extensions: readonly { readonly from: CivilDate; readonly to: CivilDate; readonly reason: string; readonly at: string }[];
  readonly pendingExtension?: { readonly dueDate: CivilDate; readonly reason: string; readonly at: string; readonly resumeTo: OpenState };
  readonly reminders: readonly string[];
  readonly overdue: boolean;
  readonly escalated: boolean;
  readonly cancelled?: { readonly at: string; readonly reason: string };
}

/** What starts a lifecycle: the assignment and its deadline. */
export type AssignmentInput = Pick<AssignmentContext, 'id' | 'documentId' | 'itemLabel' | 'unitId' | 'role' | 'issuerId' | 'delegates' | 'dueDate'>;

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
    /** A report has content. */
    hasReportContent: ({ event }) => event.type === 'REPORT' && event.content.trim().length > 0,
    /** An extension request gives a reason and a date after the current deadline. */
    isValidExtension: ({ context, event }) => event.type === 'REQUEST_EXTENSION' && event.reason.trim().length > 0 && event.dueDate > context.dueDate,
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
      return { outcome: { result: reportedOn <= context.dueDate ? ('onTime' as const) : ('late' as const), at: event.at, reportedOn } };
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

const cancel = { guard: 'isIssuerOrDelegate', target: 'cancelled', actions: 'recordCancel' } as const;
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
  context: ({ input }) => ({
    ...input,
    originalDueDate: input.dueDate,
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
          { target: 'issued', guard: and(['isIssuerOrDelegate', 'isLaterDueDate', 'resumesIssued']), actions: 'applyExtension' },
          { target: 'acknowledged', guard: and(['isIssuerOrDelegate', 'isLaterDueDate', 'resumesAcknowledged']), actions: 'applyExtension' },
          { target: 'inProgress', guard: and(['isIssuerOrDelegate', 'isLaterDueDate', 'resumesInProgress']), actions: 'applyExtension' },
          { target: 'returned', guard: and(['isIssuerOrDelegate', 'isLaterDueDate', 'resumesReturned']), actions: 'applyExtension' },
        ],
        REJECT_EXTENSION: [
          { target: 'issued', guard: and(['isIssuerOrDelegate', 'hasReason', 'resumesIssued']), actions: 'dropExtension' },
          { target: 'acknowledged', guard: and(['isIssuerOrDelegate', 'hasReason', 'resumesAcknowledged']), actions: 'dropExtension' },
          { target: 'inProgress', guard: and(['isIssuerOrDelegate', 'hasReason', 'resumesInProgress']), actions: 'dropExtension' },
          { target: 'returned', guard: and(['isIssuerOrDelegate', 'hasReason', 'resumesReturned']), actions: 'dropExtension' },
        ],
      },
    },
    reported: {
      on: {
        CANCEL: cancel,
        BEGIN_REVIEW: { guard: 'isIssuerOrDelegate', target: 'underReview' },
        APPROVE: { guard: 'isIssuerOrDelegate', target: 'done', actions: 'complete' },
        RETURN: { guard: and(['isIssuerOrDelegate', 'hasReason']), target: 'returned', actions: 'recordReturn' },
      },
    },
    underReview: {
      on: {
        CANCEL: cancel,
        APPROVE: { guard: 'isIssuerOrDelegate', target: 'done', actions: 'complete' },
        RETURN: { guard: and(['isIssuerOrDelegate', 'hasReason']), target: 'returned', actions: 'recordReturn' },
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
