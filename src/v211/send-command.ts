import type { AwaitedCommand } from '../common/commands/await-command';
import { type SendCommandSettings, sendCommandThrough } from '../common/commands/send-command';
import type { ValidationSetting } from '../common/schema/lenient-types';
import type { UnknownFields } from '../common/schema/parse';
import type { Client211 } from './client';
import type { CommandResponse, CommandType } from './generated/schemas';
import type { CommandBodies } from './operations/commands';

export type { CommandBodies };

/** How a command ended (2.1.1: the result is a second `CommandResponse`). */
export type CommandOutcome = AwaitedCommand<CommandResponse, CommandResponse>;

/**
 * Sends a command to the CPO and waits for its asynchronous result at the command's `response_url`.
 * 2.1.1's `CommandResponse` gives no timeout, so the caller says how long to wait.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_commands.md#1-flow
 */
export async function sendCommand<
  C extends CommandType,
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(
  // A client of any validation settings: only its Commands interface is called.
  client: Client211<Mode, Unknown>,
  command: C,
  body: CommandBodies[C],
  settings: SendCommandSettings<CommandResponse> & { timeoutMs: number },
): Promise<CommandOutcome> {
  return sendCommandThrough(client.commands.cpo, command, body, settings, () => settings.timeoutMs);
}
