import { locationsReceiverOperations, locationsSenderOperations } from '../../common/operations/locations';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { ConnectorSchema, EVSESchema, LocationSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { ConnectorPatchSchema, EVSEPatchSchema, LocationPatchSchema } from '../schemas/locations';

/**
 * The Locations operations of both interfaces: the CPO serves the list and single objects; the eMSP
 * takes pushes of whole and partial objects.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_locations.md#2-interfaces-and-endpoints
 */
export const LocationsOperations = {
  cpo: /*@__PURE__*/ locationsSenderOperations(ListQuerySchema, LocationSchema, EVSESchema, ConnectorSchema),
  emsp: /*@__PURE__*/ locationsReceiverOperations(
    LocationSchema,
    EVSESchema,
    ConnectorSchema,
    LocationPatchSchema,
    EVSEPatchSchema,
    ConnectorPatchSchema,
  ),
} as const;

/** The calls of a CPO's Locations interface (pull its Locations), bound by `createClient`. */
export interface LocationsCpoCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof LocationsOperations.cpo, Mode, Unknown> {}
/** The calls of an eMSP's Locations interface (push Locations to it), bound by `createClient`. */
export interface LocationsEmspCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof LocationsOperations.emsp, Mode, Unknown> {}
