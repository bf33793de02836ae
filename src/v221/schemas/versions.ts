// OCPI 2.2.1 Versions: the version details data, which the spec describes without naming it. Version
// and Endpoint are generated, their open enums from the overrides table (scripts/codegen/overrides.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/version_information_endpoint.asciidoc
import * as z from 'zod/mini';
import type { InferredOutput, SpecObjectSchema } from '../../common/schema/spec-object';
import { EndpointSchema, VersionNumberSchema } from '../generated/schemas';
import { nonEmptyArray } from '../primitives';

/**
 * The `data` of a version details response: the version and the endpoints of every module the
 * party implements (at least one). The spec describes it with a table but gives it no name.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/version_information_endpoint.asciidoc#version_information_endpoint_version_details_endpoint
 */
export const VersionDetailsSchema: SpecObjectSchema<VersionDetailsShape, VersionDetails> =
  /*@__PURE__*/ z.strictObject({
    version: VersionNumberSchema,
    endpoints: /*@__PURE__*/ nonEmptyArray(EndpointSchema),
  });
type VersionDetailsShape = {
  version: typeof VersionNumberSchema;
  endpoints: z.ZodMiniArray<typeof EndpointSchema>;
};
export interface VersionDetails extends InferredOutput<VersionDetailsShape> {}
