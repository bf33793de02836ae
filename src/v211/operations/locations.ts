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

const emspLocation = '/{country_code}/{party_id}/{location_id}';
const emspEvse = '/{country_code}/{party_id}/{location_id}/{evse_uid}';
const emspConnector = '/{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}';

/**
 * The Locations operations of both interfaces: the CPO serves the list and single objects; the eMSP
 * takes pushes of whole and partial objects.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_locations.md#2-interfaces-and-endpoints
 */
export const LocationsOperations = {
  cpo: {
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
  emsp: {
    getLocation: /*@__PURE__*/ operation({ method: 'GET', path: emspLocation, response: LocationSchema }),
    getEvse: /*@__PURE__*/ operation({ method: 'GET', path: emspEvse, response: EVSESchema }),
    getConnector: /*@__PURE__*/ operation({ method: 'GET', path: emspConnector, response: ConnectorSchema }),
    putLocation: /*@__PURE__*/ operation({ method: 'PUT', path: emspLocation, request: LocationSchema }),
    putEvse: /*@__PURE__*/ operation({ method: 'PUT', path: emspEvse, request: EVSESchema }),
    putConnector: /*@__PURE__*/ operation({ method: 'PUT', path: emspConnector, request: ConnectorSchema }),
    patchLocation: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: emspLocation,
      request: LocationPatchSchema,
    }),
    patchEvse: /*@__PURE__*/ operation({ method: 'PATCH', path: emspEvse, request: EVSEPatchSchema }),
    patchConnector: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: emspConnector,
      request: ConnectorPatchSchema,
    }),
  },
} as const;
