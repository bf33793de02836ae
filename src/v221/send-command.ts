import { type AwaitedCommand, awaitCommand } from '../common/commands/await-command';
import type { CommandInbox } from '../common/commands/command-inbox';
import type { CallOptions } from '../common/transport/transport';
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

/** How a command ended; the result is a `CommandResult`. */
export type CommandOutcome = AwaitedCommand<CommandResponse, CommandResult>;

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
  const send = client.commands.receiver[METHODS[command]] as unknown as (args: {
    body: CommandBodies[C];
    options?: CallOptions;
  }) => Promise<CommandResponse>;
  return awaitCommand({
    inbox: settings.inbox,
    responseUrl: body.response_url,
    send: () => send({ body, ...(settings.options && { options: settings.options }) }),
    // The CPO says how long its result may take, in seconds.
    waitMs: (response) => response.timeout * 1000,
    signal: settings.options?.signal,
  });
}
