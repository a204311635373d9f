import {
  computeIndex,
  labelText,
  parseAssessment,
  ParValidationError,
  PeriodSchema,
  tryToMicro,
  type Assessment,
  type Framework,
  type ParIssue,
  type UnitVersion,
} from '@par/core';
import { periodEnd, unitName, type CommandContext } from './context.js';
import { evaluateFormula, FormulaError, type FormulaValue } from './formula.js';
import { rowCol, type Grid, type GridCell } from './grid.js';
import { SheetError, type SheetProblem } from './sheet-error.js';
import {
  COLUMNS,
  identityChecksum,
  IDENTITY_KEYS,
  META,
  SHEET,
  sheetLayout,
  unitLine,
  WORDS,
  type Column,
  type InputKind,
  type LayoutRow,
  type SheetIdentity,
  type SheetLayout,
} from './sheet-layout.js';
import { readWorkbook } from './workbook-file.js';
import { checkCommandArguments } from './arguments.js';

/** Longest evidence title, note and number of evidence titles per cell the import accepts. */
export const TEXT_LIMITS = { title: 1000, note: 4000, titlesPerCell: 100 } as const;

const show = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v));
const word = (v: string) => v.normalize('NFC').trim().toLocaleLowerCase('vi');
/** Formula text compared without `=`, spaces, `$`, `_xlfn.` and case outside strings, with TRUE() as TRUE. */
const normalise = (f: string) =>
  f
    .replace(/^=/, '')
    .split(/("(?:[^"]|"")*")/)
    .map((p, i) => (i % 2 ? p : p.replace(/\s+|\$/g, '').replace(/_xlfn\./gi, '').toUpperCase().replace(/(TRUE|FALSE)\(\)/g, '$1')))
    .join('');

/**
 * Reads a filled self-assessment workbook (.xlsx, or .ods saved by LibreOffice) back into a validated assessment.
 * Trusts nothing in the file: the identity sheet is checked against its checksum, the visible header, the
 * registry and the framework; every cell the template locked must hold the template's value; formulas typed
 * in input cells are recomputed; the sheet's points are compared with the library's. Every problem of the
 * workbook is reported in one {@link SheetError}, each at `sheet!cell`.
 */
export async function readTemplate(ctx: CommandContext, file: string): Promise<Assessment> {
  checkCommandArguments('readTemplate', ctx, { file: { value: file, is: 'text' } });
  const book = await readWorkbook(file);
  const ws = book.sheets.get(SHEET);
  if (!ws) throw new SheetError([], `${file}: not a par self-assessment workbook (no "${SHEET}" sheet)`);
  const problems: SheetProblem[] = [];
  const add = (cell: string, message: string) => problems.push({ cell, message });
  const { id, framework, layout } = identify(ctx, file, ws, book.sheets.get(META), problems);
  const sheet = new SheetReader(ws, add);
  checkFixedCells(layout, sheet, add);
  const entries: Record<string, unknown>[] = [];
  const evidence: { id: string; title: string; kind: string }[] = [];
  const entryRow: number[] = [];
  for (const r of layout.rows) {
    if (r.kind !== 'leaf') continue;
    const entry = readLeaf(r, sheet, add, evidence);
    if (entry) {
      entries.push(entry);
      entryRow.push(r.row);
    }
  }
  const doc = { unitId: id.unitId, framework: { id: framework.id, version: framework.version }, period: id.period, status: 'draft', evidence, entries };
  let assessment: Assessment | undefined;
  try {
    assessment = parseAssessment(doc, framework);
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    for (const issue of e.issues) add(cellOf(issue, entryRow), issue.message);
  }
  if (assessment && problems.length === 0) compareTotals(ctx, framework, assessment, layout, sheet, add);
  if (problems.length > 0 || !assessment) throw new SheetError(sortProblems(problems));
  return assessment;
}

/** Problems in sheet, row and column order. */
function sortProblems(problems: SheetProblem[]): SheetProblem[] {
  const key = (p: SheetProblem) => {
    const [sheet, cell] = p.cell.split('!') as [string, string];
    const [r, c] = /^[A-Z]+\d+$/.test(cell) ? rowCol(cell) : [0, 0];
    return [sheet === SHEET ? 0 : 1, r, c] as const;
  };
  return problems
    .map((p) => [key(p), p] as const)
    .sort(([a], [b]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
    .map(([, p]) => p);
}

/**
 * What the workbook is for, from the identity sheet, checked against its checksum, the workspace's framework,
 * the registry and the sheet's visible header. What cannot be established stops the import here.
 */
function identify(ctx: CommandContext, file: string, ws: Grid, meta: Grid | undefined, problems: SheetProblem[]) {
  const add = (cell: string, message: string) => problems.push({ cell, message });
  const stop = (cell: string, message: string): never => {
    add(cell, message);
    throw new SheetError(sortProblems(problems));
  };
  if (!meta) return stop(`${META}!A1`, `The identity sheet "${META}" is missing: fill a template made by par template`);
  if (!meta.hidden) add(`${META}!A1`, `The identity sheet "${META}" was unhidden: hide it again (it is not to be edited) or fill a new template`);
  const values = new Map<string, string>();
  IDENTITY_KEYS.forEach((key, i) => {
    const k = meta.cells.get(`A${i + 1}`)?.value;
    const v = meta.cells.get(`B${i + 1}`)?.value;
    if (k !== key || typeof v !== 'string') add(`${META}!A${i + 1}`, `The identity sheet was edited: row ${i + 1} should hold ${key}`);
    else values.set(key, v);
  });
  if (values.size < IDENTITY_KEYS.length) throw new SheetError(sortProblems(problems));
  const id: SheetIdentity = {
    unitId: values.get('unitId')!,
    frameworkId: values.get('frameworkId')!,
    frameworkVersion: values.get('frameworkVersion')!,
    period: values.get('period')!,
    lang: values.get('lang') === 'en' ? 'en' : 'vi',
  };
  if (values.get('lang') !== id.lang) add(`${META}!B5`, 'The identity sheet was edited: the language is vi or en');
  if (identityChecksum(id, values.get('structure')!) !== values.get('checksum')) add(`${META}!B7`, 'The identity sheet was edited (its checksum does not match): the workbook is not trusted; fill a new template');
  const framework = ctx.ws.frameworks.get(id.frameworkId);
  if (!framework || framework.version !== id.frameworkVersion) stop(`${META}!B2`, `${file} is for framework ${id.frameworkId}@${id.frameworkVersion}, which the workspace does not have`);
  if (!PeriodSchema.safeParse(id.period).success) stop(`${META}!B4`, `"${id.period}" is not a period`);
  let version: UnitVersion | undefined;
  try {
    version = ctx.ws.registry.get(id.unitId) ? ctx.ws.registry.versionOn(id.unitId, periodEnd(id.period)) : undefined;
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e; // an id the registry refuses to look up is not in it
  }
  if (!version) stop(`${META}!B1`, `Unit "${id.unitId}" is not in the unit registry at the end of ${id.period}`);
  const name = unitName({ ...ctx, lang: id.lang }, id.unitId, periodEnd(id.period)); // in the template's language
  const layout = sheetLayout(framework!, id, { name, kind: version!.kind, tags: version!.tags });
  if (values.get('structure') !== layout.structure) {
    add(`${META}!B6`, `The template's structure differs from framework ${framework!.id}@${framework!.version} (codes, maxima, rules or rows): fill a new template`);
  }
  const header = ws.cells.get('A2')?.value;
  const expected = unitLine(id, name, labelText(framework!.title, id.lang));
  if (header !== expected) add(`${SHEET}!A2`, `The header ${show(header ?? '')} does not name what the identity sheet says: ${expected}`);
  return { id, framework: framework!, layout };
}

/** The cells of the sheet, with formulas in input cells recomputed (never taken on trust). */
class SheetReader {
  private readonly computing = new Set<string>();
  constructor(
    readonly grid: Grid,
    private readonly add: (cell: string, message: string) => void,
  ) {}

  /** The value a cell shows, a typed formula recomputed; `undefined` (and a problem) when it cannot be read. */
  value(address: string): { value: FormulaValue | Date; percent: boolean } | undefined {
    const c = this.grid.cells.get(address);
    if (!c) return { value: null, percent: false };
    const at = `${SHEET}!${address}`;
    if (c.error) return void this.add(at, `The cell shows the error ${c.error}`);
    if (c.formula === undefined) return { value: c.value ?? null, percent: c.percent };
    try {
      const computed = this.compute(address, c);
      if (c.value !== undefined && !same(c.value, computed)) {
        return void this.add(at, `The formula =${c.formula} gives ${show(computed)}, but the file stores ${show(c.value)}: recalculate and save the sheet, or type the value`);
      }
      return { value: computed, percent: c.percent };
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      return void this.add(at, `The formula =${c.formula} is not read (${e.message}): type the value`);
    }
  }

  private compute(address: string, c: GridCell): FormulaValue {
    if (this.computing.has(address) || this.computing.size > 100) throw new FormulaError('it refers to itself');
    this.computing.add(address);
    try {
      return evaluateFormula(c.formula!, (ref) => {
        const other = this.grid.cells.get(ref);
        if (!other) return null;
        if (other.error) throw new FormulaError(`${ref} shows ${other.error}`);
        if (other.formula !== undefined) return this.compute(ref, other);
        if (other.value instanceof Date) throw new FormulaError(`${ref} holds a date`);
        return other.value ?? null;
      });
    } finally {
      this.computing.delete(address);
    }
  }
}

/** Whether a stored result equals the recomputed one (LibreOffice stores TRUE as 1 in .ods, with a boolean format). */
const same = (stored: FormulaValue | Date, computed: FormulaValue) => {
  const b = typeof computed === 'boolean' && typeof stored === 'number' ? Number(computed) : computed;
  return typeof stored === 'number' && typeof b === 'number' ? Math.abs(stored - b) <= 1e-9 * Math.max(1, Math.abs(stored)) : stored === b || (stored === '' && b === null);
};
const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Every cell the template fixed must hold its value or formula; every other cell outside the inputs stays empty. */
function checkFixedCells(layout: SheetLayout, sheet: SheetReader, add: (cell: string, message: string) => void): void {
  const rows = new Map(layout.rows.map((r) => [r.row, r]));
  for (const [address, c] of sheet.grid.cells) {
    const [r, col] = rowCol(address);
    if ((r > layout.lastRow || col > COLUMNS.length) && (c.formula !== undefined || !isEmpty(c.value))) {
      add(`${SHEET}!${address}`, `${r > layout.lastRow ? 'A row added under the form' : 'A column added beside the form'} is not read: move ${show(c.formula ? `=${c.formula}` : c.value)} into the form or delete it`);
    }
  }
  for (let r = 1; r <= layout.lastRow; r++) {
    const row = rows.get(r);
    for (const col of COLUMNS) {
      if (row?.open.includes(col) || (r === 2 && col === 'A')) continue;
      const expected = row?.cells[col];
      const actual = sheet.grid.cells.get(`${col}${r}`);
      const at = `${SHEET}!${col}${r}`;
      const found = actual ? (actual.formula !== undefined ? `=${actual.formula}` : show(actual.value)) : 'nothing';
      if (!expected) {
        if (actual && (actual.formula !== undefined || !isEmpty(actual.value))) add(at, `This cell is not filled in (it is locked in the template); found ${found}`);
      } else if ('formula' in expected) {
        if (actual?.formula === undefined || normalise(actual.formula) !== normalise(expected.formula)) add(at, `The template's formula =${expected.formula} was changed; found ${found}`);
      } else if (actual?.formula !== undefined || actual?.value !== expected.value) {
        add(at, `The template's ${show(expected.value)} was changed (locked cells are not edited); found ${found}`);
      }
    }
  }
}

/** One leaf row's entry: points or a measured value, evidence, note, N/A; problems at their cells. */
function readLeaf(r: LayoutRow, sheet: SheetReader, add: (cell: string, message: string) => void, evidence: { id: string; title: string; kind: string }[]): Record<string, unknown> | undefined {
  const at = (col: Column) => `${SHEET}!${col}${r.row}`;
  const col: Column = r.input === 'points' ? 'E' : 'F';
  const score = sheet.value(`${col}${r.row}`);
  const refs = sheet.value(`G${r.row}`);
  const note = sheet.value(`H${r.row}`);
  const na = r.open.includes('I') ? sheet.value(`I${r.row}`) : undefined;
  const entry: Record<string, unknown> = { code: r.code };
  const self: Record<string, unknown> = {};
  const scored = score !== undefined && !isEmpty(score.value);
  if (scored) {
    const v = measured(r.input!, score.value, score.percent);
    if (typeof v === 'string' && v.startsWith('!')) add(at(col), v.slice(1));
    else self[r.input === 'points' ? 'points' : 'input'] = v;
  }
  const noteText = note && !isEmpty(note.value) ? text(note.value, TEXT_LIMITS.note, at('H'), add) : undefined;
  if (noteText !== undefined) self.note = noteText;
  const titles: string[] = [];
  if (refs && !isEmpty(refs.value)) {
    const all = (text(refs.value, TEXT_LIMITS.titlesPerCell * TEXT_LIMITS.title, at('G'), add) ?? '').split(/[;\n]/).map((t) => t.trim()).filter((t) => t !== '');
    if (all.length > TEXT_LIMITS.titlesPerCell) add(at('G'), `${all.length} documents in one cell; at most ${TEXT_LIMITS.titlesPerCell}`);
    for (const t of all) {
      if (t.length > TEXT_LIMITS.title) add(at('G'), `A document title of ${t.length} characters; at most ${TEXT_LIMITS.title}`);
      else titles.push(t);
    }
  }
  if (na && !isEmpty(na.value)) {
    if (na.value !== true && !(typeof na.value === 'string' && (WORDS.notApplicable as readonly string[]).includes(word(na.value)))) {
      add(at('I'), `Type x when the criterion does not arise at the unit (or leave the cell empty); found ${show(na.value)}`);
    } else if (scored) {
      const msg = `Declared not applicable (x in I${r.row}) and scored (${col}${r.row}) at once: clear one of them`;
      add(at(col), msg);
      add(at('I'), msg);
    } else {
      const reason = [noteText?.trim() || 'Không phát sinh', ...(titles.length ? [`(${titles.join('; ')})`] : [])].join(' ');
      entry.notApplicable = { reason };
      return entry;
    }
  }
  if (titles.length > 0) {
    self.evidence = titles.map((title, k) => {
      const eid = `${r.code}-${k + 1}`;
      evidence.push({ id: eid, title, kind: 'document' });
      return eid;
    });
  }
  if (Object.keys(self).length === 0) return undefined;
  entry.self = self;
  return entry;
}

/** A note or evidence cell's text; numbers are taken as typed, other values are a problem. */
function text(v: FormulaValue | Date, limit: number, at: string, add: (cell: string, message: string) => void): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return void add(at, `Expected text, found ${show(v)}`);
  const s = String(v);
  if (s.length > limit) return void add(at, `${s.length} characters; at most ${limit}`);
  return s;
}

/** A measured value or points as the rule takes them, or `!` and what is wrong. */
function measured(kind: InputKind, v: FormulaValue | Date, percent: boolean): number | boolean | string {
  const words = (pairs: [readonly string[], boolean | string][], offered: string) => {
    if (typeof v === 'boolean' && kind === 'yesNo') return v;
    const w = typeof v === 'string' ? word(v) : undefined;
    const hit = pairs.find(([list]) => w !== undefined && list.includes(w));
    return hit ? hit[1] : `!Expected ${offered}, found ${show(v)}`;
  };
  switch (kind) {
    case 'yesNo':
      return words([[WORDS.yes, true], [WORDS.no, false]], 'Có or Không (Yes or No)');
    case 'timeliness':
      return words([[WORDS.onTime, 'onTime'], [WORDS.late, 'late'], [WORDS.missing, 'missing']], 'Đúng hạn, Trễ hạn or Không thực hiện (On time, Late, Missing)');
    case 'percent': {
      if (typeof v !== 'number') return `!Expected a percent such as 95%, found ${show(v)}`;
      if (!percent) return `!The cell lost its percent format, so ${v} is ambiguous: type the value as a percent, e.g. 95%`;
      const p = Number((v * 100).toPrecision(15));
      if (p < 0 || p > 100 || tryToMicro(p) === undefined) return `!Expected a percent from 0% to 100% with at most 6 decimals, found ${p}%`;
      return p;
    }
    case 'count':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e9 ? v : `!Expected a count (a whole number from 0), found ${show(v)}`;
    case 'points':
      return typeof v === 'number' && v >= 0 && tryToMicro(v) !== undefined ? v : `!Expected points as a number with at most 6 decimals, found ${show(v)}`;
  }
}

/** The cell an assessment issue is about. */
function cellOf(issue: ParIssue, entryRow: readonly number[]): string {
  const [head, i, part, field] = issue.path;
  if (head === 'unitId') return `${META}!B1`;
  if (head === 'period') return `${META}!B4`;
  if (head !== 'entries' || typeof i !== 'number') return `${SHEET}!A1`;
  const col = part === 'notApplicable' ? 'I' : part === 'self' && field === 'input' ? 'F' : part === 'self' && field === 'evidence' ? 'G' : part === 'self' && field === 'note' ? 'H' : part === 'code' ? 'A' : 'E';
  return `${SHEET}!${col}${entryRow[i]}`;
}

/**
 * The points the sheet shows (the stored results of its formulas) against the library's for the same entries:
 * a difference means the sheet was not recalculated or its formulas compute something else. A formula with no
 * stored result (a file never opened in a spreadsheet) is not compared.
 */
function compareTotals(ctx: CommandContext, framework: Framework, a: Assessment, layout: SheetLayout, sheet: SheetReader, add: (cell: string, message: string) => void): void {
  const v = ctx.ws.registry.versionOn(a.unitId, periodEnd(a.period))!;
  const results = computeIndex(framework, [a], { units: [{ id: a.unitId, kind: v.kind, tags: v.tags }] });
  const nodes = new Map(results.breakdown(a.unitId).map((n) => [n.code, n.self]));
  const r = results.get(a.unitId)!;
  const channel = (id: string) => r.channels.find((c) => c.channel === id);
  const adjust = (id: string) => Math.min(channel(id)?.self ?? 0, channel(id)?.max ?? 0);
  const total = r.points.self + adjust('bonus') - adjust('deduction');
  for (const row of layout.rows) {
    if (!row.cells.E || !('formula' in row.cells.E)) continue;
    const stored = sheet.grid.cells.get(`E${row.row}`)?.value;
    if (stored === undefined) continue;
    const expected = row.kind === 'total' ? total : (nodes.get(row.code!) ?? 0);
    const shown = stored === '' ? 0 : stored;
    if (typeof shown !== 'number' || tryToMicro(Number(shown.toFixed(6))) !== tryToMicro(Number(expected.toFixed(6)))) {
      add(`${SHEET}!E${row.row}`, `The sheet shows ${show(stored)} here; the points computed from the entries are ${Number(expected.toFixed(6))}: recalculate the sheet and save it again`);
    }
  }
}
