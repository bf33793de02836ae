// OCPI 2.2.1 Locations: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc
import * as z from 'zod/mini';
import { operation } from '../../common/operation';
import { ConnectorSchema, EVSESchema, LocationSchema } from '../generated/schemas';
import { ListQuerySchema } from './list-query';
import { patchOf } from './patch';

export {
  type AdditionalGeoLocation,
  AdditionalGeoLocationSchema,
  type BusinessDetails,
  BusinessDetailsSchema,
  type Capability,
  CapabilitySchema,
  CapabilityValues,
  type Connector,
  type ConnectorFormat,
  ConnectorFormatSchema,
  ConnectorFormatValues,
  ConnectorSchema,
  type ConnectorType,
  ConnectorTypeSchema,
  ConnectorTypeValues,
  type EnergyMix,
  EnergyMixSchema,
  type EnergySource,
  type EnergySourceCategory,
  EnergySourceCategorySchema,
  EnergySourceCategoryValues,
  EnergySourceSchema,
  type EnvironmentalImpact,
  type EnvironmentalImpactCategory,
  EnvironmentalImpactCategorySchema,
  EnvironmentalImpactCategoryValues,
  EnvironmentalImpactSchema,
  type EVSE,
  EVSESchema,
  type ExceptionalPeriod,
  ExceptionalPeriodSchema,
  type Facility,
  FacilitySchema,
  FacilityValues,
  type GeoLocation,
  GeoLocationSchema,
  type Hours,
  HoursSchema,
  type Image,
  type ImageCategory,
  ImageCategorySchema,
  ImageCategoryValues,
  ImageSchema,
  type Location,
  LocationSchema,
  type ParkingRestriction,
  ParkingRestrictionSchema,
  ParkingRestrictionValues,
  type ParkingType,
  ParkingTypeSchema,
  ParkingTypeValues,
  type PowerType,
  PowerTypeSchema,
  PowerTypeValues,
  type PublishTokenType,
  PublishTokenTypeSchema,
  type RegularHours,
  RegularHoursSchema,
  type Status,
  type StatusSchedule,
  StatusScheduleSchema,
  StatusSchema,
  StatusValues,
} from '../generated/schemas';

/** A PATCH body for a Location: any of its fields, `last_updated` always. */
export const LocationPatchSchema = /*@__PURE__*/ patchOf(LocationSchema);
export type LocationPatch = z.infer<typeof LocationPatchSchema>;

/** A PATCH body for an EVSE: any of its fields, `last_updated` always. */
export const EVSEPatchSchema = /*@__PURE__*/ patchOf(EVSESchema);
export type EVSEPatch = z.infer<typeof EVSEPatchSchema>;

/** A PATCH body for a Connector: any of its fields, `last_updated` always. */
export const ConnectorPatchSchema = /*@__PURE__*/ patchOf(ConnectorSchema);
export type ConnectorPatch = z.infer<typeof ConnectorPatchSchema>;

const receiverLocation = '/{country_code}/{party_id}/{location_id}';
const receiverEvse = `${receiverLocation}/{evse_uid}`;
const receiverConnector = `${receiverEvse}/{connector_id}`;

/**
 * The Locations operations of both interfaces: the Sender (typically a CPO) serves the list and
 * single objects; the Receiver (typically an eMSP) takes pushes of whole and partial objects.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc#mod_locations_interfaces_and_endpoints
 */
export const LocationsOperations = {
  sender: {
    list: /*@__PURE__*/ operation({
      method: 'GET',
      path: '',
      query: ListQuerySchema,
      response: /*@__PURE__*/ z.array(LocationSchema),
      paginated: true,
    }),
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
