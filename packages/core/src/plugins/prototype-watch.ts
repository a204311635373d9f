/**
 * The built-in objects a plugin could tamper with to change what later code sees (prototype pollution): the
 * host snapshots them once per run, compares after each plugin call, blames that call and puts them back.
 */
const WATCHED: readonly (readonly [string, object])[] = [
  ...[Object, Array, Function, String, Number, Boolean, Symbol, Date, RegExp, Error, Promise, Map, Set].map((c) => [`${c.name}.prototype`, c.prototype as object] as const),
  ...Object.entries({ Object, Array, Promise, JSON, Math, Reflect }),
];

// captured when this module loads, so that a plugin replacing them cannot blind the watch
const { ownKeys, getPrototypeOf, setPrototypeOf, isExtensible, defineProperty, deleteProperty, getOwnPropertyDescriptor } = Reflect;
const mapGet = Function.prototype.call.bind(Map.prototype.get) as <K, V>(map: Map<K, V>, key: K) => V | undefined;

interface Shape {
  readonly proto: object | null;
  readonly extensible: boolean;
  readonly keys: readonly PropertyKey[];
  readonly props: Map<PropertyKey, PropertyDescriptor>;
}

const same = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/** A snapshot of the watched built-ins: what changed since it was taken, and putting them back. */
export interface PrototypeWatch {
  /**
   * What changed since the snapshot (`Object.prototype.polluted added`), after putting everything back as it was,
   * so that the same snapshot serves the next call. Reads with functions captured at load and plain loops: the
   * built-ins' own methods may be the ones changed.
   */
  restore(): string[];
}

/** Takes a snapshot of the watched built-ins (once per run; compare after each plugin call). */
export function watchPrototypes(): PrototypeWatch {
  const before: (readonly [string, object, Shape])[] = [];
  for (let i = 0; i < WATCHED.length; i++) {
    const name = WATCHED[i]![0];
    const o = WATCHED[i]![1]; // indexes, not destructuring: a plugin may have replaced Array.prototype[Symbol.iterator]
    const props = new Map<PropertyKey, PropertyDescriptor>();
    const keys = ownKeys(o);
    for (let k = 0; k < keys.length; k++) props.set(keys[k]!, getOwnPropertyDescriptor(o, keys[k]!)!);
    before[i] = [name, o, { proto: getPrototypeOf(o), extensible: isExtensible(o), keys, props }];
  }
  return {
    restore() {
      const changes: string[] = [];
      const note = (change: string) => (changes[changes.length] = change);
      for (let i = 0; i < before.length; i++) {
        const name = before[i]![0];
        const o = before[i]![1];
        const was = before[i]![2];
        if (getPrototypeOf(o) !== was.proto) {
          note(`${name}'s prototype replaced`);
          setPrototypeOf(o, was.proto);
        }
        if (isExtensible(o) !== was.extensible) note(`${name} made non-extensible`);
        const keys = ownKeys(o);
        let kept = 0;
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k]!;
          const old = mapGet(was.props, key);
          if (old) kept++;
          if (old && same(old, getOwnPropertyDescriptor(o, key)!)) continue;
          note(`${name}.${String(key)} ${old ? 'changed' : 'added'}`);
          if (old) defineProperty(o, key, old);
          else deleteProperty(o, key);
        }
        if (kept === was.keys.length) continue;
        for (let k = 0; k < was.keys.length; k++) {
          const key = was.keys[k]!;
          if (getOwnPropertyDescriptor(o, key)) continue;
          note(`${name}.${String(key)} removed`);
          defineProperty(o, key, mapGet(was.props, key)!);
        }
      }
      return changes;
    },
  };
}
