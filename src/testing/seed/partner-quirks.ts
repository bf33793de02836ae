// The page a sloppy partner sends: a copy of a clean page with the deviations real partners make (unknown
// fields, `null` optionals, unknown enum values, `+02:00` timestamps), for the benchmark and for tests of
// lenient parsing. Seeded, like the rest of the simulated data.
import { createRandom } from './random';

/** How many deviations {@link withPartnerQuirks} put in, by kind. */
export interface QuirkCounts {
  unknownFields: number;
  nulls: number;
  unknownEnumValues: number;
  offsetTimestamps: number;
  /** Locations with at least one quirk. */
  locations: number;
}

type Json = Record<string, unknown>;

// The same instant written in local time with a +02:00 offset, as some partners send it.
function withOffset(utc: string): string {
  return `${new Date(Date.parse(utc) + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;
}

/**
 * A copy of `page` with the deviations real partners send, on roughly a third of the Locations: unknown
 * fields (at every level), `null` for absent optionals, a few unknown enum values and `+02:00`
 * timestamps. All of them are tolerated by lenient parsing; none is valid strictly. Works on a page of
 * either version: `nullable` names the optional Location fields a partner sends as `null` when absent
 * (the default is for 2.2.1), and the Connector's `voltage` stands in for 2.2.1's `max_voltage`.
 */
export function withPartnerQuirks(
  page: readonly object[],
  seed = 4_2,
  nullable: readonly string[] = ['state', 'charging_when_closed', 'images'],
): { page: Json[]; counts: QuirkCounts } {
  const random = createRandom(seed);
  const counts: QuirkCounts = {
    unknownFields: 0,
    nulls: 0,
    unknownEnumValues: 0,
    offsetTimestamps: 0,
    locations: 0,
  };
  const copy = structuredClone(page) as unknown as Json[];
  for (const location of copy) {
    const before = counts.unknownFields + counts.nulls + counts.unknownEnumValues + counts.offsetTimestamps;
    if (random.chance(0.05)) {
      location.accessibility = random.pick(['WHEELCHAIR_ACCESSIBLE', 'UNKNOWN']);
      location.internal_ref = `SAP-${random.int(10_000, 99_999)}`;
      counts.unknownFields += 2;
    }
    if (random.chance(0.08)) {
      for (const key of nullable)
        if (!(key in location)) {
          location[key] = null;
          counts.nulls++;
        }
    }
    if (random.chance(0.08)) {
      location.last_updated = withOffset(location.last_updated as string);
      counts.offsetTimestamps++;
    }
    for (const evse of location.evses as Json[]) {
      if (random.chance(0.015)) {
        evse.charging_station_id = `CS-${random.int(1_000, 9_999)}`;
        counts.unknownFields++;
      }
      if (random.chance(0.02)) {
        for (const key of ['floor_level', 'physical_reference'])
          if (!(key in evse)) {
            evse[key] = null;
            counts.nulls++;
          }
      }
      if (random.chance(0.01)) {
        evse.status = 'OCCUPIED';
        counts.unknownEnumValues++;
      }
      if (random.chance(0.01) && Array.isArray(evse.capabilities)) {
        evse.capabilities.push('PLUG_AND_CHARGE_CAPABLE');
        counts.unknownEnumValues++;
      }
      if (random.chance(0.02)) {
        evse.last_updated = withOffset(evse.last_updated as string);
        counts.offsetTimestamps++;
      }
      for (const connector of evse.connectors as Json[]) {
        if (random.chance(0.01)) {
          connector.max_power_kw = Math.round(
            (((connector.max_voltage ?? connector.voltage) as number) *
              ((connector.max_amperage ?? connector.amperage) as number)) /
              1000,
          );
          counts.unknownFields++;
        }
        if (random.chance(0.01) && !('terms_and_conditions' in connector)) {
          connector.terms_and_conditions = null;
          counts.nulls++;
        }
      }
    }
    const after = counts.unknownFields + counts.nulls + counts.unknownEnumValues + counts.offsetTimestamps;
    if (after > before) counts.locations++;
  }
  return { page: copy, counts };
}

/** How many deviations {@link withItemQuirks} put in, by kind. */
export interface ItemQuirkCounts {
  unknownFields: number;
  nulls: number;
  offsetTimestamps: number;
  /** Items with at least one quirk. */
  items: number;
}

/** What {@link withItemQuirks} is asked for. */
export interface ItemQuirkOptions {
  /** The same seed gives the same page (default 42). */
  seed?: number;
  /** The share of the items that get quirks (default 0.8: most of them). */
  share?: number;
  /** Optional top-level fields a partner sends as `null` when absent. */
  nullable?: readonly string[];
}

// The DateTime fields of every OCPI object: `last_updated`, and the `*_date_time` (2.2.1) or
// `*_datetime` (2.1.1 Sessions) of CDRs and Sessions.
const isTimestampKey = (key: string) => key === 'last_updated' || /date_?time$/.test(key);
// Whole seconds, as the seeds write them: the offset copy keeps the instant.
const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * A copy of a page of any OCPI object (CDRs, Sessions, Locations...) where most items carry the
 * deviations a sloppy partner sends: an extension field at the top and one in the first nested object,
 * `null` for the absent optionals named in `nullable`, and every top-level DateTime written with a
 * `+02:00` offset. Lenient parsing tolerates all of them; strict parsing none.
 */
export function withItemQuirks(
  page: readonly object[],
  options: ItemQuirkOptions = {},
): { page: Json[]; counts: ItemQuirkCounts } {
  const { seed = 4_2, share = 0.8, nullable = [] } = options;
  const random = createRandom(seed);
  const counts: ItemQuirkCounts = { unknownFields: 0, nulls: 0, offsetTimestamps: 0, items: 0 };
  const copy = structuredClone(page) as unknown as Json[];
  for (const item of copy) {
    if (!random.chance(share)) continue;
    counts.items++;
    item.x_partner_ref = `SAP-${random.int(10_000, 99_999)}`;
    counts.unknownFields++;
    const nested = Object.values(item).find(
      (value): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value),
    );
    if (nested !== undefined) {
      nested.x_source = random.pick(['backend', 'import', 'roaming-hub']);
      counts.unknownFields++;
    }
    for (const key of nullable)
      if (!(key in item)) {
        item[key] = null;
        counts.nulls++;
      }
    for (const [key, value] of Object.entries(item))
      if (isTimestampKey(key) && typeof value === 'string' && UTC_SECONDS.test(value)) {
        item[key] = withOffset(value);
        counts.offsetTimestamps++;
      }
  }
  return { page: copy, counts };
}
