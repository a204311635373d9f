/** What is wrong with a register's numbers for one year: numbers missing below the highest, numbers used twice. */
export interface SequenceProblems {
  readonly gaps: number[];
  readonly duplicates: number[];
}

/**
 * The gaps and duplicates of a register's numbers for one year (DOC-01, DOC-03): numbers run from 1, so every
 * number from 1 to the highest must be used exactly once. Both lists ascending.
 */
export function sequenceProblems(numbers: readonly number[]): SequenceProblems {
  let max = 0;
  for (const n of numbers) if (n > max) max = n;
  const seen = new Uint32Array(max + 1);
  for (const n of numbers) seen[n]!++;
  const gaps: number[] = [];
  const duplicates: number[] = [];
  for (let n = 1; n <= max; n++) {
    if (seen[n] === 0) gaps.push(n);
    else if (seen[n]! > 1) duplicates.push(n);
  }
  return { gaps, duplicates };
}

/** Ascending numbers as ranges, `3-5, 9`; at most `limit` ranges, then how many numbers more. */
export function ranges(numbers: readonly number[], limit = 20): string {
  const parts: string[] = [];
  let shown = 0;
  for (let i = 0; i < numbers.length && parts.length < limit; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    shown += j - i + 1;
    i = j + 1;
  }
  return parts.join(', ') + (shown < numbers.length ? ` (+${numbers.length - shown})` : '');
}
