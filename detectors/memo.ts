/**
 * A memo for a pure function of a string, emptied once it holds more than `max` entries: detectors
 * see the same words, names and numbers again and again, and a hostile page must not grow it without
 * bound.
 */
export function boundedMemo<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size > max) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
