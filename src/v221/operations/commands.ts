import { operation } from '../../common/transport/operation';
import {
  CancelReservationSchema,
  CommandResponseSchema,
  CommandResultSchema,
  ReserveNowSchema,
  StopSessionSchema,
  UnlockConnectorSchema,
} from '../generated/schemas';
import { StartSessionSchema } from '../schemas/commands';

/**
 * The Commands operations: the Receiver (typically a CPO) takes a command and answers at once with a
 * `CommandResponse`; the actual outcome comes later as a `CommandResult` POSTed by the CPO to the
 * `response_url` the command carried.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc#mod_commands_interfaces_and_endpoints
 */
export const CommandsOperations = {
  receiver: {
    cancelReservation: /*@__PURE__*/ operation({
      method: 'POST',
      path: '/CANCEL_RESERVATION',
      request: CancelReservationSchema,
      response: CommandResponseSchema,
    }),
    reserveNow: /*@__PURE__*/ operation({
      method: 'POST',
      path: '/RESERVE_NOW',
      request: ReserveNowSchema,
      response: CommandResponseSchema,
    }),
    startSession: /*@__PURE__*/ operation({
      method: 'POST',
      path: '/START_SESSION',
      request: StartSessionSchema,
      response: CommandResponseSchema,
    }),
    stopSession: /*@__PURE__*/ operation({
      method: 'POST',
      path: '/STOP_SESSION',
      request: StopSessionSchema,
      response: CommandResponseSchema,
    }),
    unlockConnector: /*@__PURE__*/ operation({
      method: 'POST',
      path: '/UNLOCK_CONNECTOR',
      request: UnlockConnectorSchema,
      response: CommandResponseSchema,
    }),
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
