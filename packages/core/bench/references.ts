// The references `computeIndex` is measured against in the same run: DuckDB evaluating the benchmark framework's rules
// in SQL, DuckDB summing points scored beforehand, and a plain typed-array sum and sort (this machine's limit for
// the work). Each returns every unit's total, rank and band, as `computeIndex` does.
import { DuckDBInstance } from '@duckdb/node-api';
import type { Assessment, Framework, FrameworkNode } from '@par/core';

/** The benchmark framework's leaves in document order, with the parameters of their rules (see bench-framework.ts). */
function leaves(framework: Framework) {
  const out: { code: string; kind: number; max: number }[] = [];
  const walk = (n: FrameworkNode) => {
    if (n.children?.length) n.children.forEach(walk);
    else out.push({ code: n.code, kind: ['ratioTiers', 'linear', 'manual'].indexOf(n.rule!.kind), max: n.maxPoints });
  };
  framework.nodes.forEach(walk);
  return out;
}

/** The rules in SQL: ratio tiers (100% full, 90% half), linear from 50% to 100%, manual points; the last appraisal wins. */
const RULES = `
  CREATE OR REPLACE TABLE scored AS
  SELECT e.unit, CASE
    WHEN e.appraised IS NOT NULL THEN e.appraised
    WHEN l.kind = 0 THEN CASE WHEN e.input >= 100 THEN l.max WHEN e.input >= 90 THEN l.max * 0.5 ELSE 0 END
    WHEN l.kind = 1 THEN CASE WHEN e.input <= 50 THEN 0 WHEN e.input >= 100 THEN l.max ELSE l.max * (e.input - 50) / 50 END
    ELSE e.self END AS points
  FROM entries e JOIN leaves l USING (leaf)`;

/** Totals, rank (1 for the highest, ties shared) and band of each unit, from the pre-scored points. */
const RANKING = `
  SELECT unit, total, rank() OVER (ORDER BY total DESC) AS rank,
    CASE WHEN total >= 90 THEN 'excellent' WHEN total >= 80 THEN 'good' ELSE 'weak' END AS band
  FROM (SELECT unit, sum(points) AS total FROM scored GROUP BY unit)`;

/** Loads the parsed assessments into DuckDB (not timed) and returns the two DuckDB references. */
export async function duckdbReferences(framework: Framework, assessments: readonly Assessment[]) {
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const leafList = leaves(framework);
  const position = new Map(leafList.map((l, i) => [l.code, i]));
  await sql.run('CREATE TABLE leaves (leaf INTEGER, kind TINYINT, max DOUBLE)');
  await sql.run('CREATE TABLE entries (unit INTEGER, leaf INTEGER, input DOUBLE, self DOUBLE, appraised DOUBLE)');
  const leafRows = await sql.createAppender('leaves');
  leafList.forEach((l, i) => {
    leafRows.appendInteger(i);
    leafRows.appendTinyInt(l.kind);
    leafRows.appendDouble(l.max);
    leafRows.endRow();
  });
  leafRows.closeSync();
  const rows = await sql.createAppender('entries');
  const number = (v: unknown) => (typeof v === 'number' ? rows.appendDouble(v) : rows.appendNull());
  assessments.forEach((a, unit) => {
    for (const e of a.entries) {
      rows.appendInteger(unit);
      rows.appendInteger(position.get(e.code)!);
      number(e.self?.input);
      number(e.self?.points);
      number(e.appraisals.at(-1)?.points);
      rows.endRow();
    }
  });
  rows.closeSync();
  await sql.run(RULES);
  const totals = async () => (await sql.runAndReadAll(RANKING)).getColumnsObjectJS() as { unit: number[]; total: number[]; rank: bigint[]; band: string[] };
  const { unit, points } = (await sql.runAndReadAll('SELECT unit, points FROM scored')).getColumnsObjectJS() as { unit: number[]; points: number[] };
  return {
    /** DuckDB evaluating the rules and ranking. */
    rules: async () => {
      await sql.run(RULES);
      return totals();
    },
    /** DuckDB summing the points scored beforehand and ranking. */
    preScored: totals,
    /** The points scored beforehand, unit by unit and leaf by leaf, for the typed-array reference. */
    points: { unit, points },
    close: () => sql.closeSync(),
  };
}

/** The plain typed-array reference: each unit's sum of its pre-scored points, then the units sorted by total. */
export function typedArrayRanking(units: number, scored: { unit: readonly number[]; points: readonly number[] }) {
  const unit = Int32Array.from(scored.unit);
  const points = Float64Array.from(scored.points);
  return () => {
    const totals = new Float64Array(units);
    for (let i = 0; i < unit.length; i++) totals[unit[i]!]! += points[i]!;
    const order = new Int32Array(units).map((_, i) => i);
    order.sort((a, b) => totals[b]! - totals[a]!);
    return order;
  };
}
