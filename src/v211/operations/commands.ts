import { commandOperations } from '../../common/operations/commands';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import {
  CommandRequestSchemas,
  CommandResponseSchema,
  type ReserveNow,
  type StartSession,
  type StopSession,
  type UnlockConnector,
} from '../generated/schemas';

/** The request body of each command. */
export interface CommandBodies {
  RESERVE_NOW: ReserveNow;
  START_SESSION: StartSession;
  STOP_SESSION: StopSession;
  UNLOCK_CONNECTOR: UnlockConnector;
}

const command = /*@__PURE__*/ commandOperations(CommandRequestSchemas, CommandResponseSchema);

/**
 * The Commands operations: the CPO takes a command and answers at once with a `CommandResponse`.
 * 2.1.1: the outcome comes later as a second `CommandResponse` POSTed by the CPO to the command's
 * `response_url` (2.2.1 sends a `CommandResult` instead).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_commands.md#2-interfaces-and-endpoints
 */
export const CommandsOperations = {
  cpo: {
    reserveNow: /*@__PURE__*/ command('RESERVE_NOW'),
    startSession: /*@__PURE__*/ command('START_SESSION'),
    stopSession: /*@__PURE__*/ command('STOP_SESSION'),
    unlockConnector: /*@__PURE__*/ command('UNLOCK_CONNECTOR'),
  },
  emsp: {
    postResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: CommandResponseSchema,
      externalUrl: true,
    }),
  },
} as const;

/** The calls of a CPO's Commands interface (send it commands), bound by `createClient`. */
export interface CommandsCpoCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CommandsOperations.cpo, Mode, Unknown> {}
/** The call of an eMSP's Commands interface (post a command's result to it), bound by `createClient`. */
export interface CommandsEmspCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CommandsOperations.emsp, Mode, Unknown> {}
