// The fields the generator checks against an ISO code list (scripts/codegen/iso-fields.ts), and a code
// each list takes and one of the right shape it refuses: what samples built from the model put there.
import { ISO_FIELDS, type IsoList } from '../../scripts/codegen/iso-fields';
import type { SpecVersion } from '../../scripts/codegen/model';

/** The ISO list a field of `version` is checked against, if any. */
export function isoListOf(version: SpecVersion, object: string, field: string): IsoList | undefined {
  return ISO_FIELDS.find(
    (entry) => entry.object === object && entry.field === field && entry.versions.includes(version),
  )?.list;
}

/** A code each list takes, and one of the right shape it refuses (none for a shape-only check). */
export const ISO_SAMPLES: Readonly<Record<IsoList, { valid: string; unassigned?: string }>> = {
  'country-alpha-3': { valid: 'NLD', unassigned: 'AAA' },
  'country-alpha-2': { valid: 'nl' },
  currency: { valid: 'EUR', unassigned: 'EEE' },
  language: { valid: 'en', unassigned: 'qq' },
};
