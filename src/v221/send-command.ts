import type { AwaitedCommand } from '../common/commands/await-command';
import { type SendCommandSettings, sendCommandThrough } from '../common/commands/send-command';
import type { ValidationSetting } from '../common/schema/lenient-types';
import type { UnknownFields } from '../common/schema/parse';
import type { Client221 } from './client';
import type { CommandResponse, CommandResult, CommandType } from './generated/schemas';
import type { CommandBodies } from './operations/commands';

export type { CommandBodies };

/** How a command ended; the result is a `CommandResult`. */
export type CommandOutcome = AwaitedCommand<CommandResponse, CommandResult>;

/**
 * Sends a command to the CPO and waits for its asynchronous result at the command's `response_url`,
 * at most as long as the `timeout` (seconds) of the CPO's `CommandResponse`.
 *
 * @example
 * const outcome = await sendCommand(client, 'START_SESSION', startSession, { inbox });
 * if (outcome.status === 'completed' && outcome.result.result === 'ACCEPTED') console.log('charging');
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc#mod_commands_flow
 */
export async function sendCommand<
  C extends CommandType,
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(
  // A client of any validation settings: only its Commands interface is called.
  client: Client221<Mode, Unknown>,
  command: C,
  body: CommandBodies[C],
  settings: SendCommandSettings<CommandResult>,
): Promise<CommandOutcome> {
  // The CPO says how long its result may take, in seconds.
  const waitMs = (response: CommandResponse) => response.timeout * 1000;
  return sendCommandThrough(client.commands.receiver, command, body, settings, waitMs);
}
