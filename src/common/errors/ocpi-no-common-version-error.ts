import { hasKind, markKind, OcpiError } from './ocpi-error';

/** The partner offers no OCPI version this SDK speaks (it lists, say, only 2.0 or 3.0). */
export class OcpiNoCommonVersionError extends OcpiError {
  override name = 'OcpiNoCommonVersionError';
  /** The versions the partner listed. */
  readonly offered: readonly string[];

  constructor(offered: readonly string[]) {
    super(
      `No common OCPI version: the partner offers ${offered.length ? offered.join(', ') : 'none'}; this SDK speaks 2.2.1 and 2.1.1`,
    );
    markKind(this, 'OcpiNoCommonVersionError');
    this.offered = offered;
  }
}

/** True when `value` is an {@link OcpiNoCommonVersionError}, from any realm or package copy. */
export function isOcpiNoCommonVersionError(value: unknown): value is OcpiNoCommonVersionError {
  return hasKind(value, 'OcpiNoCommonVersionError');
}
