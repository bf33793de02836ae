// What the simulated partners' generators are asked for: whose data, how much of it, and as of when.

/** A party the data belongs to: its OCPI country code and party id, and its display name. */
export interface SeedParty {
  countryCode: string;
  partyId: string;
  name: string;
}

/** What {@link seedCpo221} and `seedCpo211` make: a CPO's data, with Sessions of one eMSP's drivers. */
export interface CpoSeedOptions {
  /** The same seed gives the same data (default 1). */
  seed?: number;
  /** The CPO the Locations, Tariffs, Sessions and CDRs belong to. */
  cpo: SeedParty;
  /** The eMSP whose tokens the Sessions and CDRs use (the tokens `seedEmsp221`/`seedEmsp211` make). */
  emsp: SeedParty;
  /** How many Locations (default 300). */
  locations?: number;
  /** How many Tariffs (default 8). */
  tariffs?: number;
  /** How many Sessions (default 120): one in eight is ACTIVE, the others COMPLETED. */
  sessions?: number;
  /** How many CDRs (default: one per COMPLETED Session). */
  cdrs?: number;
  /** The time the data is as of (default 2026-01-15T12:00:00Z): every `last_updated` is before it. */
  now?: Date;
}

/** What `seedEmsp221` and `seedEmsp211` make: an eMSP's tokens. */
export interface EmspSeedOptions {
  /** The same seed gives the same data (default 1). */
  seed?: number;
  /** The eMSP the Tokens belong to. */
  emsp: SeedParty;
  /** How many Tokens (default 200). */
  tokens?: number;
  /** The time the data is as of (default 2026-01-15T12:00:00Z): every `last_updated` is before it. */
  now?: Date;
}

/** The time the data is as of when none is given: fixed, so that the data never depends on the clock. */
export const DEFAULT_NOW = '2026-01-15T12:00:00Z';

/** A CPO's options with every default filled in (`cdrs` stays undefined: it depends on the Sessions). */
export function cpoDefaults(options: CpoSeedOptions) {
  return {
    seed: options.seed ?? 1,
    cpo: options.cpo,
    emsp: options.emsp,
    locations: count(options.locations ?? 300, 'locations'),
    tariffs: count(options.tariffs ?? 8, 'tariffs'),
    sessions: count(options.sessions ?? 120, 'sessions'),
    cdrs: options.cdrs === undefined ? undefined : count(options.cdrs, 'cdrs'),
    now: wholeSecond(options.now),
  };
}

/** An eMSP's options with every default filled in. */
export function emspDefaults(options: EmspSeedOptions) {
  return {
    seed: options.seed ?? 1,
    emsp: options.emsp,
    tokens: count(options.tokens ?? 200, 'tokens'),
    now: wholeSecond(options.now),
  };
}

function count(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0`);
  return value;
}

// Whole seconds: OCPI DateTimes are written to the second here.
function wholeSecond(now: Date | undefined): number {
  return Math.floor((now ?? new Date(DEFAULT_NOW)).getTime() / 1000) * 1000;
}
