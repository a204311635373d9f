import { createHash } from 'node:crypto';
import { describeRule, fromMicro, indexFramework, labelText, toMicro, type Framework, type FrameworkNode, type ScoringRule } from '@par/core';

/** The self-assessment sheet's name, and the hidden sheet that says what the workbook is for. */
export const SHEET = 'Tự đánh giá';
/** The identity sheet: unit, framework, version, period, language, structure and their checksum. */
export const META = 'meta';
/** The first row of criteria; rows 1-4 are the title, the unit, the instructions and the column headers. */
const FIRST_ROW = 5;
/** The nine columns, left to right: code, name, maximum, rule, self score, measured value, evidence, note, N/A. */
export const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
/** A column letter of the sheet. */
export type Column = (typeof COLUMNS)[number];

/**
 * The words a measured-value cell accepts, lower-cased: the sheet's own Vietnamese (offered in its drop-down) and
 * their English forms. Booleans TRUE/FALSE are accepted for yes/no too.
 */
export const WORDS = {
  yes: ['có', 'yes', 'true'],
  no: ['không', 'no', 'false'],
  onTime: ['đúng hạn', 'on time', 'ontime'],
  late: ['trễ hạn', 'late'],
  missing: ['không thực hiện', 'missing'],
  notApplicable: ['x'],
} as const;

/** What a unit types in a row: points (manual leaves) or a measured value of one kind (rule-scored leaves). */
export type InputKind = 'points' | 'yesNo' | 'timeliness' | 'percent' | 'count';

/** A template cell the unit may not change: a value or a formula (without `=`). */
export type FixedCell = { readonly value: string | number } | { readonly formula: string };

/** One row of the sheet as the template writes it. */
export interface LayoutRow {
  readonly row: number;
  /** The framework node of the row, when it has one. */
  readonly code?: string;
  readonly kind: 'heading' | 'parent' | 'leaf' | 'locked' | 'total' | 'signature';
  /** The cells the template writes; every other cell of columns A-I is empty and locked unless in `open`. */
  readonly cells: Partial<Record<Column, FixedCell>>;
  /** The cells the unit fills. */
  readonly open: readonly Column[];
  /** For a leaf the unit scores: what it types. */
  readonly input?: InputKind;
  /** The node's maximum (leaves). */
  readonly max?: number;
}

/** What a workbook is for: the identity sheet's content. */
export interface SheetIdentity {
  readonly unitId: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly period: string;
  readonly lang: 'vi' | 'en';
}

/** The unit as the sheet shows it: its name on the period's last day, kind and tags for applicability. */
export interface SheetUnit {
  readonly name: string;
  readonly kind: string;
  readonly tags: readonly string[];
}

/** The whole form: rows in order, where the total is, and the last row of the form. */
export interface SheetLayout {
  readonly rows: readonly LayoutRow[];
  readonly totalRow: number;
  readonly lastRow: number;
  /** SHA-256 of the structure: every row's code, maximum, rule and formula. */
  readonly structure: string;
}

const T = (lang: 'vi' | 'en', vi: string, en: string) => (lang === 'vi' ? vi : en);

/** The column headers, by language. */
function headers(lang: 'vi' | 'en'): string[] {
  return lang === 'vi'
    ? ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm điểm', 'Điểm tự chấm', 'Số liệu đo', 'Tài liệu kiểm chứng (cách nhau bởi ;)', 'Ghi chú', 'Không phát sinh (x)']
    : ['Code', 'Criterion', 'Max points', 'Scoring rule', 'Self score', 'Measured value', 'Evidence (separated by ;)', 'Note', 'Not applicable (x)'];
}

/** The visible header naming the unit, framework and period (row 2); the importer checks it against the identity sheet. */
export function unitLine(id: SheetIdentity, unitName: string, frameworkTitle: string): string {
  return `${T(id.lang, 'Đơn vị', 'Unit')}: ${unitName} (${id.unitId}); ${frameworkTitle} (${id.frameworkId}@${id.frameworkVersion}); ${T(id.lang, 'kỳ', 'period')} ${id.period}`;
}

/** The input kind of a built-in rule; `points` for manual and plugin rules (the unit gives points). */
function inputKind(node: FrameworkNode): InputKind {
  switch (node.rule?.kind) {
    case 'yesNo':
      return 'yesNo';
    case 'timeliness':
      return 'timeliness';
    case 'ratioTiers':
    case 'linear':
      return 'percent';
    case 'countTiers':
    case 'deductionPerOccurrence':
      return 'count';
    default:
      return 'points';
  }
}

/** `maxMicro × share` rounded half up to the millionth, as the library's rules compute it. */
const shareOf = (maxMicro: number, share: number): number => {
  const n = BigInt(maxMicro) * BigInt(Math.round(share * 1e6));
  return Number((2n * n + 1_000_000n) / 2_000_000n);
};
const pts = (micro: number) => String(fromMicro(micro));
const anyOf = (cell: string, words: readonly string[]) => `OR(${words.map((w) => `TRIM(${cell})="${w}"`).join(',')})`;

/**
 * The spreadsheet formula that gives a rule-scored leaf its points from the measured value in `input` (a
 * percent cell holds a fraction: 95% is 0.95), computing exactly what the library's rule computes: thresholds
 * and shares in millionths, rounding half up once.
 */
function ruleFormula(rule: ScoringRule, max: number, channel: string, input: string): string {
  const maxMicro = toMicro(max);
  switch (rule.kind) {
    case 'yesNo':
      return `IF(OR(${input}=TRUE,${anyOf(input, WORDS.yes)}),${max},0)`;
    case 'timeliness':
      return `IF(${anyOf(input, WORDS.onTime)},${pts(shareOf(maxMicro, rule.onTime))},IF(${anyOf(input, WORDS.late)},${pts(shareOf(maxMicro, rule.late))},${pts(shareOf(maxMicro, rule.missing))}))`;
    case 'ratioTiers':
    case 'countTiers': {
      // the library compares the value in millionths with each tier in order; the first that holds wins
      const m = rule.kind === 'ratioTiers' ? `ROUND(${input}*100000000,0)` : `ROUND(${input}*1000000,0)`;
      const op = (inclusive: boolean) => (rule.better === 'higher' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<');
      return rule.tiers.reduceRight(
        (otherwise, t) => `IF(${m}${op(t.inclusive)}${Math.round(t.threshold * 1e6)},${pts(shareOf(maxMicro, t.share))},${otherwise})`,
        pts(shareOf(maxMicro, rule.otherwise)),
      );
    }
    case 'linear': {
      const m = `ROUND(${input}*100000000,0)`;
      const [floor, full] = [Math.round(rule.floorPercent * 1e6), Math.round(rule.fullPercent * 1e6)];
      return `IF(${m}<=${floor},0,IF(${m}>=${full},${max},ROUND(${maxMicro}*(${m}-${floor})/${full - floor},0)/1000000))`;
    }
    case 'deductionPerOccurrence': {
      const score = `MAX(${pts(shareOf(maxMicro, rule.floorShare))},(${maxMicro}-ROUND(${maxMicro}*${Math.round(rule.shareEach * 1e6)}*${input}/1000000,0))/1000000)`;
      return channel === 'deduction' ? `${max}-${score}` : score;
    }
    default:
      throw new TypeError(`No formula for a ${(rule as { kind: string }).kind} rule`);
  }
}

/** Whether a node applies to the unit by its kind and tags (the node's and its ancestors'). */
function appliesTo(unit: SheetUnit, chain: readonly FrameworkNode[]): boolean {
  return chain.every((n) => {
    const a = n.applicability;
    return !a || ((!a.unitKinds || a.unitKinds.includes(unit.kind)) && (!a.tags || a.tags.every((t) => unit.tags.includes(t))));
  });
}

/**
 * The form for one unit, framework and period: the same function writes the template and checks an imported
 * workbook, so every fixed cell the import compares is the one the template wrote.
 */
export function sheetLayout(framework: Framework, id: SheetIdentity, unit: SheetUnit): SheetLayout {
  const lang = id.lang;
  const index = indexFramework(framework);
  const rowOf = new Map<string, number>();
  let next = FIRST_ROW;
  for (const [code] of index) rowOf.set(code, next++);
  const rows: LayoutRow[] = [
    { row: 1, kind: 'heading', cells: { A: { value: `${T(lang, 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', 'PAR INDEX SELF-ASSESSMENT')} ${id.period}` } }, open: [] },
    { row: 2, kind: 'heading', cells: { A: { value: unitLine(id, unit.name, labelText(framework.title, lang)) } }, open: [] },
    {
      row: 3,
      kind: 'heading',
      cells: {
        A: {
          value: T(
            lang,
            'Điền các ô màu vàng. Điểm tự chấm: điểm từ 0 đến điểm tối đa (tiêu chí chấm trực tiếp). Số liệu đo: chọn trong danh sách (Có/Không, Đúng hạn/Trễ hạn/Không thực hiện), tỉ lệ phần trăm (ví dụ 95%) hoặc số lần (số nguyên); điểm được tính tự động. Không phát sinh: gõ x và ghi lý do ở cột Ghi chú.',
            'Fill the yellow cells. Self score: points from 0 to the maximum (manually scored criteria). Measured value: pick from the list (Yes/No, On time/Late/Missing), a percent (e.g. 95%) or a count (a whole number); the points are computed. Not applicable: type x and give the reason in the Note column.',
          ),
        },
      },
      open: [],
    },
    { row: 4, kind: 'heading', cells: Object.fromEntries(headers(lang).map((h, i) => [COLUMNS[i]!, { value: h }])), open: [] },
  ];
  const chain = (code: string): FrameworkNode[] => {
    const out: FrameworkNode[] = [];
    for (let c: string | undefined = code; c !== undefined; c = index.get(c)!.parentCode) out.push(index.get(c)!.node);
    return out;
  };
  for (const [code, { node, depth, channel, isLeaf }] of index) {
    const row = rowOf.get(code)!;
    const imported = channel === 'survey' || channel === 'leadership';
    const cells: Partial<Record<Column, FixedCell>> = {
      A: { value: code },
      B: { value: `${'  '.repeat(depth - 1)}${labelText(node.name, lang)}` },
      C: { value: node.maxPoints },
    };
    if (!isLeaf) {
      if (!imported) cells.E = { formula: `SUM(${(node.children ?? []).map((c) => `E${rowOf.get(c.code)}`).join(',')})` };
      rows.push({ row, code, kind: 'parent', cells, open: [] });
      continue;
    }
    if (imported || !appliesTo(unit, chain(code))) {
      cells.D = { value: imported ? T(lang, 'Không tự chấm (điều tra xã hội học, đánh giá của lãnh đạo)', 'Not self-scored (survey, leadership)') : T(lang, 'Không áp dụng với đơn vị này', 'Does not apply to this unit') };
      rows.push({ row, code, kind: 'locked', cells, open: [] });
      continue;
    }
    const input = inputKind(node);
    const naAllowed = node.applicability?.notApplicableAllowed === true;
    cells.D = { value: node.rule ? describeRule(node.rule, lang) : T(lang, 'Chấm trực tiếp', 'Manual entry') };
    if (input !== 'points') {
      const formula = ruleFormula(node.rule as ScoringRule, node.maxPoints, channel, `F${row}`);
      const blank = naAllowed ? `OR(F${row}="",I${row}<>"")` : `F${row}=""`;
      cells.E = { formula: `IF(${blank},"",${formula})` };
    }
    const open: Column[] = [input === 'points' ? 'E' : 'F', 'G', 'H', ...(naAllowed ? (['I'] as const) : [])];
    rows.push({ row, code, kind: 'leaf', cells, open, input, max: node.maxPoints });
  }
  const totalRow = next;
  const tops = (ch: string) => framework.nodes.filter((n) => index.get(n.code)!.channel === ch).map((n) => `E${rowOf.get(n.code)}`);
  const capped = (ch: string) => {
    const list = tops(ch);
    const cap = framework.channels.find((c) => c.id === ch)?.maxPoints;
    return list.length === 0 ? '' : cap === undefined ? `SUM(${list.join(',')})` : `MIN(SUM(${list.join(',')}),${cap})`;
  };
  const bonus = capped('bonus');
  const deduction = capped('deduction');
  rows.push({
    row: totalRow,
    kind: 'total',
    cells: { A: { value: T(lang, 'Tổng', 'Total') }, E: { formula: `SUM(${tops('appraised').join(',')})${bonus ? `+${bonus}` : ''}${deduction ? `-${deduction}` : ''}` } },
    open: [],
  });
  const sign = totalRow + 2;
  rows.push(
    { row: sign, kind: 'signature', cells: { G: { value: T(lang, '......, ngày ... tháng ... năm ......', '......, date ..../..../........') } }, open: [] },
    { row: sign + 1, kind: 'signature', cells: { B: { value: T(lang, 'NGƯỜI LẬP', 'PREPARED BY') }, G: { value: T(lang, 'THỦ TRƯỞNG ĐƠN VỊ', 'HEAD OF THE UNIT') } }, open: [] },
    { row: sign + 2, kind: 'signature', cells: { B: { value: T(lang, '(Ký, ghi rõ họ tên)', '(Signature, full name)') }, G: { value: T(lang, '(Ký tên, đóng dấu)', '(Signature, seal)') } }, open: [] },
    // room to sign by hand; the typed names are not imported
    { row: sign + 6, kind: 'signature', cells: {}, open: ['B', 'G'] },
  );
  const structure = createHash('sha256')
    .update(JSON.stringify(rows.filter((r) => r.kind !== 'heading').map((r) => [r.row, r.code ?? '', r.cells.C ?? '', r.cells.D ?? '', r.cells.E ?? '', r.open])))
    .digest('hex');
  return { rows, totalRow, lastRow: sign + 6, structure };
}

/** The checksum over what a workbook is for and the template's structure (a detector of edits, not a signature). */
export function identityChecksum(id: SheetIdentity, structure: string): string {
  return createHash('sha256').update(JSON.stringify(['par-template-v1', id.unitId, id.frameworkId, id.frameworkVersion, id.period, id.lang, structure])).digest('hex');
}

/** The identity sheet's rows: key in A, value in B. */
export const IDENTITY_KEYS = ['unitId', 'frameworkId', 'frameworkVersion', 'period', 'lang', 'structure', 'checksum'] as const;
