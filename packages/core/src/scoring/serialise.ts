import { stringify } from 'csv-stringify/sync';
import type { Framework } from '../frameworks/framework-schema.js';
import { labelText } from '../shared/label.js';
import { formatPoints } from '../shared/points.js';
import type { IndexResult, IndexResultSet, NodeResult } from './index-result.js';

/** A result set as plain JSON data. */
export interface IndexResultsJson {
  readonly framework: IndexResultSet['framework'];
  readonly period: string;
  readonly tieBreak: IndexResultSet['tieBreak'];
  readonly peerGroups: IndexResultSet['peerGroups'];
  readonly rounding: IndexResultSet['rounding'];
  readonly results: readonly (IndexResult & { readonly nodes?: readonly NodeResult[] })[];
}

/** A result set as plain data for `JSON.stringify`, with each unit's per-node breakdown when asked. */
export function resultsToJson(results: IndexResultSet, options: { readonly breakdown?: boolean } = {}): IndexResultsJson {
  return {
    framework: results.framework,
    period: results.period,
    tieBreak: results.tieBreak,
    peerGroups: results.peerGroups,
    rounding: results.rounding,
    results: results.results.map((r) => (options.breakdown ? { ...r, nodes: results.breakdown(r.unitId) } : r)),
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
}

const HEADERS = {
  vi: ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Điểm đạt', 'Điểm tối đa phát sinh', 'Chỉ số (%)', 'Xếp loại', 'Xếp hạng'],
  en: ['Unit id', 'Unit', 'Peer group', 'Self-assessed points', 'Appraised points', 'Final points', 'Applicable maximum', 'Index (%)', 'Band', 'Rank'],
} as const;

/**
 * A result set as CSV (RFC 4180, UTF-8), Vietnamese headers by default. Points and percentages are rounded
 * once, here, to the framework's decimals.
 */
export function resultsToCsv(framework: Framework, results: IndexResultSet, options: CsvOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const { pointsDecimals, percentDecimals } = framework.rounding;
  const bands = new Map(framework.bands.map((b) => [b.id, labelText(b.label, lang)]));
  const tops = options.fields ? framework.nodes.map((n) => n.code) : [];
  const header = [...HEADERS[lang], ...tops.map((c) => (lang === 'vi' ? `Chỉ số thành phần ${c} (%)` : `Component index ${c} (%)`))];
  const rows = results.results.map((r) => {
    const nodes = tops.length > 0 ? new Map(results.breakdown(r.unitId).map((n) => [n.code, n])) : undefined;
    return [
      r.unitId,
      options.unitName?.(r.unitId) ?? r.unitId,
      r.peerGroup,
      formatPoints(r.points.self, pointsDecimals),
      formatPoints(r.points.appraised, pointsDecimals),
      formatPoints(r.points.final, pointsDecimals),
      formatPoints(r.points.applicableMax, pointsDecimals),
      r.indexPercent === null ? '' : r.indexPercent.toFixed(percentDecimals),
      r.band === null ? '' : (bands.get(r.band) ?? r.band),
      r.rank ?? '',
      ...tops.map((c) => {
        const v = nodes!.get(c)?.componentIndex;
        return v === null || v === undefined ? '' : v.toFixed(percentDecimals);
      }),
    ];
  });
  return stringify([header, ...rows]);
}
