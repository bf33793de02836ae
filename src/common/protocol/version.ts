/**
 * The OCPI versions this SDK implements. Each has its own entry point (`@org/ocpi/v211`,
 * `@org/ocpi/v221`); version-independent code takes the version as a value of this type.
 */
export type OcpiVersion = '2.1.1' | '2.2.1';

/** Every version this SDK implements, oldest first. */
export const OCPI_VERSIONS: readonly OcpiVersion[] = ['2.1.1', '2.2.1'];

/** The versions to prefer when a partner speaks several, best first: the newest. */
export const PREFERRED_VERSIONS: readonly OcpiVersion[] = ['2.2.1', '2.1.1'];

/** A partner's version label as this SDK reads it: `2.1`, a common shorthand, is 2.1.1. */
export function normaliseVersion(version: string): string {
  return version === '2.1' ? '2.1.1' : version;
}
