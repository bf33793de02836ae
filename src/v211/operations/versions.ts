import * as z from 'zod/mini';
import { operation } from '../../common/transport/operation';
import { VersionDetailsSchema, VersionSchema } from '../schemas/versions';

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
