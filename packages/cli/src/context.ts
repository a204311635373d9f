import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { labelText, periodRange, type CivilDate } from '@par/core';
import { PeriodSchema, toVietnamTime, VIETNAM_OFFSET_MINUTES } from '@par/calendar';
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

/** A unit's name on a date (from the registry's tree of that date, made once), or on its last day, or its id. */
export function unitName(ctx: CommandContext, id: string, date: CivilDate): string {
  const v = ctx.ws.registry.at(date).get(id) ?? ctx.ws.registry.versionOn(id, ctx.ws.registry.get(id)?.validTo ?? date);
  return v ? labelText(v.name, ctx.lang) : id;
}

/** The last day of a period. */
export const periodEnd = (period: string) => periodRange(period).end;

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100; // the default calendar's years (holidays, lunar dates)

/**
 * `--now`: a date `YYYY-MM-DD` (read as noon in Vietnam) or an ISO instant with its offset
 * (`2023-02-06T08:00:00+07:00`), a real one (not 30 February) in Vietnam's 1900 to 2100. The CLI is the edge where
 * time enters: without `--now`, the command reads the clock.
 */
export function parseNow(value: string): Date {
  const date = DateSchema.safeParse(value).success;
  if (!date && !InstantSchema.safeParse(value).success) throw new InvalidArgumentError(`Expected a real date YYYY-MM-DD or an ISO instant with its offset, e.g. 2023-02-06T08:00:00+07:00`);
  const d = new Date(date ? `${value}T12:00:00+07:00` : value);
  const year = new Date(d.getTime() + VIETNAM_OFFSET_MINUTES * 60_000).getUTCFullYear(); // NaN for an invalid Date
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw new InvalidArgumentError(`Expected a moment from ${FIRST_YEAR} to ${LAST_YEAR}`);
  return d;
}
const DateSchema = z.iso.date();
const InstantSchema = z.iso.datetime({ offset: true });

/** `--year` and `--period`: a period (`2022`, `2022-H2`, `2022-Q4`, `2022-09`), by the library's `PeriodSchema`. */
export function parsePeriod(value: string): string {
  const r = PeriodSchema.safeParse(value);
  if (!r.success) throw new InvalidArgumentError(r.error.issues[0]!.message);
  return value;
}

/** `--plugin-timeout`: a whole number of milliseconds, 1 or more. */
export function parseMilliseconds(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new InvalidArgumentError('Expected a whole number of milliseconds, e.g. 10000');
  return Number(value);
}

/** `--out`: a file that can be written, in a folder that exists (checked before any work is done). */
export function parseOut(value: string): string {
  const path = resolve(value);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InvalidArgumentError(`The folder ${folder} does not exist`);
  if (existsSync(path) && !statSync(path).isFile()) throw new InvalidArgumentError(`${value} is a folder or a device, not a file`);
  try {
    accessSync(existsSync(path) ? path : folder, constants.W_OK);
  } catch {
    throw new InvalidArgumentError(`${value} cannot be written (no permission)`);
  }
  return value;
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

/** Pads a cell for a plain-text table; a cell as wide as its column or wider still ends with a space. */
export const pad = (s: string | number, n: number) => `${String(s).padEnd(n - 1)} `;
