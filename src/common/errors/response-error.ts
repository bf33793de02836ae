import { isSuccessStatusCode } from '../protocol/status-code-range';
import type { OcpiError, OcpiRequestInput } from './ocpi-error';
import { OcpiHttpError } from './ocpi-http-error';
import { createStatusError } from './ocpi-status-error';

/** The parts of a response that decide whether it failed. */
export interface ResponseParts extends OcpiRequestInput {
  httpStatus: number;
  statusText?: string;
  /** The body as text, kept (shortened, scrubbed) on HTTP errors. */
  body?: string;
  /** The envelope, when the body was one (already validated as such). */
  envelope?: { status_code: number; status_message?: string | undefined; timestamp?: string; data?: unknown };
}

/**
 * The one place that maps a response to an error class: a non-2xx HTTP status gives an
 * {@link OcpiHttpError} (with the envelope's code when there is one); a 2xx response whose envelope
 * holds anything but a 1xxx `status_code` gives an `OcpiStatusError` of the matching range, where 4xxx
 * are hub errors only when `hubStatusCodes` (the version's fact) says so. A successful response gives
 * `undefined`.
 */
export function responseError(outcome: ResponseParts, hubStatusCodes: boolean): OcpiError | undefined {
  const { envelope, httpStatus, method, url, secrets } = outcome;
  const request = secrets ? { method, url, secrets } : { method, url };
  if (httpStatus < 200 || httpStatus > 299) {
    return new OcpiHttpError({
      ...request,
      httpStatus,
      ...(outcome.statusText !== undefined && { statusText: outcome.statusText }),
      ...(outcome.body !== undefined && { body: outcome.body }),
      ...(envelope && { statusCode: envelope.status_code }),
      ...(envelope?.status_message !== undefined && { statusMessage: envelope.status_message }),
    });
  }
  if (!envelope || isSuccessStatusCode(envelope.status_code)) return undefined;
  return createStatusError(
    {
      ...request,
      httpStatus,
      statusCode: envelope.status_code,
      ...(envelope.status_message !== undefined && { statusMessage: envelope.status_message }),
      ...(envelope.timestamp !== undefined && { timestamp: envelope.timestamp }),
      ...(envelope.data !== undefined && { data: envelope.data }),
    },
    hubStatusCodes,
  );
}
