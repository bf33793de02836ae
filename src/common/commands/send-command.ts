import { COMMAND_METHODS, type CommandName } from '../operations/commands';
import type { CallOptions } from '../transport/transport';
import { type AwaitedCommand, awaitCommand } from './await-command';
import type { CommandResultInbox } from './command-result-inbox';

/** What every version's `sendCommand` takes besides the command: where results arrive, and call options. */
export interface SendCommandSettings<Result> {
  /** A `CommandInbox` in one process, or an inbox the instances share (`PostgresCommandInbox`). */
  inbox: CommandResultInbox<Result>;
  options?: CallOptions;
}

/**
 * Sends a command through a client's bound Commands interface (the CPO's) and awaits its result at the
 * command's `response_url`: the flow of both versions, which differ only in the interface's name and in
 * how long a result may take (`waitMs`, given the CPO's immediate answer).
 */
export function sendCommandThrough<Response extends { result: string }, Result>(
  commands: object,
  command: CommandName,
  body: { response_url: string },
  settings: SendCommandSettings<Result>,
  waitMs: (response: Response) => number,
): Promise<AwaitedCommand<Response, Result>> {
  const send = (commands as Record<string, unknown>)[COMMAND_METHODS[command]] as (args: {
    body: unknown;
    options?: CallOptions;
  }) => Promise<Response>;
  return awaitCommand({
    inbox: settings.inbox,
    responseUrl: body.response_url,
    send: () => send({ body, ...(settings.options && { options: settings.options }) }),
    waitMs,
    signal: settings.options?.signal,
  });
}
