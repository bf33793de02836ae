import { locationsReceiverOperations, locationsSenderOperations } from '../../common/operations/locations';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { ConnectorSchema, EVSESchema, LocationSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { ConnectorPatchSchema, EVSEPatchSchema, LocationPatchSchema } from '../schemas/locations';

/**
 * The Locations operations of both interfaces: the Sender (typically a CPO) serves the list and
 * single objects; the Receiver (typically an eMSP) takes pushes of whole and partial objects.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc#mod_locations_interfaces_and_endpoints
 */
export const LocationsOperations = {
  sender: /*@__PURE__*/ locationsSenderOperations(
    ListQuerySchema,
    LocationSchema,
    EVSESchema,
    ConnectorSchema,
  ),
  receiver: /*@__PURE__*/ locationsReceiverOperations(
    LocationSchema,
    EVSESchema,
    ConnectorSchema,
    LocationPatchSchema,
    EVSEPatchSchema,
    ConnectorPatchSchema,
  ),
} as const;

/** The calls of a partner's Locations Sender interface (pull its Locations), bound by `createClient`. */
export interface LocationsSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof LocationsOperations.sender, Mode, Unknown> {}
/** The calls of a partner's Locations Receiver interface (push Locations to it), bound by `createClient`. */
export interface LocationsReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof LocationsOperations.receiver, Mode, Unknown> {}
