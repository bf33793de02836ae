import type { PartnerEndpoint } from '../partners/partner-store';

/**
 * Why the initiator's endpoints do not fit ours, or `undefined` when they do: a module we require is
 * missing, or (when we offer modules besides credentials) it lists none of ours. Either is answered with
 * 3003 (credentials, "Required endpoints not available"; status_codes, 3003). Modules are compared by
 * identifier: in 2.2.1 a module's two interfaces belong together, whichever side implements which.
 */
export function missingModules(
  theirs: readonly PartnerEndpoint[],
  ours: readonly string[],
  required: readonly string[],
): string | undefined {
  const listed = new Set(theirs.map((endpoint) => endpoint.identifier));
  const missing = required.filter((identifier) => !listed.has(identifier));
  if (missing.length > 0) return `Required modules missing at the initiator: ${missing.join(', ')}`;
  // With nothing of our own to offer, there is nothing to be mutual about: only the requirement counts.
  if (ours.length > 0 && !ours.some((identifier) => listed.has(identifier))) {
    return `No mutual modules: the initiator lists none of ${ours.join(', ')}`;
  }
  return undefined;
}
