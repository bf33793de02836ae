/**
 * The most recent keys added, forgetting the oldest beyond `size`: paging remembers the URLs it fetched
 * and the objects it yielded so, without memory growing with the list. A key is added once: one already
 * held keeps its place (a fetched URL ends the run, a yielded object is not yielded again).
 */
export class RecentKeys {
  readonly #keys = new Set<string>();
  // The keys in the order added, as a ring: the oldest is overwritten. Every item of every page passes
  // here, so no iterator or array grows per key.
  readonly #order: string[] = [];
  readonly #size: number;
  #next = 0;

  constructor(size: number) {
    this.#size = size;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  get size(): number {
    return this.#keys.size;
  }

  add(key: string): void {
    if (this.#keys.has(key)) return;
    if (this.#order.length < this.#size) this.#order.push(key);
    else {
      this.#keys.delete(this.#order[this.#next] as string);
      this.#order[this.#next] = key;
      this.#next = (this.#next + 1) % this.#size;
    }
    this.#keys.add(key);
  }
}
