import { RatioTiersRuleSchema, sumPoints, type FrameworkNode, type LegalBasis } from '@par/core';
import { dayNumberOf, vietnamDay } from './timing.js';
import { incomingIn, outgoingIn, type Scope } from './checks.js';
import type { ClericalRecordsData, EDocumentsConfig, OutgoingDocument } from './records.js';

/** `part` of `whole` in percent, half-up to 0.01, in integers (no binary-float drift); `undefined` when `whole` is 0. */
export function percent(part: number, whole: number): number | undefined {
  if (whole === 0) return undefined;
  return Math.floor((part * 20_000 + whole) / (2 * whole)) / 100;
}

/** Whether an outgoing document is signed digitally: electronic, both signatures, neither failing validation. */
export const digitallySigned = (d: OutgoingDocument) =>
  d.form === 'electronic' && d.signerSignature !== undefined && d.organisationSignature !== undefined && d.signerSignature.validation !== 'invalid' && d.organisationSignature.validation !== 'invalid';

/** The ids of the metrics, each with what it measures. */
export const METRICS = {
  'eDocuments.electronicExchangeRate': { vi: 'Tỷ lệ văn bản (đi và đến, trừ văn bản mật) trao đổi dưới dạng điện tử (%)', en: 'Share of non-classified documents (outgoing and incoming) exchanged electronically (%)' },
  'eDocuments.digitalSignatureRate': { vi: 'Tỷ lệ văn bản đi (trừ văn bản mật) được ký số (%)', en: 'Share of non-classified outgoing documents digitally signed (%)' },
  'eDocuments.onlineWorkFileRate': { vi: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng (%)', en: 'Share of work files handled online (%)' },
  'eDocuments.assignmentsReceivedElectronically': { vi: 'Tỷ lệ nhiệm vụ được giao nhận bằng văn bản điện tử (%)', en: 'Share of directive assignments that arrived as electronic documents (%)' },
} as const;

/** A metric id of the plugin. */
export type EDocumentsMetricId = keyof typeof METRICS;

/** The value of each metric for one unit's records in a scope; `undefined` where nothing was counted. */
export function metricValue(id: EDocumentsMetricId, r: ClericalRecordsData, s: Scope, config: EDocumentsConfig): number | undefined {
  switch (id) {
    case 'eDocuments.electronicExchangeRate': {
      const docs = [...outgoingIn(r, s), ...incomingIn(r, s)].filter((d) => !d.classified);
      return percent(docs.filter((d) => d.form === 'electronic').length, docs.length);
    }
    case 'eDocuments.digitalSignatureRate': {
      const docs = outgoingIn(r, s).filter((d) => !d.classified);
      return percent(docs.filter(digitallySigned).length, docs.length);
    }
    case 'eDocuments.onlineWorkFileRate': {
      const files = r.workFiles.filter((f) => s.years.includes(f.workEndedYear));
      return percent(files.filter((f) => f.handledOnline).length, files.length);
    }
    case 'eDocuments.assignmentsReceivedElectronically': {
      // every assignment of the unit issued in the scope (the options' and those the incoming documents name), and
      // whether an electronic incoming document brought it
      const electronic = new Map<string, boolean>();
      for (const a of config.assignments) if (a.unitId === r.unitId && dayNumberOf(a.issuedOn) >= s.start && dayNumberOf(a.issuedOn) <= s.end) electronic.set(`${a.documentId}#${a.itemLabel}`, false);
      for (const d of r.incoming) {
        if (!d.directive || vietnamDay(d.receivedAt) > s.ref) continue;
        const inScope = vietnamDay(d.receivedAt) >= s.start;
        for (const label of d.directive.itemLabels) {
          const key = `${d.directive.documentId}#${label}`;
          if (inScope || electronic.has(key)) electronic.set(key, electronic.get(key) === true || d.form === 'electronic');
        }
      }
      return percent([...electronic.values()].filter(Boolean).length, electronic.size);
    }
  }
}

const QD28: LegalBasis = { document: 'QĐ 28/2018/QĐ-TTg', title: 'targets for electronic document exchange (as the domain notes cite them)', verification: 'unconfirmed', source: 'domain notes par-index.md §8.3, digital signatures and e-document exchange' };
const tiers = RatioTiersRuleSchema.parse({ kind: 'ratioTiers', tiers: [{ threshold: 100, share: 1 }, { threshold: 90, share: 0.5 }], otherwise: 0 });

/**
 * The framework fragment for criterion 7.1 (e-document exchange, digital signatures, online work files): three
 * sub-criteria bound to the plugin's metrics, each "100% = full; ≥ 90% = half; below = 0" (par-index.md §8.3, U), with
 * the points of the options (the split is illustrative: U). Points are exact: the parent is the sum of its children.
 */
export function criterionFragment(config: EDocumentsConfig): FrameworkNode {
  const { code, exchange, signed, onlineWorkFiles } = config.fragment;
  const leaf = (n: number, vi: string, en: string, metricId: EDocumentsMetricId, points: number): FrameworkNode => ({
    code: `${code}.${n}`,
    kind: 'subCriterion',
    name: { vi, en },
    maxPoints: points,
    metric: { metricId },
    rule: tiers,
    dataSource: '@par/plugin-e-documents',
    legalBasis: [QD28],
    verification: 'unconfirmed',
  });
  return {
    code,
    kind: 'criterion',
    name: { vi: 'Gửi, nhận văn bản điện tử; ký số; xử lý hồ sơ công việc trên môi trường mạng', en: 'E-document exchange, digital signatures, online work-file processing' },
    maxPoints: sumPoints([exchange, signed, onlineWorkFiles]),
    verification: 'unconfirmed',
    legalBasis: [QD28],
    children: [
      leaf(1, 'Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)', 'Share of documents exchanged electronically (classified excluded)', 'eDocuments.electronicExchangeRate', exchange),
      leaf(2, 'Tỷ lệ văn bản đi được ký số', 'Share of outgoing documents digitally signed', 'eDocuments.digitalSignatureRate', signed),
      leaf(3, 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng', 'Share of work files handled online', 'eDocuments.onlineWorkFileRate', onlineWorkFiles),
    ],
  };
}
