import { commandOperations } from '../../common/operations/commands';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import {
  type CancelReservation,
  CommandRequestSchemas,
  CommandResponseSchema,
  CommandResultSchema,
  type ReserveNow,
  type StartSession,
  type StopSession,
  type UnlockConnector,
} from '../generated/schemas';

/** The request body of each command. */
export interface CommandBodies {
  CANCEL_RESERVATION: CancelReservation;
  RESERVE_NOW: ReserveNow;
  START_SESSION: StartSession;
  STOP_SESSION: StopSession;
  UNLOCK_CONNECTOR: UnlockConnector;
}

const command = /*@__PURE__*/ commandOperations(CommandRequestSchemas, CommandResponseSchema);

/**
 * The Commands operations: the Receiver (typically a CPO) takes a command and answers at once with a
 * `CommandResponse`; the actual outcome comes later as a `CommandResult` POSTed by the CPO to the
 * `response_url` the command carried.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc#mod_commands_interfaces_and_endpoints
 */
export const CommandsOperations = {
  receiver: {
    cancelReservation: /*@__PURE__*/ command('CANCEL_RESERVATION'),
    reserveNow: /*@__PURE__*/ command('RESERVE_NOW'),
    startSession: /*@__PURE__*/ command('START_SESSION'),
    stopSession: /*@__PURE__*/ command('STOP_SESSION'),
    unlockConnector: /*@__PURE__*/ command('UNLOCK_CONNECTOR'),
  },
  sender: {
    postResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: CommandResultSchema,
      externalUrl: true,
    }),
  },
} as const;

/** The calls of a partner's Commands Receiver interface (send it commands), bound by `createClient`. */
export interface CommandsReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CommandsOperations.receiver, Mode, Unknown> {}
/** The call of an eMSP's Commands Sender interface (post a command's result to it), bound by `createClient`. */
export interface CommandsSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CommandsOperations.sender, Mode, Unknown> {}
