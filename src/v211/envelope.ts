import * as z from 'zod/mini';
import { defineResponseSchema } from '../common/protocol/envelope';
import { DateTimeSchema, string } from './primitives';

/**
 * The OCPI 2.1.1 response envelope around `data`: a schema factory. Pass the endpoint's data
 * schema, wrapped in `z.optional` where `data` may be absent. Check `status_code` first with
 * {@link OcpiResponseEnvelopeSchema}: on an error code `data` carries no result.
 *
 * @example
 * const LocationPage = OcpiResponseSchema(z.array(LocationSchema));
 */
export const OcpiResponseSchema = /*@__PURE__*/ defineResponseSchema({
  hubStatusCodes: false,
  statusMessage: string(),
  timestamp: DateTimeSchema,
});

/** The envelope alone, `data` unchecked: what to parse first, to tell success from failure. */
export const OcpiResponseEnvelopeSchema = /*@__PURE__*/ OcpiResponseSchema(
  /*@__PURE__*/ z.optional(/*@__PURE__*/ z.unknown()),
);
