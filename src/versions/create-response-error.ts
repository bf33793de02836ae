import type { OcpiError } from '../common/errors/ocpi-error';
import { type ResponseParts, responseError } from '../common/errors/response-error';
import type { OcpiVersion } from '../common/protocol/version';
import { VERSION_FACTS } from './version-facts';

/** The parts of a response that decide whether it failed, and the version it was spoken in. */
export interface ResponseOutcome extends ResponseParts {
  version: OcpiVersion;
}

/**
 * Maps a response to the error the client would throw for it: a non-2xx HTTP status gives an
 * `OcpiHttpError` (with the envelope's code when there is one); a 2xx response whose envelope holds
 * anything but a 1xxx `status_code` gives an `OcpiStatusError` of the matching range (4xxx are hub
 * errors in 2.2.1 only). A successful response gives `undefined`.
 */
export function createResponseError(outcome: ResponseOutcome): OcpiError | undefined {
  const { version, ...parts } = outcome;
  return responseError(parts, VERSION_FACTS[version].hubStatusCodes);
}
