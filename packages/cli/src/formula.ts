import { columnLetters, rowCol } from './grid.js';

/** A value a formula computes: empty (`null`), a number, text or a truth value. */
export type FormulaValue = null | number | string | boolean;

/** Thrown when a formula cannot be recomputed: its message says why, for the person who typed it. */
export class FormulaError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

type Token = { t: 'bool'; v: boolean } | { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'fn'; v: string } | { t: 'op'; v: string };
type Node =
  | { k: 'lit'; v: FormulaValue }
  | { k: 'ref'; v: string }
  | { k: 'range'; from: string; to: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:E[+-]?\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Z]{1,3}\$?\d{1,7})(?![A-Z0-9_(])|([A-Z][A-Z0-9.]*)\s*\(|(TRUE|FALSE)(?![A-Z0-9_(])|(<>|<=|>=|[-+*/^&=<>(),:%]))/iy;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new FormulaError(`cannot read the formula from "${text.slice(at, at + 12)}" (only numbers, text, cells of this sheet and ${Object.keys(FUNCTIONS).join(', ')} are computed)`);
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'ref', v: m[3].replace(/\$/g, '').toUpperCase() });
    else if (m[4] !== undefined) out.push({ t: 'fn', v: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ t: 'bool', v: m[5].toUpperCase() === 'TRUE' });
    else out.push({ t: 'op', v: m[6]! });
  }
  return out;
}

const PRECEDENCE: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

function parse(tokens: Token[]): Node {
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const expect = (v: string) => {
    const t = tokens[i++];
    if (t?.t !== 'op' || t.v !== v) throw new FormulaError(`expected "${v}"`);
  };
  const primary = (): Node => {
    if (++depth > 64) throw new FormulaError('more than 64 levels of nesting, the most a spreadsheet allows');
    try {
      return primaryAt();
    } finally {
      depth--;
    }
  };
  const primaryAt = (): Node => {
    const t = tokens[i++];
    if (!t) throw new FormulaError('the formula ends too early');
    if (t.t === 'num' || t.t === 'bool') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') {
      const n = peek();
      if (n?.t === 'op' && n.v === ':') {
        i++;
        const to = tokens[i++];
        if (to?.t !== 'ref') throw new FormulaError('a range needs two cells');
        return { k: 'range', from: t.v, to: to.v };
      }
      return { k: 'ref', v: t.v };
    }
    if (t.t === 'fn') {
      const args: Node[] = [];
      if (!(peek()?.t === 'op' && peek()!.v === ')')) {
        for (;;) {
          args.push(expr(1));
          if (peek()?.t === 'op' && peek()!.v === ',') i++;
          else break;
        }
      }
      expect(')');
      return { k: 'call', name: t.v, args };
    }
    if (t.v === '(') {
      const e = expr(1);
      expect(')');
      return e;
    }
    if (t.v === '-' || t.v === '+') return { k: 'un', op: t.v, a: unary() };
    throw new FormulaError(`unexpected "${t.v}"`);
  };
  const unary = (): Node => {
    let node = primary();
    while (peek()?.t === 'op' && peek()!.v === '%') {
      i++;
      node = { k: 'un', op: '%', a: node };
    }
    return node;
  };
  // precedence climbing; every binary operator is left-associative, as in Excel (2^3^2 = 64)
  const expr = (min: number): Node => {
    let left = unary();
    for (let t = peek(); t?.t === 'op' && (PRECEDENCE[t.v] ?? 0) >= min; t = peek()) {
      i++;
      left = { k: 'bin', op: t.v, a: left, b: expr(PRECEDENCE[t.v]! + 1) };
    }
    return left;
  };
  const tree = expr(1);
  if (i < tokens.length) throw new FormulaError('unexpected text after the formula');
  return tree;
}

const num = (v: FormulaValue | FormulaValue[]): number => {
  if (Array.isArray(v)) throw new FormulaError('a range where one value is expected');
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = v.trim() === '' ? Number.NaN : Number(v);
  if (Number.isNaN(n)) throw new FormulaError(`"${v}" is not a number`);
  return n;
};
const bool = (v: FormulaValue | FormulaValue[]): boolean => (typeof v === 'string' ? (() => { throw new FormulaError(`"${v}" is not TRUE or FALSE`); })() : num(v) !== 0);
const numbersOf = (args: (FormulaValue | FormulaValue[])[]) => args.flatMap((a) => (Array.isArray(a) ? a.filter((x): x is number => typeof x === 'number') : [num(a)]));
const round = (x: number, d: number) => {
  const f = 10 ** Math.trunc(d);
  return (Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15)))) / f;
};

const FUNCTIONS: Record<string, (args: (FormulaValue | FormulaValue[])[]) => FormulaValue> = {
  SUM: (a) => numbersOf(a).reduce((s, x) => s + x, 0),
  MIN: (a) => (numbersOf(a).length ? Math.min(...numbersOf(a)) : 0),
  MAX: (a) => (numbersOf(a).length ? Math.max(...numbersOf(a)) : 0),
  ABS: ([x]) => Math.abs(num(x ?? null)),
  TRIM: ([x]) => (Array.isArray(x) ? '' : String(x ?? '').replace(/ +/g, ' ').trim()),
  ROUND: ([x, d]) => round(num(x ?? null), num(d ?? 0)),
  AND: (a) => a.flat().every((x) => bool(x)),
  OR: (a) => a.flat().some((x) => bool(x)),
  NOT: ([x]) => !bool(x ?? null),
  TRUE: () => true,
  FALSE: () => false,
};

/** Cell addresses of a rectangular range, row by row. */
function cellsOf(from: string, to: string): string[] {
  const [r1, c1] = rowCol(from);
  const [r2, c2] = rowCol(to);
  if ((Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1) > 10_000) throw new FormulaError('the range is too large');
  const out: string[] = [];
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push(`${columnLetters(c)}${r}`);
  return out;
}

/**
 * Recomputes a spreadsheet formula (without `=`) the way Excel and LibreOffice Calc do, for the small language a
 * clerk types into a cell: numbers, text, TRUE/FALSE, cells and ranges of the same sheet, arithmetic, comparisons,
 * `&`, `%` and SUM, MIN, MAX, ABS, TRIM, ROUND, AND, OR, NOT, IF. Anything else (other sheets, other functions) throws a
 * {@link FormulaError}, so that a stored result is never taken on trust. `cell` gives another cell's value.
 */
export function evaluateFormula(formula: string, cell: (address: string) => FormulaValue): FormulaValue {
  if (formula.length > 8192) throw new FormulaError('longer than the 8,192 characters a spreadsheet formula may have');
  const tree = parse(tokenize(formula.replace(/^=/, '').replace(/_xlfn\./gi, '')));
  const ev = (n: Node): FormulaValue | FormulaValue[] => {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return cell(n.v);
      case 'range':
        return cellsOf(n.from, n.to).map(cell);
      case 'un': {
        const a = num(ev(n.a));
        return n.op === '-' ? -a : n.op === '%' ? a / 100 : a;
      }
      case 'call': {
        if (n.name === 'IF') {
          if (n.args.length < 2 || n.args.length > 3) throw new FormulaError('IF takes 2 or 3 arguments');
          return bool(ev(n.args[0]!)) ? ev(n.args[1]!) : n.args[2] ? ev(n.args[2]) : false;
        }
        const fn = FUNCTIONS[n.name];
        if (!fn) throw new FormulaError(`${n.name} is not computed by the import (only IF, ${Object.keys(FUNCTIONS).join(', ')})`);
        return fn(n.args.map(ev));
      }
      case 'bin': {
        const a = ev(n.a);
        const b = ev(n.b);
        if (Array.isArray(a) || Array.isArray(b)) throw new FormulaError('a range where one value is expected');
        switch (n.op) {
          case '+':
            return num(a) + num(b);
          case '-':
            return num(a) - num(b);
          case '*':
            return num(a) * num(b);
          case '/': {
            if (num(b) === 0) throw new FormulaError('division by zero (#DIV/0!)');
            return num(a) / num(b);
          }
          case '^':
            return num(a) ** num(b);
          case '&':
            return `${a ?? ''}${b ?? ''}`;
          default:
            return compare(n.op, a, b);
        }
      }
    }
  };
  const out = ev(tree);
  if (Array.isArray(out)) throw new FormulaError('a range where one value is expected');
  if (typeof out === 'number') {
    if (!Number.isFinite(out)) throw new FormulaError('the result is not a finite number');
    return Number(out.toPrecision(15)); // what a spreadsheet stores: 15 significant digits
  }
  return out;
}

function compare(op: string, a: FormulaValue, b: FormulaValue): boolean {
  const rank = (v: FormulaValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const x = a ?? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0);
  const y = b ?? (typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === 'string') c = x.toLocaleLowerCase('vi').localeCompare((y as string).toLocaleLowerCase('vi'), 'vi');
  else c = Number(x) - Number(y);
  return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}
