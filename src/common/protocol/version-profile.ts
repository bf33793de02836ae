import type * as z from 'zod/mini';
import type { TokenEncoding } from '../auth/authorization-header';
import type { OcpiVersion } from './version';

/**
 * The facts of an OCPI version that version-independent code acts on. Each version folder states its own
 * (`facts.ts`), so that common/ compares no version labels.
 */
export interface VersionFacts {
  /** The version spoken, as the transport and its errors name it; absent before one is chosen. */
  readonly version?: OcpiVersion;
  /** How the token travels unless the client says otherwise. */
  readonly tokenEncoding: TokenEncoding;
  /** Whether each call carries a fresh `X-Request-ID` and an `X-Correlation-ID` (2.2.1 tracing). */
  readonly traceHeaders: boolean;
  /** Whether calls to functional modules carry the `OCPI-from-*` / `OCPI-to-*` routing headers. */
  readonly routingHeaders: boolean;
  /** Whether 4xxx status codes are hub errors; where they are not, a 4xxx code is in no defined range. */
  readonly hubStatusCodes: boolean;
}

/**
 * What the transport must know about the OCPI version it speaks: the version's facts and its envelope,
 * handed to it by that version (`profile.ts`). Discovery, which speaks no version yet, builds one of its
 * own.
 */
export interface VersionProfile extends VersionFacts {
  /** The strict envelope schema the transport checks responses against (unless validation is off). */
  readonly envelopeSchema: z.ZodMiniType;
}
