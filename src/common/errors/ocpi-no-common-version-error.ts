import { hasKind, markKind, OcpiError, scrubAndShorten } from './ocpi-error';

// A versions list names a handful of versions; a partner could send any number, of any length.
const MAX_OFFERED = 20;
const MAX_VERSION_LENGTH = 32;

/** The partner offers no OCPI version this SDK speaks (it lists, say, only 2.0 or 3.0). */
export class OcpiNoCommonVersionError extends OcpiError {
  override name = 'OcpiNoCommonVersionError';
  /** The versions the partner listed (the first 20, each cut to 32 characters, secrets removed). */
  readonly offered: readonly string[];

  /** `secrets`: tokens to remove from the version labels, which come from the partner. */
  constructor(offered: readonly string[], options: { secrets?: readonly string[] } = {}) {
    const kept = offered
      .slice(0, MAX_OFFERED)
      .map((version) => scrubAndShorten(version, options.secrets, MAX_VERSION_LENGTH));
    const more = offered.length > kept.length ? ` and ${offered.length - kept.length} more` : '';
    super(
      `No common OCPI version: the partner offers ${kept.length ? `${kept.join(', ')}${more}` : 'none'}; this SDK speaks 2.2.1 and 2.1.1`,
    );
    markKind(this, 'OcpiNoCommonVersionError');
    this.offered = kept;
  }
}

/** True when `value` is an {@link OcpiNoCommonVersionError}, from any realm or package copy. */
export function isOcpiNoCommonVersionError(value: unknown): value is OcpiNoCommonVersionError {
  return hasKind(value, 'OcpiNoCommonVersionError');
}
