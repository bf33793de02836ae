import type { CommandInbox } from './command-inbox';

/**
 * Where the asynchronous results of commands arrive, whatever keeps them: {@link CommandInbox} in one
 * process, or an inbox on a database shared by several instances of the server, where the result may
 * reach another instance than the one that sent the command. `sendCommand` takes any of them.
 *
 * An inbox whose `expect` needs a round trip (to a database) may answer with a promise: the command is
 * sent only once it settled, so that a fast CPO's result finds the expectation in place.
 */
export interface CommandResultInbox<Result> {
  /**
   * Starts waiting for the result at `responseUrl`, before the command is sent. Fails (throws, or
   * rejects) when a result is already expected there: the two could not be told apart.
   */
  expect(responseUrl: string): ExpectedResult<Result> | Promise<ExpectedResult<Result>>;
  /**
   * Hands over a result POSTed to `responseUrl`: true when it was expected there, false when nobody
   * expects one (the app should then answer 404).
   */
  deliver(responseUrl: string, result: Result): boolean | Promise<boolean>;
}

/** A result being waited for. */
export interface ExpectedResult<Result> {
  /** The result, or `undefined` when none came within `timeoutMs`; rejects with the reason of an abort. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<Result | undefined>;
  /** Stops expecting it (e.g. the command was rejected, so no result will come). */
  cancel(): void | Promise<void>;
}
