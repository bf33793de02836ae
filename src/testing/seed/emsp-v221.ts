// A simulated OCPI 2.2.1 eMSP's tokens: mostly RFID cards, every fifth an app user, a few no longer
// valid; uids and contract ids follow from the eMSP and the index (token-identity.ts), so that a
// simulated CPO's Sessions name them, and the rest from the seed.
import type { Token, WhitelistType } from '../../v221';
import { COUNTRIES } from './places';
import { createRandom, streamSeed } from './random';
import { type EmspSeedOptions, emspDefaults } from './seed-options';
import { byLastUpdated, recentTimestamp } from './seed-time';
import { tokenIdentity } from './token-identity';

/** A simulated 2.2.1 eMSP's data, sorted by `last_updated`, oldest first. */
export interface EmspData221 {
  tokens: Token[];
}

const WHITELISTS: readonly WhitelistType[] = [
  'ALLOWED',
  'ALLOWED',
  'ALLOWED',
  'ALLOWED_OFFLINE',
  'ALWAYS',
  'NEVER',
];

/** The Tokens of a simulated OCPI 2.2.1 eMSP, the same for the same options, all of `options.emsp`. */
export function seedEmsp221(options: EmspSeedOptions): EmspData221 {
  const o = emspDefaults(options);
  const random = createRandom(streamSeed(o.seed, 3));
  const home = COUNTRIES.find((country) => country.code === o.emsp.countryCode.toUpperCase());
  const tokens = Array.from({ length: o.tokens }, (_, index): Token => {
    const identity = tokenIdentity(o.emsp, index);
    const fleet = random.chance(0.15);
    return {
      country_code: o.emsp.countryCode,
      party_id: o.emsp.partyId,
      uid: identity.uid,
      type: identity.app ? 'APP_USER' : 'RFID',
      contract_id: identity.contractId,
      ...(identity.app ? {} : { visual_number: `${identity.contractId}-${random.int(0, 9)}` }),
      issuer: o.emsp.name,
      ...(fleet ? { group_id: `FLEET-${String(random.int(1, 12)).padStart(3, '0')}` } : {}),
      valid: identity.valid,
      whitelist: random.pick(WHITELISTS),
      ...(random.chance(0.7) ? { language: random.chance(0.8) ? (home?.language ?? 'en') : 'en' } : {}),
      ...(random.chance(0.1)
        ? { default_profile_type: random.pick(['CHEAP', 'FAST', 'GREEN', 'REGULAR'] as const) }
        : {}),
      ...(home && random.chance(0.1) ? { energy_contract: { supplier_name: home.energy.supplier } } : {}),
      last_updated: recentTimestamp(random, o.now),
    };
  });
  return { tokens: byLastUpdated(tokens) };
}
