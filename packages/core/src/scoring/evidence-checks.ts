import type { CompiledFramework } from './compiled-framework.js';
import { periodRange } from '@par/calendar';
import type { Assessment } from './assessment-schema.js';
import type { ScoringWarning } from './unit-evaluation.js';

const NONE: readonly ScoringWarning[] = Object.freeze([]);

/**
 * Warnings about evidence: a self-scored node that expects evidence and cites none, and cited evidence whose
 * document date and effective period both fall outside the assessed period.
 */
export function evidenceWarnings(cf: CompiledFramework, a: Assessment): readonly ScoringWarning[] {
  if (!cf.expectsEvidence && a.evidence.length === 0) return NONE;
  const out: ScoringWarning[] = [];
  const { start, end } = periodRange(a.period);
  const byId = new Map(a.evidence.map((e) => [e.id, e]));
  for (const entry of a.entries) {
    const node = cf.byCode.get(entry.code);
    if (node === undefined || !entry.self) continue;
    const refs = [...entry.self.evidence, ...(entry.explanation?.evidence ?? [])];
    if ((cf.nodes[node]!.evidence?.length ?? 0) > 0 && refs.length === 0) {
      out.push({ unitId: a.unitId, code: entry.code, kind: 'evidenceMissing', message: `"${entry.code}" expects evidence and cites none; a written explanation is needed` });
    }
    for (const id of refs) {
      const e = byId.get(id);
      if (!e) continue;
      const dated = e.documentDate !== undefined && e.documentDate >= start && e.documentDate <= end;
      const effective =
        (e.effectiveFrom !== undefined || e.effectiveTo !== undefined) &&
        (e.effectiveFrom ?? start) <= end &&
        (e.effectiveTo ?? end) >= start;
      const undated = e.documentDate === undefined && e.effectiveFrom === undefined && e.effectiveTo === undefined;
      if (!dated && !effective && !undated) {
        out.push({ unitId: a.unitId, code: entry.code, kind: 'evidenceOutsidePeriod', message: `Evidence "${id}" falls outside the period ${a.period} (${start} to ${end})` });
      }
    }
  }
  return out;
}
