import { operation, paginatedOperation } from '../../common/transport/operation';
import { ConnectorSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import {
  ConnectorPatchSchema,
  EVSEPatchSchema,
  EVSESchema,
  LocationPatchSchema,
  LocationSchema,
} from '../schemas/locations';

const receiverLocation = '/{country_code}/{party_id}/{location_id}';
const receiverEvse = '/{country_code}/{party_id}/{location_id}/{evse_uid}';
const receiverConnector = '/{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}';

/**
 * The Locations operations of both interfaces: the Sender (typically a CPO) serves the list and
 * single objects; the Receiver (typically an eMSP) takes pushes of whole and partial objects.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc#mod_locations_interfaces_and_endpoints
 */
export const LocationsOperations = {
  sender: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, LocationSchema),
    getLocation: /*@__PURE__*/ operation({ method: 'GET', path: '/{location_id}', response: LocationSchema }),
    getEvse: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{location_id}/{evse_uid}',
      response: EVSESchema,
    }),
    getConnector: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{location_id}/{evse_uid}/{connector_id}',
      response: ConnectorSchema,
    }),
  },
  receiver: {
    getLocation: /*@__PURE__*/ operation({ method: 'GET', path: receiverLocation, response: LocationSchema }),
    getEvse: /*@__PURE__*/ operation({ method: 'GET', path: receiverEvse, response: EVSESchema }),
    getConnector: /*@__PURE__*/ operation({
      method: 'GET',
      path: receiverConnector,
      response: ConnectorSchema,
    }),
    putLocation: /*@__PURE__*/ operation({ method: 'PUT', path: receiverLocation, request: LocationSchema }),
    putEvse: /*@__PURE__*/ operation({ method: 'PUT', path: receiverEvse, request: EVSESchema }),
    putConnector: /*@__PURE__*/ operation({
      method: 'PUT',
      path: receiverConnector,
      request: ConnectorSchema,
    }),
    patchLocation: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: receiverLocation,
      request: LocationPatchSchema,
    }),
    patchEvse: /*@__PURE__*/ operation({ method: 'PATCH', path: receiverEvse, request: EVSEPatchSchema }),
    patchConnector: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: receiverConnector,
      request: ConnectorPatchSchema,
    }),
  },
} as const;
