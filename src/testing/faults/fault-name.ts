import type { OcpiVersion } from '../../common/protocol/version';

/**
 * The deviations a simulated party can be told to make, each one seen in real partners: slow or busy
 * servers, paging headers missing or relative, objects with extra fields, `null`s, timestamps outside
 * UTC, a broken object in a list, a token sent as is, a version label cut short, text beyond ASCII.
 */
export const FAULT_NAMES = [
  'latency',
  'busy-bursts',
  'no-link',
  'no-total',
  'relative-link',
  'extension-fields',
  'null-optionals',
  'local-timestamps',
  'offset-timestamps',
  'invalid-item',
  'raw-tokens',
  'version-2.1',
  'non-ascii',
] as const;

/**
 * A deviation a simulated party makes (see {@link FAULT_NAMES}):
 * - `latency`: every answer comes late (`latencyMs`).
 * - `busy-bursts`: now and then a few requests in a row are answered 503 with `Retry-After`.
 * - `no-link`, `no-total`: list pages come without `Link`, or without `X-Total-Count`; with both, the
 *   client can only page by offset.
 * - `relative-link`: the `Link` to the next page is a path, not an absolute URL.
 * - `extension-fields`: objects carry fields the spec does not define.
 * - `null-optionals`: optional fields a list item lacks are sent as `null`.
 * - `local-timestamps`: timestamps without their `Z`; `offset-timestamps`: the same instants at `+02:00`.
 * - `invalid-item`: one item of each list page lacks a required field (`last_updated`).
 * - `raw-tokens` (2.2.1): the party's own calls send its token as is instead of Base64.
 * - `version-2.1` (2.1.1): the versions list says `2.1`.
 * - `non-ascii` (2.1.1): names, addresses and display texts hold non-ASCII letters.
 */
export type FaultName = (typeof FAULT_NAMES)[number];

/** Whether `name` is one of {@link FAULT_NAMES}. */
export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

// Faults that are only deviations in one version: in the other, what they do is the rule.
const ONLY_IN: Partial<Record<FaultName, OcpiVersion>> = {
  'raw-tokens': '2.2.1',
  'version-2.1': '2.1.1',
  'non-ascii': '2.1.1',
};

/**
 * Checks the faults asked of a party of `version`: known names, each meaningful in that version, and not
 * both timestamp styles at once.
 *
 * @throws TypeError naming the first fault that does not fit.
 */
export function checkFaults(faults: readonly string[], version: OcpiVersion): readonly FaultName[] {
  for (const fault of faults) {
    if (!isFaultName(fault)) {
      throw new TypeError(`unknown fault ${JSON.stringify(fault)}; known: ${FAULT_NAMES.join(', ')}`);
    }
    const only = ONLY_IN[fault];
    if (only !== undefined && only !== version) {
      throw new TypeError(`fault ${fault} is a deviation of OCPI ${only} parties only, not ${version}`);
    }
  }
  if (faults.includes('local-timestamps') && faults.includes('offset-timestamps')) {
    throw new TypeError('faults local-timestamps and offset-timestamps exclude each other');
  }
  return faults as readonly FaultName[];
}
