// OCPI 2.1.1 Versions: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md
import * as z from 'zod/mini';
import { openEnum } from '../../common/schema/primitives/open-enum';
import * as generated from '../generated/schemas';
import { ModuleIDValues, VersionNumberSchema, VersionNumberValues } from '../generated/schemas';
import { nonEmptyArray } from '../primitives';

export {
  type ModuleID,
  ModuleIDSchema,
  ModuleIDValues,
  type VersionNumber,
  VersionNumberSchema,
  VersionNumberValues,
} from '../generated/schemas';

/**
 * OCPI 2.1.1 `Version`, one entry of a versions list. A party lists every version it offers, so the list
 * may name versions this one's VersionNumber enum does not know (a later one, or 3.0): any version is
 * taken, and callers pick the ones they speak.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md
 */
export const VersionSchema = /*@__PURE__*/ z.extend(generated.VersionSchema, {
  version: /*@__PURE__*/ openEnum(VersionNumberValues),
});
export interface Version extends z.output<typeof VersionSchema> {}

/**
 * OCPI 2.1.1 `Endpoint`. Parties may add custom modules to the ModuleID enum (by agreement), so any
 * identifier is taken; the known modules stay suggested by the type.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md#custom-modules
 */
export const EndpointSchema = /*@__PURE__*/ z.extend(generated.EndpointSchema, {
  identifier: /*@__PURE__*/ openEnum(ModuleIDValues),
});
export interface Endpoint extends z.output<typeof EndpointSchema> {}

/**
 * The `data` of a version details response: the version and the endpoints of every module the
 * party implements (at least one). The spec describes it with a table but gives it no name.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md#version-details-endpoint
 */
export const VersionDetailsSchema = /*@__PURE__*/ z.strictObject({
  version: VersionNumberSchema,
  endpoints: /*@__PURE__*/ nonEmptyArray(EndpointSchema),
});
export interface VersionDetails extends z.output<typeof VersionDetailsSchema> {}
