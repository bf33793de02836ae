import type { Page } from './paginate';

/**
 * The result of a list call: await it for the first page, iterate it for every item across pages, or
 * call `pages()` for page objects. Nothing is fetched until one of those starts, and each starts anew.
 *
 * @example
 * for await (const location of client.locations.list({ date_from: '2024-01-01T00:00:00Z' })) {
 *   if (done(location)) break; // no further page is fetched
 * }
 */
export class PageRequest<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #start: () => AsyncGenerator<Page<T>, void, undefined>;

  constructor(start: () => AsyncGenerator<Page<T>, void, undefined>) {
    this.#start = start;
  }

  /** Every page, fetched one by one as you iterate. */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#start();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.#start()) yield* page.items;
  }

  /**
   * Collects items into an array, at most `limit` of them: fetching stops as soon as the cap is
   * reached. The cap is required, so that no call can hold an unbounded list in memory by accident.
   */
  async toArray({ limit }: { limit: number }): Promise<T[]> {
    const items: T[] = [];
    if (limit <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a list call gives its first page, by design.
  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  async #firstPage(): Promise<Page<T>> {
    const pages = this.#start();
    try {
      const first = await pages.next();
      if (first.done) throw new Error('a paginated GET yielded no page');
      return first.value;
    } finally {
      await pages.return(undefined);
    }
  }
}
