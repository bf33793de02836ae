// OCPI 2.2.1 Commands: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc

import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import {
  CancelReservationSchema,
  ReserveNowSchema,
  StopSessionSchema,
  UnlockConnectorSchema,
} from '../generated/schemas';
import { checkStartSession } from './rules';

export {
  type CancelReservation,
  CancelReservationSchema,
  type CommandResponse,
  CommandResponseSchema,
  type CommandResponseType,
  CommandResponseTypeSchema,
  CommandResponseTypeValues,
  type CommandResult,
  CommandResultSchema,
  type CommandResultType,
  CommandResultTypeSchema,
  CommandResultTypeValues,
  type CommandType,
  CommandTypeSchema,
  CommandTypeValues,
  type ReserveNow,
  ReserveNowSchema,
  type StartSession,
  type StopSession,
  StopSessionSchema,
  type UnlockConnector,
  UnlockConnectorSchema,
} from '../generated/schemas';

/**
 * OCPI 2.2.1 `StartSession`: an `evse_uid` whenever a `connector_id` is given.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc#mod_commands_startsession_object
 */
export const StartSessionSchema = /*@__PURE__*/ generated.StartSessionSchema.check(
  /*@__PURE__*/ specRule(checkStartSession),
);

/**
 * The request body each command takes, by `CommandType`: the path segment after the commands
 * endpoint is the command's name.
 */
export const CommandRequestSchemas = {
  CANCEL_RESERVATION: CancelReservationSchema,
  RESERVE_NOW: ReserveNowSchema,
  START_SESSION: StartSessionSchema,
  STOP_SESSION: StopSessionSchema,
  UNLOCK_CONNECTOR: UnlockConnectorSchema,
} as const;
