// Values made when first needed, not when their module is evaluated, and values remembered per key. The content
// script is compiled and evaluated in one task of the page's main thread; whatever its modules build at top level
// (zod schemas, regexes from word tables) lengthens that task. Built lazily, the work happens on first use, after
// the script's first `await`, in a later task.

/** `make()` run once, on the first call; later calls return the same value. */
/* @__NO_SIDE_EFFECTS__ */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * An object (here: a zod schema) that stands for `make()`, built when one of its properties is first read: it can be
 * exported, nested in other schemas and used like the object itself (`Schema.safeParse(x)`, `z.infer<typeof Schema>`).
 * Not for objects with internal slots (RegExp, Map, Date: their methods reject a proxy as `this`); use `once` there.
 * Calls have no side effects (the annotation), so bundlers still drop a schema that an entrypoint never uses.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazy<T extends object>(make: () => T): T {
  const real = once(make);
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/**
 * `make(key)` remembered per key: for values derived from strings a page repeats on every comment (class names,
 * commenters' names). Up to `limit` keys, then all are forgotten at once, so a page that makes up a new string per
 * element costs memory only up to the bound.
 */
/* @__NO_SIDE_EFFECTS__ */
export function memo<K, V>(make: (key: K) => V, limit = 20_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = make(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
