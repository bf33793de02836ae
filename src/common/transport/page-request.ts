import { describeRequest, type OcpiRequestInput } from '../errors/ocpi-error';
import { OcpiRejectedItemsError } from '../errors/ocpi-rejected-items-error';
import { MAX_REJECTED, type RejectedItem } from '../schema/parse-list';
import type { Page } from './paginate';

/** What a {@link PageRequest} needs to tell of items left out when they are not heard otherwise. */
export interface LossAccount {
  /** What the list holds, for the error: `locations item`. */
  subject: string;
  /** Whether someone listens to the call's validation reports (`onValidationIssues`). */
  heard: boolean;
  /** A page's URL as errors describe it, with the secrets to redact. */
  describe: (url: string) => OcpiRequestInput;
}

/**
 * The result of a list call: await it for the first page, iterate it for every item across pages, or
 * call `pages()` for page objects. Nothing is fetched until one of those starts, and each starts anew.
 *
 * No item is left out unseen. A page names the items it left out (`rejected`) and those it kept with
 * tolerated issues (`tolerated`), by index and id, and hands both to `onValidationIssues` (the call's or
 * the client's). Reading items (`for await`, `toArray`) with no such listener, a list that lost items
 * ends with an {@link OcpiRejectedItemsError} naming them, after every good item was handed over.
 * Pages a partner sent without paging headers are told on `pagingIssues` and to the listener, never
 * thrown: they cost no item that arrived.
 *
 * @example
 * for await (const location of client.locations.sender.list({ query: { date_from: new Date('2024-01-01') } })) {
 *   if (done(location)) break; // no further page is fetched
 * }
 */
export class PageRequest<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #start: () => AsyncGenerator<Page<T>, void, undefined>;
  readonly #account: LossAccount | undefined;
  readonly #first: (() => Promise<Page<T>>) | undefined;

  /**
   * @param start Starts a walk across the pages.
   * @param account What tells of items left out when nobody listens.
   * @param first Fetches the first page alone, the same page as a walk's first, for `await`; without
   *   it, `await` starts a walk and ends it after one page.
   */
  constructor(
    start: () => AsyncGenerator<Page<T>, void, undefined>,
    account?: LossAccount,
    first?: () => Promise<Page<T>>,
  ) {
    this.#start = start;
    this.#account = account;
    this.#first = first;
  }

  /** Every page, fetched one by one as you iterate; each names the items it left out. */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#start();
  }

  /**
   * Every item of every page. With no `onValidationIssues` listener, a list that left items out ends
   * with an {@link OcpiRejectedItemsError} after its last good item (not on `break`).
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const losses = this.#losses();
    for await (const page of this.#start()) {
      losses?.add(page);
      yield* page.items;
    }
    losses?.settle();
  }

  /**
   * Collects items into an array, at most `limit` of them: fetching stops as soon as the cap is
   * reached. The cap is required, so that no call can hold an unbounded list in memory by accident.
   * With no `onValidationIssues` listener, it rejects with an {@link OcpiRejectedItemsError} when a
   * page it read left items out (pass a listener to take the good items and hear of the rest).
   */
  async toArray({ limit }: { limit: number }): Promise<T[]> {
    const items: T[] = [];
    if (limit <= 0) return items;
    const losses = this.#losses();
    for await (const page of this.#start()) {
      losses?.add(page);
      for (const item of page.items) {
        items.push(item);
        if (items.length >= limit) break;
      }
      if (items.length >= limit) break;
    }
    losses?.settle();
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
    if (this.#first) return this.#first();
    const pages = this.#start();
    try {
      const first = await pages.next();
      if (first.done) throw new Error('a paginated GET yielded no page');
      return first.value;
    } finally {
      await pages.return(undefined);
    }
  }

  // Only where nobody hears the pages' reports: a listener already learns of every item left out.
  #losses(): Losses | undefined {
    const account = this.#account;
    return account && !account.heard ? new Losses(account) : undefined;
  }
}

/** The items a reading of a list left out, gathered across pages (as many described as one page). */
class Losses {
  readonly #account: LossAccount;
  readonly #rejected: RejectedItem[] = [];
  #count = 0;
  #firstUrl: string | undefined;

  constructor(account: LossAccount) {
    this.#account = account;
  }

  add(page: Page<unknown>): void {
    if (page.rejectedCount === 0) return;
    this.#count += page.rejectedCount;
    this.#firstUrl ??= page.url;
    const url = describeRequest(this.#account.describe(page.url)).url;
    for (const item of page.rejected.slice(0, MAX_REJECTED - this.#rejected.length)) {
      this.#rejected.push(onPage(item, url));
    }
  }

  /** Throws when items were left out. */
  settle(): void {
    if (this.#count === 0) return;
    throw new OcpiRejectedItemsError({
      subject: this.#account.subject,
      rejected: this.#rejected,
      rejectedCount: this.#count,
      request: this.#account.describe(this.#firstUrl as string),
    });
  }
}

// The rejected item with the URL of its page; its error is still only built when read.
function onPage(item: RejectedItem, url: string): RejectedItem {
  return {
    index: item.index,
    id: item.id,
    issues: item.issues,
    url,
    get error() {
      return item.error;
    },
  };
}
