// OCPI 2.1.1 Commands: the request body of each command. The objects are generated
// (../generated/schemas.ts).
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_commands.md
import {
  ReserveNowSchema,
  StartSessionSchema,
  StopSessionSchema,
  UnlockConnectorSchema,
} from '../generated/schemas';

/** The request body each command takes, by `CommandType`: the path segment after the commands endpoint. */
export const CommandRequestSchemas = {
  RESERVE_NOW: ReserveNowSchema,
  START_SESSION: StartSessionSchema,
  STOP_SESSION: StopSessionSchema,
  UNLOCK_CONNECTOR: UnlockConnectorSchema,
} as const;
