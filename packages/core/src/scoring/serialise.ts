import { stringify } from 'csv-stringify/sync';
import type { Framework, Rounding } from '../frameworks/framework-schema.js';
import { labelText } from '../shared/label.js';
import { neutraliseCsvCell } from '../shared/csv-cell.js';
import { figureFormat, formatRatioPercent, type FigureFormat, type FigureOptions } from '../shared/figures.js';
import { ArgumentCheck } from './arguments.js';
import type { IndexResult, IndexResultSet, NodeResult } from './index-result.js';

/** The figures of one result as they are printed (strings rounded half up from the exact values). */
export interface ResultDisplay {
  readonly self: string;
  readonly appraised: string;
  readonly final: string;
  readonly max: string;
  readonly applicableMax: string;
  /** `null` when nothing applies to the unit. */
  readonly indexPercent: string | null;
}

/** The figures of one node of a breakdown as they are printed. */
export interface NodeDisplay {
  readonly self: string;
  readonly final: string;
  readonly lost: string;
  readonly applicableMaxPoints: string;
  /** `null` when nothing of the node applies. */
  readonly componentIndex: string | null;
}

/** A result set as plain JSON data. */
export interface IndexResultsJson {
  readonly framework: IndexResultSet['framework'];
  readonly period: string;
  readonly tieBreak: IndexResultSet['tieBreak'];
  readonly peerGroups: IndexResultSet['peerGroups'];
  readonly rounding: IndexResultSet['rounding'];
  readonly results: readonly (IndexResult & { readonly display: ResultDisplay; readonly nodes?: readonly (NodeResult & { readonly display: NodeDisplay })[] })[];
}

/** Options of {@link resultsToJson}. */
export interface JsonOptions {
  /** Add each unit's per-node breakdown. */
  readonly breakdown?: boolean;
  /** Decimals of the display fields; default the framework's rounding. */
  readonly figures?: FigureOptions;
}

/** The displayed figures of one result (the ones the CLI tables, CSV, XLSX and HTML print). */
function resultDisplay(r: IndexResult, f: FigureFormat): ResultDisplay {
  const p = r.points;
  return { self: f.points(p.self), appraised: f.points(p.appraised), final: f.points(p.final), max: f.points(p.max), applicableMax: f.points(p.applicableMax), indexPercent: f.index(p.final, p.applicableMax) };
}

/** The figure format of a framework's rounding, overridden by `figures`. */
function figuresOf(rounding: Rounding, figures: FigureOptions = {}): FigureFormat {
  return figureFormat({ pointsDecimals: figures.pointsDecimals ?? rounding.pointsDecimals, percentDecimals: figures.percentDecimals ?? rounding.percentDecimals });
}

/**
 * A result set as plain data for `JSON.stringify`, each result with its `display` figures (exact values rounded
 * half up) and, when asked, its per-node breakdown. Throws `ParValidationError` for a result set that did not come
 * from `computeIndex` or an index engine, or bad options.
 */
export function resultsToJson(results: IndexResultSet, options: JsonOptions = {}): IndexResultsJson {
  const args = new ArgumentCheck('resultsToJson').results(results);
  if (args.options(options)) args.oneOf(options.breakdown, ['options', 'breakdown'], [true, false]).figures(options.figures, ['options', 'figures']);
  args.done();
  const f = figuresOf(results.rounding, options.figures);
  return {
    framework: results.framework,
    period: results.period,
    tieBreak: results.tieBreak,
    peerGroups: results.peerGroups,
    rounding: results.rounding,
    results: results.results.map((r) => ({
      ...r,
      display: resultDisplay(r, f),
      ...(options.breakdown ? { nodes: results.breakdown(r.unitId).map((n) => ({ ...n, display: nodeDisplay(n, f) })) } : {}),
    })),
  };
}

/** Options of {@link resultsToCsv}. */
export interface CsvOptions {
  /** Header and band language. Default Vietnamese. */
  readonly lang?: 'vi' | 'en';
  /** A unit's display name; default its id. */
  readonly unitName?: (unitId: string) => string;
  /** Add one column per top-level node with its component index. */
  readonly fields?: boolean;
  /** Decimals of points and percentages; default the framework's rounding. */
  readonly figures?: FigureOptions;
}

const HEADERS = {
  vi: ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Điểm đạt', 'Điểm tối đa phát sinh', 'Chỉ số (%)', 'Xếp loại', 'Xếp hạng'],
  en: ['Unit id', 'Unit', 'Peer group', 'Self-assessed points', 'Appraised points', 'Final points', 'Applicable maximum', 'Index (%)', 'Band', 'Rank'],
} as const;

/**
 * A result set as CSV (RFC 4180, UTF-8), Vietnamese headers by default. Every figure is formatted once, here, from
 * its exact value ({@link figureFormat}); every text cell is neutralised against formula injection
 * ({@link neutraliseCsvCell}). Throws `ParValidationError` for arguments that are not what they should be.
 */
export function resultsToCsv(framework: Framework, results: IndexResultSet, options: CsvOptions = {}): string {
  const args = new ArgumentCheck('resultsToCsv').framework(framework).results(results);
  if (args.options(options)) {
    args.oneOf(options.lang, ['options', 'lang'], ['vi', 'en']).func(options.unitName, ['options', 'unitName']).oneOf(options.fields, ['options', 'fields'], [true, false]);
    args.figures(options.figures, ['options', 'figures']);
  }
  args.done();
  const lang = options.lang ?? 'vi';
  const f = figuresOf(framework.rounding, options.figures);
  const bands = new Map(framework.bands.map((b) => [b.id, labelText(b.label, lang)]));
  const tops = options.fields ? framework.nodes.map((n) => n.code) : [];
  const header = [...HEADERS[lang], ...tops.map((c) => (lang === 'vi' ? `Chỉ số thành phần ${c} (%)` : `Component index ${c} (%)`))];
  const rows = results.results.map((r) => {
    const nodes = tops.length > 0 ? new Map(results.breakdown(r.unitId).map((n) => [n.code, n])) : undefined;
    const d = resultDisplay(r, f);
    return [
      r.unitId,
      options.unitName?.(r.unitId) ?? r.unitId,
      r.peerGroup,
      d.self,
      d.appraised,
      d.final,
      d.applicableMax,
      d.indexPercent ?? '',
      r.band === null ? '' : (bands.get(r.band) ?? r.band),
      r.rank ?? '',
      ...tops.map((c) => {
        const n = nodes!.get(c);
        return n === undefined ? '' : (componentFigure(n, f) ?? '');
      }),
    ];
  });
  return stringify([header, ...rows].map((row) => row.map(neutraliseCsvCell)));
}

/** A node's component index as printed: from its exact points (negative points count 0, as in the breakdown). */
function componentFigure(n: NodeResult, f: FigureFormat): string | null {
  return n.applicableMaxPoints === 0 ? null : formatRatioPercent(Math.max(0, n.final), n.applicableMaxPoints, f.percentDecimals, false);
}

function nodeDisplay(n: NodeResult, f: FigureFormat): NodeDisplay {
  return { self: f.points(n.self), final: f.points(n.final), lost: f.points(n.lost), applicableMaxPoints: f.points(n.applicableMaxPoints), componentIndex: componentFigure(n, f) };
}
