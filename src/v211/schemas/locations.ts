// OCPI 2.1.1 Locations: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_locations.md
import type * as z from 'zod/mini';
import { checkEnergyMix, checkEnergySource, checkRegularHours } from '../../common/schema/prose-rules';
import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { ConnectorSchema } from '../generated/schemas';
import { patchOf } from './patch';
import { checkCoordinates, checkEvse, checkHours, checkLocation } from './rules';

export {
  type AdditionalGeoLocation,
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
  type EnergySource,
  type EnergySourceCategory,
  EnergySourceCategorySchema,
  EnergySourceCategoryValues,
  type EnvironmentalImpact,
  type EnvironmentalImpactCategory,
  EnvironmentalImpactCategorySchema,
  EnvironmentalImpactCategoryValues,
  EnvironmentalImpactSchema,
  type EVSE,
  type ExceptionalPeriod,
  ExceptionalPeriodSchema,
  type Facility,
  FacilitySchema,
  FacilityValues,
  type GeoLocation,
  type Hours,
  type Image,
  type ImageCategory,
  ImageCategorySchema,
  ImageCategoryValues,
  ImageSchema,
  type Location,
  type LocationType,
  LocationTypeSchema,
  LocationTypeValues,
  type ParkingRestriction,
  ParkingRestrictionSchema,
  ParkingRestrictionValues,
  type PowerType,
  PowerTypeSchema,
  PowerTypeValues,
  type RegularHours,
  type Status,
  type StatusSchedule,
  StatusScheduleSchema,
  StatusSchema,
  StatusValues,
} from '../generated/schemas';

// The spec's prose rules on top of the generated table shapes (see rules.ts). A refined schema has the
// same fields as the generated one; nested objects are checked by the outermost schema.

/** OCPI 2.1.1 `GeoLocation`: coordinates in decimal degrees, exactly 6 decimals. */
export const GeoLocationSchema = /*@__PURE__*/ generated.GeoLocationSchema.check(
  /*@__PURE__*/ specRule(checkCoordinates),
);

/** OCPI 2.1.1 `AdditionalGeoLocation`: a related point, same coordinate format. */
export const AdditionalGeoLocationSchema = /*@__PURE__*/ generated.AdditionalGeoLocationSchema.check(
  /*@__PURE__*/ specRule(checkCoordinates),
);

/** OCPI 2.1.1 `RegularHours`: weekday 1 to 7, `HH:MM` times, the end after the begin. */
export const RegularHoursSchema = /*@__PURE__*/ generated.RegularHoursSchema.check(
  /*@__PURE__*/ specRule(checkRegularHours),
);

/** OCPI 2.1.1 `Hours`: regular hours or 24/7 (the table's choice), each period well formed. */
export const HoursSchema = /*@__PURE__*/ generated.HoursSchema.check(/*@__PURE__*/ specRule(checkHours));

/** OCPI 2.1.1 `EnergySource`: a percentage from 0 to 100. */
export const EnergySourceSchema = /*@__PURE__*/ generated.EnergySourceSchema.check(
  /*@__PURE__*/ specRule(checkEnergySource),
);

/** OCPI 2.1.1 `EnergyMix`, each source's percentage from 0 to 100. */
export const EnergyMixSchema = /*@__PURE__*/ generated.EnergyMixSchema.check(
  /*@__PURE__*/ specRule(checkEnergyMix),
);

/** OCPI 2.1.1 `EVSE`, its coordinates' format checked. */
export const EVSESchema = /*@__PURE__*/ generated.EVSESchema.check(/*@__PURE__*/ specRule(checkEvse));

/**
 * OCPI 2.1.1 `Location`, with the prose rules of everything in it: coordinates and opening hours.
 * 2.1.1: it has a `type` and no `country_code`, `party_id` or `publish` (all added in 2.2).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_locations.md#31-location-object
 */
export const LocationSchema = /*@__PURE__*/ generated.LocationSchema.check(
  /*@__PURE__*/ specRule(checkLocation),
);

/** A PATCH body for a Location: any of its fields (2.1.1: `last_updated` optional). */
export const LocationPatchSchema = /*@__PURE__*/ patchOf(generated.LocationSchema, checkLocation);
export interface LocationPatch extends z.output<typeof LocationPatchSchema> {}

/** A PATCH body for an EVSE: any of its fields. */
export const EVSEPatchSchema = /*@__PURE__*/ patchOf(generated.EVSESchema, checkEvse);
export interface EVSEPatch extends z.output<typeof EVSEPatchSchema> {}

/** A PATCH body for a Connector: any of its fields. */
export const ConnectorPatchSchema = /*@__PURE__*/ patchOf(ConnectorSchema);
export interface ConnectorPatch extends z.output<typeof ConnectorPatchSchema> {}

// Spelled out: a template built from another constant would stay in bundles that never use it.
