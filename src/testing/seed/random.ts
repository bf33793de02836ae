// A seeded PRNG for the simulated partners' data: the same seed gives the same data on every runtime,
// with no Math.random anywhere.

/** A small, fast, seeded PRNG (mulberry32) with the helpers the generators need. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return {
    next,
    int,
    pick,
    chance: (probability: number): boolean => next() < probability,
    /** Between `min` and `max` distinct items, in their original order. */
    some: <T>(items: readonly T[], min: number, max: number): T[] => {
      const wanted = Math.min(int(min, max), items.length);
      const chosen = new Set<number>();
      while (chosen.size < wanted) chosen.add(Math.floor(next() * items.length));
      return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
    },
    uuid: (): string => {
      let hex = '';
      for (let i = 0; i < 32; i++) hex += Math.floor(next() * 16).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}

/** The PRNG {@link createRandom} returns. */
export type Random = ReturnType<typeof createRandom>;

/**
 * A seed of its own for one part of the data (Locations, Tariffs, Sessions...), so that changing how
 * many of one are made leaves the others as they were.
 */
export function streamSeed(seed: number, stream: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
}
