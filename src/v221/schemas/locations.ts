// OCPI 2.2.1 Locations: the PATCH bodies. The objects are generated with their prose rules
// (../generated/schemas.ts, rules from spec-rules.ts): an EVSE's rules hold inside a Location too.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc
import {
  ConnectorSchema,
  type ConnectorShape,
  EVSESchema,
  type EVSEShape,
  LocationSchema,
  type LocationShape,
} from '../generated/schemas';
import { type PatchBody, type PatchSchema, patchOf } from './patch';
import * as rules from './spec-rules';

/** A PATCH body for a Location: any of its fields, `last_updated` always. */
export const LocationPatchSchema: PatchSchema<LocationShape, LocationPatch> = /*@__PURE__*/ patchOf(
  LocationSchema,
  rules.Location,
);
export interface LocationPatch extends PatchBody<LocationShape> {}

/** A PATCH body for an EVSE: any of its fields, `last_updated` always. */
export const EVSEPatchSchema: PatchSchema<EVSEShape, EVSEPatch> = /*@__PURE__*/ patchOf(
  EVSESchema,
  rules.EVSE,
);
export interface EVSEPatch extends PatchBody<EVSEShape> {}

/** A PATCH body for a Connector: any of its fields, `last_updated` always. */
export const ConnectorPatchSchema: PatchSchema<ConnectorShape, ConnectorPatch> =
  /*@__PURE__*/ patchOf(ConnectorSchema);
export interface ConnectorPatch extends PatchBody<ConnectorShape> {}

// Spelled out: a template built from another constant would stay in bundles that never use it.
