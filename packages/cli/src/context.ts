import { labelText, periodRange, type CivilDate } from '@par/core';
import { toVietnamTime } from '@par/calendar';
import type { Workspace } from './workspace.js';

/** Output and options every command gets. */
export interface CommandContext {
  readonly ws: Workspace;
  readonly lang: 'vi' | 'en';
  readonly json: boolean;
  readonly out: (line: string) => void;
}

/** Picks the Vietnamese or English text. */
export const tr = (ctx: { lang: 'vi' | 'en' }, vi: string, en: string) => (ctx.lang === 'vi' ? vi : en);

/** A unit's name on a date, or its id. */
export function unitName(ctx: CommandContext, id: string, date: CivilDate): string {
  const v = ctx.ws.registry.versionOn(id, date) ?? ctx.ws.registry.versionOn(id, ctx.ws.registry.get(id)?.validTo ?? date);
  return v ? labelText(v.name, ctx.lang) : id;
}

/** The last day of a period. */
export const periodEnd = (period: string) => periodRange(period).end;

/** `--now` (an ISO instant or a date, read in Vietnam time) or the clock: the CLI is the edge where time enters. */
export function parseNow(now: string | undefined): Date {
  if (now === undefined) return new Date();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(now) ? new Date(`${now}T12:00:00+07:00`) : new Date(now);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--now: "${now}" is not a date or an ISO instant`);
  return d;
}

/** Today's civil date in Vietnam. */
export const today = (now: Date) => toVietnamTime(now).date;

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Pads a cell for a plain-text table. */
export const pad = (s: string | number, n: number) => String(s).padEnd(n);
