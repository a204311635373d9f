import { ParValidationError } from '@par/calendar';
import { decimalsIssue, formatPoints, tryToMicro } from './points.js';

/**
 * How figures are displayed: decimals for points and for percentages. The defaults are those of published PAR
 * INDEX tables (three decimals for points, two for index percentages); a framework's `rounding` fits here.
 */
export interface FigureOptions {
  /** Decimals of points (0-6). Default 3. */
  readonly pointsDecimals?: number;
  /** Decimals of percentages (0-6). Default 2. */
  readonly percentDecimals?: number;
}

/** Formats every printed figure of a result from its exact value, half up at the displayed decimals. */
export interface FigureFormat {
  readonly pointsDecimals: number;
  readonly percentDecimals: number;
  /** A point value (exact, at most six decimals): `74.9125` → `74.913`. */
  points(value: number): string;
  /** A percentage already computed (exact, at most six decimals): `85.065` → `85.07`. */
  percent(value: number): string;
  /** The index of `final` out of `applicableMax` points (clamped to 0-100 %), from the exact ratio; `null` when nothing applies. */
  index(final: number, applicableMax: number): string | null;
  /** The spreadsheet number format that shows points with their decimals (`0.000`). */
  readonly pointsNumFmt: string;
  /** The spreadsheet number format that shows percentages with their decimals (`0.00`). */
  readonly percentNumFmt: string;
}

/** Default figure decimals: three for points, two for percentages. */
export const DEFAULT_FIGURES = { pointsDecimals: 3, percentDecimals: 2 } as const;

/** Writes the integer `scaled` (a value times 10^decimals) with its decimal point. */
function withPoint(scaled: bigint, decimals: number): string {
  const sign = scaled < 0n ? '-' : '';
  const text = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

/**
 * The percentage `numerator / denominator × 100` (both exact point values, the denominator positive), clamped to
 * 0-100 when `clamp`, rounded half up to `decimals` from the exact ratio: never from a binary approximation.
 */
export function formatRatioPercent(numerator: number, denominator: number, decimals: number = DEFAULT_FIGURES.percentDecimals, clamp = true): string {
  const n = tryToMicro(numerator);
  const d = tryToMicro(denominator);
  const issues = [decimalsIssue(decimals, ['decimals'])].filter((i) => i !== undefined);
  if (n === undefined) issues.push({ path: ['numerator'], code: 'invalid_points', message: `Expected exact points, got ${String(numerator)}` });
  if (d === undefined || d <= 0) issues.push({ path: ['denominator'], code: 'invalid_points', message: `Expected positive exact points, got ${String(denominator)}` });
  if (typeof clamp !== 'boolean') issues.push({ path: ['clamp'], code: 'invalid_option', message: 'Expected true or false' });
  if (issues.length > 0) throw new ParValidationError('arguments of formatRatioPercent', issues);
  const num = BigInt(clamp ? Math.max(0, Math.min(n!, d!)) : n!) * 100n * 10n ** BigInt(decimals);
  const den = BigInt(d!);
  const half = (num < 0n ? -num : num) * 2n + den;
  const q = half / (2n * den);
  return withPoint(num < 0n ? -q : q, decimals);
}

/**
 * The one formatter of printed figures (CLI tables, CSV, XLSX, HTML, the display fields of JSON): every figure is
 * rounded half up (away from zero) at the displayed decimals from its exact value, so one value prints as one figure
 * everywhere. Throws `ParValidationError` for decimals that are not whole numbers from 0 to 6.
 */
export function figureFormat(options: FigureOptions = {}): FigureFormat {
  if (typeof options !== 'object' || options === null) {
    throw new ParValidationError('arguments of figureFormat', [{ path: ['options'], code: 'invalid_argument', message: 'Expected an options object' }]);
  }
  const pointsDecimals = options.pointsDecimals === undefined ? DEFAULT_FIGURES.pointsDecimals : options.pointsDecimals;
  const percentDecimals = options.percentDecimals === undefined ? DEFAULT_FIGURES.percentDecimals : options.percentDecimals;
  const issues = [decimalsIssue(pointsDecimals, ['options', 'pointsDecimals']), decimalsIssue(percentDecimals, ['options', 'percentDecimals'])].filter((i) => i !== undefined);
  if (issues.length > 0) throw new ParValidationError('arguments of figureFormat', issues);
  const numFmt = (d: number) => (d === 0 ? '0' : `0.${'0'.repeat(d)}`);
  return {
    pointsDecimals,
    percentDecimals,
    points: (value) => formatPoints(value, pointsDecimals),
    percent: (value) => formatPoints(value, percentDecimals),
    index: (final, applicableMax) => (applicableMax === 0 ? null : formatRatioPercent(final, applicableMax, percentDecimals)),
    pointsNumFmt: numFmt(pointsDecimals),
    percentNumFmt: numFmt(percentDecimals),
  };
}
