import { hasKind, markKind, OcpiError } from './ocpi-error';

/**
 * A call needs an endpoint the partner does not list in its version details: the module, or (2.2.1)
 * the module in the interface role the call needs. Nothing was sent.
 *
 * @example
 * if (isOcpiMissingEndpointError(error)) console.warn(`${error.module} is not offered by this partner`);
 */
export class OcpiMissingEndpointError extends OcpiError {
  override name = 'OcpiMissingEndpointError';
  readonly module: string;
  /** The interface role that was needed (`SENDER`, `RECEIVER`, `cpo`, `emsp`), if any. */
  readonly role: string | undefined;

  constructor(input: { module: string; role?: string }) {
    super(
      `The partner lists no ${input.module} endpoint${input.role ? ` for the ${input.role} interface` : ''}`,
    );
    markKind(this, 'OcpiMissingEndpointError');
    this.module = input.module;
    this.role = input.role;
  }
}

/** True when `value` is an {@link OcpiMissingEndpointError}, from any realm or package copy. */
export function isOcpiMissingEndpointError(value: unknown): value is OcpiMissingEndpointError {
  return hasKind(value, 'OcpiMissingEndpointError');
}
