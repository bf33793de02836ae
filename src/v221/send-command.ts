import type { CommandInbox } from '../common/command-inbox';
import type { CallOptions } from '../common/http/transport';
import type { Client221 } from './client';
import type {
  CancelReservation,
  CommandResponse,
  CommandResult,
  CommandType,
  ReserveNow,
  StartSession,
  StopSession,
  UnlockConnector,
} from './generated/schemas';

/** The request body of each command. */
export interface CommandBodies {
  CANCEL_RESERVATION: CancelReservation;
  RESERVE_NOW: ReserveNow;
  START_SESSION: StartSession;
  STOP_SESSION: StopSession;
  UNLOCK_CONNECTOR: UnlockConnector;
}

/**
 * How a command ended: the CPO refused it at once (`rejected`: any result but ACCEPTED), its result
 * arrived (`completed`, whatever the result says), or none came within the `timeout` the CPO gave
 * (`timeout`: the spec lets the eMSP assume it never will).
 */
export type CommandOutcome =
  | { status: 'rejected'; response: CommandResponse }
  | { status: 'completed'; response: CommandResponse; result: CommandResult }
  | { status: 'timeout'; response: CommandResponse };

const METHODS = {
  CANCEL_RESERVATION: 'cancelReservation',
  RESERVE_NOW: 'reserveNow',
  START_SESSION: 'startSession',
  STOP_SESSION: 'stopSession',
  UNLOCK_CONNECTOR: 'unlockConnector',
} as const satisfies Record<CommandType, string>;

/**
 * Sends a command to the CPO and waits for its asynchronous result at the command's `response_url`,
 * at most as long as the `timeout` (seconds) of the CPO's `CommandResponse`.
 *
 * @example
 * const outcome = await sendCommand(client, 'START_SESSION', body, { inbox });
 * if (outcome.status === 'completed' && outcome.result.result === 'ACCEPTED') console.log('charging');
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc#mod_commands_flow
 */
export async function sendCommand<C extends CommandType>(
  client: Client221,
  command: C,
  body: CommandBodies[C],
  settings: { inbox: CommandInbox<CommandResult>; options?: CallOptions },
): Promise<CommandOutcome> {
  const expected = settings.inbox.expect(body.response_url);
  let response: CommandResponse;
  try {
    const send = client.commands.receiver[METHODS[command]] as unknown as (args: {
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
  const result = await expected.wait(response.timeout * 1000, settings.options?.signal);
  return result ? { status: 'completed', response, result } : { status: 'timeout', response };
}
