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
 * How each version describes its codes: whether 4xxx are hub codes, the listed ones, and whether x9xx is
 * reserved for custom codes.
 */
export interface StatusCodeTable {
  readonly hubStatusCodes: boolean;
  readonly meanings: Readonly<Record<number, string>>;
  readonly customRanges: boolean;
}

const RANGE_MEANINGS: Record<StatusCodeRange, string> = {
  success: 'Success',
  'client-error': 'Client error: the server could not process what the client sent',
  'server-error': 'Server error: the server failed while processing a valid request',
  'hub-error': 'Hub error: the hub could not route the request',
};

/** Looks `code` up in a version's table. */
export function lookupStatusCode(table: StatusCodeTable, code: number): StatusCodeInfo {
  const range = rangeOfStatusCode(code, table.hubStatusCodes);
  const listedMeaning = table.meanings[code];
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
