import { ParValidationError } from '@par/calendar';
import { binaryDecoder, decodeJson, fromBinary, UNDECODED } from '../shared/binary-text.js';
import type { Framework } from '../frameworks/framework-schema.js';
import type { Assessment } from './assessment-schema.js';
import { ArgumentCheck } from './arguments.js';
import { parseAssessment } from './parse-assessment.js';
import { quickValidation } from './quick-validation.js';

/** Options of {@link parseAssessmentsJson}. */
export interface AssessmentsJsonOptions {
  /**
   * `text` is a binary string: the document's UTF-8 bytes one to a character (Node's `buffer.toString('latin1')`).
   * Read this way a province's files parse about a sixth faster (no decoding first, one byte a character); each
   * text is decoded where it is kept, and the results and problems are those of the decoded document.
   */
  readonly binary?: boolean;
}

/** A JSON document of assessments: one assessment, or a list of them, each parsed when asked. */
export interface AssessmentsJson {
  /** Whether the document is a list (the problems of an assessment then start with its index) or one assessment. */
  readonly list: boolean;
  /** How many assessments it holds (1 when it is not a list). */
  readonly length: number;
  /** What the assessment at `index` gives as its `framework.id` (any value, as the document has it). */
  frameworkId(index: number): unknown;
  /**
   * The assessment at `index` parsed against `framework`, as {@link parseAssessment} parses it (and refuses it). The
   * document lets each assessment go once parsed; asked again, it parses it from the whole text again (bytes that are
   * not UTF-8 anywhere in a binary document are then refused, `encoding`, though the assessment was taken before).
   */
  parse(index: number, framework: Framework): Assessment;
}

/** Why the document cannot be read: a `ParValidationError` of one problem at its root. */
const unreadable = (code: string, message: string) => new ParValidationError('assessments JSON', [{ path: [], code, message }]);

/** The text of a binary string, or why it is not one of UTF-8 bytes. */
function textOf(binary: string): string {
  const text = fromBinary(binary);
  if (text === undefined) throw unreadable('encoding', 'The text is not UTF-8 bytes one to a character (a binary string)');
  return text;
}

/** Stands for an assessment let go once parsed. */
const LET_GO = Symbol('let go');

/** The `framework.id` a JSON value gives, if any. */
const idOf = (item: unknown): unknown => (item as { framework?: { id?: unknown } } | null | undefined)?.framework?.id;

/** The value of a JSON text, or why it is not one. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw unreadable('invalid_json', `Not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Reads a JSON document of assessments (one, or a list of them): it throws a `ParValidationError` at the root when the
 * text is not JSON (`invalid_json`) or, given as a binary string, not UTF-8 (`encoding`); each assessment is then
 * parsed against its framework when asked ({@link AssessmentsJson.parse}), so that a caller can name the framework
 * each one gives and collect every problem of every one.
 */
export function parseAssessmentsJson(text: string, options?: AssessmentsJsonOptions): AssessmentsJson {
  const check = new ArgumentCheck('parseAssessmentsJson');
  if (typeof text !== 'string') check.issues.add(['text'], 'invalid_argument', 'Expected the document as a string');
  if (check.options(options) && options.binary !== undefined && typeof options.binary !== 'boolean') check.issues.add(['options', 'binary'], 'invalid_argument', 'Expected true or false');
  check.done();
  // a `\u` escape could stand for a character of 128-255, which a binary string cannot tell from a byte: such a
  // document (rare: JSON writers escape only control characters) is decoded whole first
  const binary = options?.binary === true && !text.includes('\\u');
  /** The text, decoded when it is needed (from a binary string). */
  let plain = binary ? undefined : options?.binary === true ? textOf(text) : text;
  let value: unknown;
  if (binary) {
    try {
      value = JSON.parse(text);
    } catch {
      value = parseJson((plain = textOf(text))); // the decoded text's problem (or the encoding's), with its positions
    }
  } else value = parseJson(plain!);
  const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  // each assessment is let go once parsed (most of a file is then garbage before the next is read)
  const items = listOf(value);
  let again: readonly unknown[] | undefined;
  /** An item as the text gives it, the text parsed again (for an item let go, and what cannot be decoded on its own). */
  const fromText = (i: number) => (again ??= listOf(parseJson((plain ??= textOf(text)))))[i];
  const decode = binary ? binaryDecoder() : undefined;
  /**
   * Item `i` of a binary document, let go, as the text gives it: decoded in place, or else (a text that is not UTF-8,
   * which the text then names, or nesting too deep to decode on its own) read from the text.
   */
  const asText = (i: number, item: unknown): unknown => {
    const d = decodeJson(item);
    return d !== UNDECODED ? d : fromText(i);
  };
  const at = (fn: string, index: unknown) => {
    const check = new ArgumentCheck(`AssessmentsJson.${fn}`);
    if (items.length === 0) check.issues.add(['index'], 'invalid_count', `The document holds no assessment, so none at ${String(index)}`);
    else check.count(index, ['index'], 0, items.length - 1, false);
    check.done();
    return index as number;
  };
  return {
    list: Array.isArray(value),
    length: items.length,
    frameworkId(index) {
      const i = at('frameworkId', index);
      const item = items[i];
      if (item === LET_GO) return idOf(fromText(i));
      const id = idOf(item);
      if (!decode || id === null || (typeof id !== 'string' && typeof id !== 'object')) return id;
      // a text decoded on its own; anything else from the text (the item is kept as it is for its parse)
      const text = typeof id === 'string' ? fromBinary(id) : undefined;
      return text ?? idOf(fromText(i));
    },
    parse(index, framework) {
      const i = at('parse', index);
      const item = items[i];
      if (item === LET_GO) return parseAssessment(fromText(i), framework);
      items[i] = LET_GO;
      if (!decode) return parseAssessment(item, framework);
      new ArgumentCheck('parseAssessment').framework(framework).done();
      return quickValidation(item, framework, decode) ?? parseAssessment(asText(i, item), framework);
    },
  };
}
