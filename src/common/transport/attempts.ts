import ky, { TimeoutError } from 'ky';
import {
  BusyAnswer,
  fetchForRetries,
  isBusyStatus,
  isRetried,
  kyRetry,
  type RetryPolicy,
  retryHooks,
} from './retry';

/** The request of one attempt, as `fetch` takes it. */
export interface AttemptInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** The settings of {@link createAttempts}: the client's fetch, retry policy and timeout. */
export interface AttemptSettings {
  fetch: typeof globalThis.fetch;
  retry: RetryPolicy;
  /** Per attempt, in ms, for the response to start; `false` for none. */
  timeout: number | false;
}

/** No response started within the timeout of an attempt, whether ky made it or not. */
export class AttemptTimeoutError extends Error {
  override name = 'AttemptTimeoutError';
}

/**
 * Sends a request with its retries. The first attempt, which is all that most calls make, goes straight
 * to `fetch` under a timer of our own: ky's work per call (a Request built, merged and cloned before
 * anything is sent) cost a page of 50 Locations a quarter more than fetch alone. When that attempt
 * fails in a way worth retrying (a network error, or a busy answer to a retried method), ky takes the
 * call over as the engine of the retries: it is handed the first outcome as its own first attempt, then
 * counts, waits (`Retry-After` or the back-off, abortable), refreshes the request id and times out the
 * attempts it makes, as it did for every attempt before.
 *
 * Resolves with the response of the last attempt (a busy answer when the retries are spent); rejects
 * with what the last attempt threw: an {@link AttemptTimeoutError}, a network error, or the caller's
 * abort. No error of ky's leaves this file.
 */
export function createAttempts(settings: AttemptSettings) {
  const { retry, timeout } = settings;
  // ky's own, per attempt, for the attempts it makes; it only ever sees a call whose first attempt failed.
  const retrying = ky.create({
    hooks: retryHooks,
    timeout,
    // Every status is ours to read (redirects, error bodies): ky's HTTPError is no part of our control flow.
    throwHttpErrors: false,
    redirect: 'manual',
  });

  return async function send(url: URL, init: AttemptInit): Promise<Response> {
    let first: Response;
    try {
      first = await firstAttempt(url, init);
    } catch (error) {
      if (error instanceof AttemptTimeoutError || init.signal?.aborted || !isRetried(retry, init.method)) {
        throw error;
      }
      return retried(url, init, { error });
    }
    if (!isBusyStatus(first.status) || !isRetried(retry, init.method)) return first;
    return retried(url, init, { response: first });
  };

  async function firstAttempt(url: URL, init: AttemptInit): Promise<Response> {
    if (timeout === false) return settings.fetch(url, { ...init, redirect: 'manual' });
    const timer = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
    // Raced rather than left to the abort: a fetch that ignores its signal still ends on time.
    return new Promise<Response>((resolve, reject) => {
      const timeoutId = setTimeout(() => {
        timer.abort();
        reject(new AttemptTimeoutError(`no response within ${timeout} ms`));
      }, timeout);
      settings.fetch(url, { ...init, redirect: 'manual', signal }).then(
        (response) => {
          clearTimeout(timeoutId);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(timeoutId);
          reject(error);
        },
      );
    });
  }

  async function retried(
    url: URL,
    init: AttemptInit,
    outcome: { response: Response } | { error: unknown },
  ): Promise<Response> {
    let replay: typeof outcome | undefined = outcome;
    // ky's first attempt is the one already made: its outcome is replayed, the later ones are sent.
    const replaying: typeof globalThis.fetch = (input, requestInit) => {
      const made = replay;
      replay = undefined;
      if (made === undefined) return settings.fetch(input, requestInit);
      return 'response' in made ? Promise.resolve(made.response) : Promise.reject(made.error);
    };
    try {
      return await retrying(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body !== undefined && { body: init.body }),
        ...(init.signal && { signal: init.signal }),
        fetch: fetchForRetries(retry, replaying),
        // Per call: the state of a call's retries (what the last busy answer asked to wait) is its own.
        retry: kyRetry(retry),
      });
    } catch (error) {
      // The retries are spent (or the wait asked for is too long): the busy answer is the response.
      if (error instanceof BusyAnswer) return error.response;
      throw error instanceof TimeoutError
        ? new AttemptTimeoutError(`no response within ${timeout} ms`, { cause: error })
        : error;
    }
  }
}
