// What the quick paths (`parseAssessment`'s, `parseUnits`') take as plain data: objects made by a literal or
// `JSON.parse` and arrays without holes. Anything else goes to the schemas, which name the problems.

/** Whether `v` is made by a literal or `JSON.parse` (its prototype is `Object.prototype`). */
export const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A plain object (made by a literal or `JSON.parse`) whose own keys are all in `keys` and hold no `undefined`. */
export function plainWith(value: unknown, keys: (key: string) => boolean): value is Record<string, unknown> {
  if (!isPlain(value)) return false;
  for (const key in value) if (!keys(key) || value[key] === undefined) return false;
  return true;
}

/** An array made by a literal or `JSON.parse`, without holes. */
export function plainArray(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value)) return false;
  return true;
}
