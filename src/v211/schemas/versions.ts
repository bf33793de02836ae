// OCPI 2.1.1 Versions: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md
import * as z from 'zod/mini';
import { operation } from '../../common/operation';
import { EndpointSchema, VersionNumberSchema, VersionSchema } from '../generated/schemas';
import { nonEmptyArray } from '../primitives';

export {
  type Endpoint,
  EndpointSchema,
  type ModuleID,
  ModuleIDSchema,
  ModuleIDValues,
  type Version,
  type VersionNumber,
  VersionNumberSchema,
  VersionNumberValues,
  VersionSchema,
} from '../generated/schemas';

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
export type VersionDetails = z.infer<typeof VersionDetailsSchema>;

/**
 * The two configuration calls every party serves: its versions list, and the details of one version,
 * at the URLs exchanged in the credentials.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md
 */
export const VersionsOperations = {
  getVersions: /*@__PURE__*/ operation({
    method: 'GET',
    path: '{versions_url}',
    response: /*@__PURE__*/ z.array(VersionSchema),
    externalUrl: true,
  }),
  getVersionDetails: /*@__PURE__*/ operation({
    method: 'GET',
    path: '{version_url}',
    response: VersionDetailsSchema,
    externalUrl: true,
  }),
} as const;
