import * as z from 'zod/mini';
import { operation, type Schema } from '../transport/operation';

/**
 * The two configuration calls every party serves, alike in both versions: its versions list, and the
 * details of one version. Neither is below a module endpoint: both are at URLs exchanged in the
 * credentials. Responses are only read, so each schema is typed by its output alone.
 */
/* @__NO_SIDE_EFFECTS__ */
export function versionsOperations<Version, VersionDetails>(
  version: Schema<Version, unknown>,
  details: Schema<VersionDetails, unknown>,
) {
  return {
    getVersions: operation({
      method: 'GET',
      path: '{versions_url}',
      response: z.array(version) as Schema<Version[], unknown>,
      externalUrl: true,
    }),
    getVersionDetails: operation({
      method: 'GET',
      path: '{version_url}',
      response: details,
      externalUrl: true,
    }),
  } as const;
}
