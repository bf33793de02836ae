// OCPI 2.2.1 Commands: the request body of each command. The objects are generated with their prose
// rules (../generated/schemas.ts, rules from spec-rules.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc
import {
  CancelReservationSchema,
  ReserveNowSchema,
  StartSessionSchema,
  StopSessionSchema,
  UnlockConnectorSchema,
} from '../generated/schemas';

// operations/commands.ts imports this from here.
export { StartSessionSchema } from '../generated/schemas';

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
