import { rangeOfStatusCode, type StatusCodeRange } from './status-code-range';

/** What a version's spec says about one `status_code`. */
export interface StatusCodeInfo {
  readonly code: number;
  /** The range the code belongs to; `undefined` when the version defines none for it. */
  readonly range: StatusCodeRange | undefined;
  /** A short meaning: the code's own when the spec lists it, else its range's. */
  readonly meaning: string;
  /** True for a code the spec lists by number. */
  readonly listed: boolean;
  /** True for a code in a range the spec reserves for custom codes (2.2.1: x9xx). */
  readonly custom: boolean;
}

/**
 * How each version describes its codes: whether 4xxx are hub codes, the listed ones by name, and whether
 * x9xx is reserved for custom codes.
 */
export interface StatusCodeTable {
  readonly hubStatusCodes: boolean;
  readonly codes: Readonly<Record<string, number>>;
  readonly customRanges: boolean;
}

// What each listed code means, in our words; a code means the same in every version that lists it.
const MEANINGS: Readonly<Record<number, string>> = {
  1000: 'Success',
  2000: 'Client error',
  2001: 'Parameters invalid or missing',
  2002: 'Too little information to process the request',
  2003: 'Location unknown',
  2004: 'Token unknown',
  3000: 'Server error',
  3001: "Could not use the client's API",
  3002: 'Version not supported',
  3003: 'No mutual or required endpoints',
  4000: 'Hub error',
  4001: 'Receiver unknown to the hub',
  4002: 'Forwarded request timed out',
  4003: 'Receiver not connected to the hub',
};

/** The codes both versions list, by name: a version adds its own to them. */
export const SHARED_STATUS_CODES = {
  GenericSuccess: 1000,
  GenericClientError: 2000,
  InvalidOrMissingParameters: 2001,
  NotEnoughInformation: 2002,
  UnknownLocation: 2003,
  GenericServerError: 3000,
  UnableToUseClientApi: 3001,
  UnsupportedVersion: 3002,
  NoMatchingEndpoints: 3003,
} as const;

const RANGE_MEANINGS: Record<StatusCodeRange, string> = {
  success: 'Success',
  'client-error': 'Client error: the server could not process what the client sent',
  'server-error': 'Server error: the server failed while processing a valid request',
  'hub-error': 'Hub error: the hub could not route the request',
};

/** Looks `code` up in a version's table. */
export function lookupStatusCode(table: StatusCodeTable, code: number): StatusCodeInfo {
  const range = rangeOfStatusCode(code, table.hubStatusCodes);
  const listedMeaning = Object.values(table.codes).includes(code) ? MEANINGS[code] : undefined;
  const custom = table.customRanges && range !== undefined && Math.floor(code / 100) % 10 === 9;
  const meaning = listedMeaning ?? (range ? RANGE_MEANINGS[range] : 'Not an OCPI status code');
  return {
    code,
    range,
    meaning: custom ? `${meaning} (custom code)` : meaning,
    listed: listedMeaning !== undefined,
    custom,
  };
}

/**
 * A version's `describeStatusCode`: what its spec says a `status_code` means, from its table.
 */
/* @__NO_SIDE_EFFECTS__ */
export function statusCodeDescriber(table: StatusCodeTable): (code: number) => StatusCodeInfo {
  return (code) => lookupStatusCode(table, code);
}
