import type { Schema } from '../transport/operation';

/**
 * The client method that sends each command type: the type in camelCase. 2.2.1 adds
 * `CANCEL_RESERVATION`; a version's table has only the commands it knows.
 */
export const COMMAND_METHODS = {
  CANCEL_RESERVATION: 'cancelReservation',
  RESERVE_NOW: 'reserveNow',
  START_SESSION: 'startSession',
  STOP_SESSION: 'stopSession',
  UNLOCK_CONNECTOR: 'unlockConnector',
} as const;

/** A command type either version knows. */
export type CommandName = keyof typeof COMMAND_METHODS;

/** The POST that sends one command type, `Type`, with its `Body`; the CPO answers at once with a `Response`. */
export interface CommandOperation<Type extends CommandName, Body, Response> {
  readonly method: 'POST';
  readonly path: `/${Type}`;
  readonly request: Schema<Body>;
  readonly response: Schema<Response>;
}

/**
 * The Commands interface of the CPO (2.2.1 calls it the Receiver), alike in both versions but for the
 * commands each has: one POST per command type, at the endpoint's `/<COMMAND_TYPE>`, with that command's
 * body from `requests`, answered at once by the version's `CommandResponse`. Returns the function that
 * declares the operation of one command type.
 *
 * @example
 * const command = commandOperations(CommandRequestSchemas, CommandResponseSchema);
 * const table = { startSession: command('START_SESSION') };
 */
/* @__NO_SIDE_EFFECTS__ */
export function commandOperations<Bodies, Response>(
  requests: { readonly [Type in keyof Bodies & CommandName]: Schema<Bodies[Type]> },
  response: Schema<Response>,
) {
  return <const Type extends keyof Bodies & CommandName>(
    type: Type,
  ): CommandOperation<Type, Bodies[Type], Response> => ({
    method: 'POST',
    path: `/${type}`,
    request: requests[type],
    response,
  });
}
