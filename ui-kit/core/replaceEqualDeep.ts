const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** Keys whose value is not `undefined`: JSON (and jsonb) drops the others, so they compare as absent. */
const definedKeys = (object: Record<string, unknown>) => Object.keys(object).filter((key) => object[key] !== undefined);

/**
 * `next`, with every part that deep-equals the same part of `prev` replaced by `prev`'s object
 * (TanStack Query's structural sharing). Returns `prev` itself when the two are deep-equal, whatever
 * their key order: a view from the service then changes no reference, and selectors stay quiet.
 */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const result = next.map((item: unknown, index) => {
      const shared = replaceEqualDeep(prev[index], item);
      if (shared !== prev[index]) same = false;
      return shared;
    });
    return (same ? prev : result) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const nextKeys = definedKeys(next);
    let same = nextKeys.length === definedKeys(prev).length;
    const result: Record<string, unknown> = {};
    for (const key of nextKeys) {
      const shared = replaceEqualDeep(prev[key], next[key]);
      if (shared !== prev[key]) same = false;
      result[key] = shared;
    }
    return (same ? prev : result) as T;
  }
  return next;
}
