import { locationsReceiverOperations, locationsSenderOperations } from '../../common/operations/locations';
import type { ListQuery } from '../../common/schema/list-query';
import type { BoundOperations } from '../../common/transport/bind-operations';
import {
  type Connector,
  ConnectorSchema,
  type EVSE,
  EVSESchema,
  type Location,
  LocationSchema,
} from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import {
  type ConnectorPatch,
  ConnectorPatchSchema,
  type EVSEPatch,
  EVSEPatchSchema,
  type LocationPatch,
  LocationPatchSchema,
} from '../schemas/locations';

/**
 * The Locations operations of both interfaces: the Sender (typically a CPO) serves the list and
 * single objects; the Receiver (typically an eMSP) takes pushes of whole and partial objects.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc#mod_locations_interfaces_and_endpoints
 */
export const LocationsOperations = {
  sender: /*@__PURE__*/ locationsSenderOperations<ListQuery, Location, EVSE, Connector>(
    ListQuerySchema,
    LocationSchema,
    EVSESchema,
    ConnectorSchema,
  ),
  receiver: /*@__PURE__*/ locationsReceiverOperations<
    Location,
    EVSE,
    Connector,
    LocationPatch,
    EVSEPatch,
    ConnectorPatch
  >(LocationSchema, EVSESchema, ConnectorSchema, LocationPatchSchema, EVSEPatchSchema, ConnectorPatchSchema),
} as const;

/** The calls of a partner's Locations Sender interface (pull its Locations), bound by `createClient`. */
export interface LocationsSenderCalls extends BoundOperations<typeof LocationsOperations.sender> {}
/** The calls of a partner's Locations Receiver interface (push Locations to it), bound by `createClient`. */
export interface LocationsReceiverCalls extends BoundOperations<typeof LocationsOperations.receiver> {}
