import { operation } from '../../common/transport/operation';
import {
  CommandResponseSchema,
  ReserveNowSchema,
  StartSessionSchema,
  StopSessionSchema,
  UnlockConnectorSchema,
} from '../generated/schemas';

/**
 * The Commands operations: the CPO takes a command and answers at once with a `CommandResponse`.
 * 2.1.1: the outcome comes later as a second `CommandResponse` POSTed by the CPO to the command's
 * `response_url` (2.2.1 sends a `CommandResult` instead).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_commands.md#2-interfaces-and-endpoints
 */
export const CommandsOperations = {
  cpo: {
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
  emsp: {
    postResult: /*@__PURE__*/ operation({
      method: 'POST',
      path: '{response_url}',
      request: CommandResponseSchema,
      externalUrl: true,
    }),
  },
} as const;
