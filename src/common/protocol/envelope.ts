import * as z from 'zod/mini';
import { rangeOfStatusCode } from './status-code-range';

/**
 * The OCPI response envelope around every payload: `data` (whose shape the endpoint decides),
 * `status_code`, an optional `status_message` and the `timestamp` of the message.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_response_format
 */
export interface OcpiResponse<Data> {
  data: Data;
  status_code: number;
  status_message?: string;
  timestamp: string;
}

/** The version-specific pieces of the envelope: its string and timestamp rules and its code ranges. */
export interface EnvelopeRules {
  /** Whether the version gives 4xxx codes to hubs (as its `VersionProfile` says). */
  hubStatusCodes: boolean;
  statusMessage: z.ZodMiniType<string, string>;
  timestamp: z.ZodMiniType<string, string>;
}

/**
 * Builds a version's envelope schema factory. The data schema is used as given: pass
 * `z.optional(...)` where an endpoint may leave `data` out. Strict: unknown envelope fields and
 * status codes outside the version's ranges are refused.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineResponseSchema(rules: EnvelopeRules) {
  const statusCode = z.int().check(
    z.refine((code) => rangeOfStatusCode(code, rules.hubStatusCodes) !== undefined, {
      error: 'must be an OCPI status code in a range this version defines',
    }),
  );
  return <Data extends z.ZodMiniType>(data: Data) =>
    z.strictObject({
      data,
      status_code: statusCode,
      status_message: z.optional(rules.statusMessage),
      timestamp: rules.timestamp,
    });
}
