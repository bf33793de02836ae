import type { CommandResultInbox, ExpectedResult } from './command-result-inbox';
import { responseKey } from './response-key';

/**
 * Where the asynchronous results of commands arrive. OCPI sends a command's outcome later, as a POST
 * from the CPO to the `response_url` the command carried; the app's own HTTP handler for those URLs
 * hands each body to {@link CommandInbox.deliver}, and whoever sent the command waits on it.
 *
 * Only results that someone expects are kept, so a partner cannot fill memory with unasked results.
 * It lives in one process: when several instances of the server share the response URLs (behind a
 * load balancer), use an inbox they share, such as `PostgresCommandInbox`.
 *
 * @example
 * // in the handler of POST /ocpi/emsp/2.2.1/commands/START_SESSION/:id
 * const known = inbox.deliver(request.url, await request.json());
 * return known ? ok() : notFound();
 */
export class CommandInbox<Result> implements CommandResultInbox<Result> {
  readonly #expected = new Map<string, Expected<Result>>();

  /**
   * Starts waiting for the result at `responseUrl`; call it before sending the command. Each command
   * needs a URL of its own: expecting a second result at a URL already awaited throws, as the two
   * results could not be told apart.
   */
  expect(responseUrl: string): ExpectedResult<Result> {
    const key = responseKey(responseUrl);
    if (this.#expected.has(key)) {
      throw new TypeError(
        'A command result is already expected at this response_url: give each command its own',
      );
    }
    let settle!: (result: Result) => void;
    const arrival = new Promise<Result>((resolve) => {
      settle = resolve;
    });
    const expected: Expected<Result> = { arrival, settle };
    this.#expected.set(key, expected);
    return {
      wait: (timeoutMs, signal) => this.#wait(key, expected, timeoutMs, signal),
      cancel: () => {
        if (this.#expected.get(key) === expected) this.#expected.delete(key);
      },
    };
  }

  /**
   * Hands over a result POSTed to `responseUrl`. Returns false when nobody expects one there (the app
   * should then answer 404), true otherwise.
   */
  deliver(responseUrl: string, result: Result): boolean {
    const key = responseKey(responseUrl);
    const expected = this.#expected.get(key);
    if (!expected) return false;
    this.#expected.delete(key);
    expected.settle(result);
    return true;
  }

  /** How many results are awaited now. */
  get pending(): number {
    return this.#expected.size;
  }

  async #wait(
    key: string,
    expected: Expected<Result>,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Result | undefined> {
    let timer: ReturnType<typeof setTimeout> | number | undefined;
    let onAbort: (() => void) | undefined;
    const timeout = new Promise<undefined>((resolve, reject) => {
      timer = setTimeout(resolve, timeoutMs);
      // An abort is the caller's decision, not a late CPO: it rejects, as every other call does.
      onAbort = () => reject(signal?.reason);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([expected.arrival, timeout]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (this.#expected.get(key) === expected) this.#expected.delete(key);
    }
  }
}

interface Expected<Result> {
  arrival: Promise<Result>;
  settle: (result: Result) => void;
}
