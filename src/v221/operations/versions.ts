import { versionsOperations } from '../../common/operations/versions';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { VersionSchema } from '../generated/schemas';
import { VersionDetailsSchema } from '../schemas/versions';

/**
 * The two configuration calls every party serves: its versions list, and the details of one version.
 * Neither lives under a module endpoint: they are at the URLs exchanged in the credentials.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/version_information_endpoint.asciidoc
 */
export const VersionsOperations = /*@__PURE__*/ versionsOperations(VersionSchema, VersionDetailsSchema);

/** A partner's versions list and version details, bound by `createClient`. */
export interface VersionsCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof VersionsOperations, Mode, Unknown> {}
