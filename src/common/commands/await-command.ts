import type { CommandResultInbox } from './command-result-inbox';

/**
 * How a command ended: the CPO refused it at once (`rejected`: any answer but ACCEPTED), its result
 * arrived at the response URL (`completed`, whatever the result says), or none came in time (`timeout`).
 */
export type AwaitedCommand<Response, Result> =
  | { status: 'rejected'; response: Response }
  | { status: 'completed'; response: Response; result: Result }
  | { status: 'timeout'; response: Response };

/**
 * The command flow of both versions: expect the result at `responseUrl` before sending (so that a fast
 * CPO's result is not missed; an inbox that expects asynchronously has settled before the command
 * goes), send, and wait for the result only if the CPO accepted the command.
 */
export async function awaitCommand<Response extends { result: string }, Result>(flow: {
  inbox: CommandResultInbox<Result>;
  responseUrl: string;
  send: () => Promise<Response>;
  /** How long to wait for the result once the CPO accepted, given its answer. */
  waitMs: (response: Response) => number;
  signal?: AbortSignal | undefined;
}): Promise<AwaitedCommand<Response, Result>> {
  const expected = await flow.inbox.expect(flow.responseUrl);
  let response: Response;
  try {
    response = await flow.send();
  } catch (error) {
    await expected.cancel();
    throw error;
  }
  if (response.result !== 'ACCEPTED') {
    await expected.cancel();
    return { status: 'rejected', response };
  }
  const result = await expected.wait(flow.waitMs(response), flow.signal);
  return result === undefined ? { status: 'timeout', response } : { status: 'completed', response, result };
}
