import { operation, paginatedOperation, type Schema } from '../transport/operation';

/**
 * The Locations interface of the party that owns the locations (the CPO; 2.2.1 calls it the Sender):
 * the list, and one Location, EVSE or Connector by its ids, below the module's endpoint.
 */
/* @__NO_SIDE_EFFECTS__ */
export function locationsSenderOperations<ListQuery, Location, EVSE, Connector>(
  query: Schema<ListQuery>,
  location: Schema<Location>,
  evse: Schema<EVSE>,
  connector: Schema<Connector>,
) {
  return {
    list: paginatedOperation(query, location),
    getLocation: operation({ method: 'GET', path: '/{location_id}', response: location }),
    getEvse: operation({ method: 'GET', path: '/{location_id}/{evse_uid}', response: evse }),
    getConnector: operation({
      method: 'GET',
      path: '/{location_id}/{evse_uid}/{connector_id}',
      response: connector,
    }),
  } as const;
}

/**
 * The Locations interface of the party that receives them (the eMSP; 2.2.1 calls it the Receiver): read
 * back, push whole (PUT) or in part (PATCH) each Location, EVSE and Connector, addressed by the owner's
 * country code and party id.
 */
/* @__NO_SIDE_EFFECTS__ */
export function locationsReceiverOperations<
  Location,
  EVSE,
  Connector,
  LocationPatch,
  EVSEPatch,
  ConnectorPatch,
>(
  location: Schema<Location>,
  evse: Schema<EVSE>,
  connector: Schema<Connector>,
  locationPatch: Schema<LocationPatch>,
  evsePatch: Schema<EVSEPatch>,
  connectorPatch: Schema<ConnectorPatch>,
) {
  return {
    getLocation: operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{location_id}',
      response: location,
    }),
    getEvse: operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{location_id}/{evse_uid}',
      response: evse,
    }),
    getConnector: operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}',
      response: connector,
    }),
    putLocation: operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{location_id}',
      request: location,
    }),
    putEvse: operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{location_id}/{evse_uid}',
      request: evse,
    }),
    putConnector: operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}',
      request: connector,
    }),
    patchLocation: operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{location_id}',
      request: locationPatch,
    }),
    patchEvse: operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{location_id}/{evse_uid}',
      request: evsePatch,
    }),
    patchConnector: operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}',
      request: connectorPatch,
    }),
  } as const;
}
