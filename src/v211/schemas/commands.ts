// OCPI 2.1.1 Commands: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_commands.md
import {
  ReserveNowSchema,
  StartSessionSchema,
  StopSessionSchema,
  UnlockConnectorSchema,
} from '../generated/schemas';

export {
  type CommandResponse,
  CommandResponseSchema,
  type CommandResponseType,
  CommandResponseTypeSchema,
  CommandResponseTypeValues,
  type CommandType,
  CommandTypeSchema,
  CommandTypeValues,
  type ReserveNow,
  ReserveNowSchema,
  type StartSession,
  StartSessionSchema,
  type StopSession,
  StopSessionSchema,
  type UnlockConnector,
  UnlockConnectorSchema,
} from '../generated/schemas';

/** The request body each command takes, by `CommandType`: the path segment after the commands endpoint. */
export const CommandRequestSchemas = {
  RESERVE_NOW: ReserveNowSchema,
  START_SESSION: StartSessionSchema,
  STOP_SESSION: StopSessionSchema,
  UNLOCK_CONNECTOR: UnlockConnectorSchema,
} as const;
