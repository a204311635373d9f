/** Freezes a plain data value and everything in it, so that what was validated stays as validated. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freeze(value);
  return value;
}

/** Freezes an object and its own properties' values, depth first (without the arrays `Object.values` would make). */
function freeze(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freeze(v);
    }
    return;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v: unknown = (value as Record<string, unknown>)[key];
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freeze(v);
  }
}

/**
 * One frozen empty list, shared by every empty list of every parsed assessment (typed as a mutable list of anything,
 * to stand where the schema's output types have one: it is frozen).
 */
export const EMPTY_LIST = Object.freeze([]) as never[];
