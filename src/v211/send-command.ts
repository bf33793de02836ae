import { type AwaitedCommand, awaitCommand } from '../common/commands/await-command';
import type { CommandInbox } from '../common/commands/command-inbox';
import type { CallOptions } from '../common/transport/transport';
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

/** How a command ended (2.1.1: the result is a second `CommandResponse`). */
export type CommandOutcome = AwaitedCommand<CommandResponse, CommandResponse>;

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
  const send = client.commands.cpo[METHODS[command]] as unknown as (args: {
    body: CommandBodies[C];
    options?: CallOptions;
  }) => Promise<CommandResponse>;
  return awaitCommand({
    inbox: settings.inbox,
    responseUrl: body.response_url,
    send: () => send({ body, ...(settings.options && { options: settings.options }) }),
    waitMs: () => settings.timeoutMs,
    signal: settings.options?.signal,
  });
}
