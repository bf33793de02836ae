import type { CommandInbox } from '../common/command-inbox';
import type { CallOptions } from '../common/http/transport';
import type { Client211 } from './client';
import type {
  CommandResponse,
  CommandType,
  ReserveNow,
  StartSession,
  StopSession,
  UnlockConnector,
} from './generated/schemas';

/** The request body of each command. */
export interface CommandBodies {
  RESERVE_NOW: ReserveNow;
  START_SESSION: StartSession;
  STOP_SESSION: StopSession;
  UNLOCK_CONNECTOR: UnlockConnector;
}

/**
 * How a command ended: the CPO refused it at once (`rejected`), its result arrived (`completed`; in
 * 2.1.1 the result is a second `CommandResponse`), or none came in time (`timeout`).
 */
export type CommandOutcome =
  | { status: 'rejected'; response: CommandResponse }
  | { status: 'completed'; response: CommandResponse; result: CommandResponse }
  | { status: 'timeout'; response: CommandResponse };

const METHODS = {
  RESERVE_NOW: 'reserveNow',
  START_SESSION: 'startSession',
  STOP_SESSION: 'stopSession',
  UNLOCK_CONNECTOR: 'unlockConnector',
} as const satisfies Record<CommandType, string>;

/**
 * Sends a command to the CPO and waits for its asynchronous result at the command's `response_url`.
 * 2.1.1's `CommandResponse` gives no timeout, so the caller says how long to wait.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_commands.md#1-flow
 */
export async function sendCommand<C extends CommandType>(
  client: Client211,
  command: C,
  body: CommandBodies[C],
  settings: { inbox: CommandInbox<CommandResponse>; timeoutMs: number; options?: CallOptions },
): Promise<CommandOutcome> {
  const expected = settings.inbox.expect(body.response_url);
  let response: CommandResponse;
  try {
    const send = client.commands.cpo[METHODS[command]] as unknown as (args: {
      body: CommandBodies[C];
      options?: CallOptions;
    }) => Promise<CommandResponse>;
    response = await send({ body, ...(settings.options && { options: settings.options }) });
  } catch (error) {
    expected.cancel();
    throw error;
  }
  if (response.result !== 'ACCEPTED') {
    expected.cancel();
    return { status: 'rejected', response };
  }
  const result = await expected.wait(settings.timeoutMs, settings.options?.signal);
  return result ? { status: 'completed', response, result } : { status: 'timeout', response };
}
