// A simulated OCPI 2.1.1 eMSP's tokens, made as the 2.2.1 ones (emsp-v221.ts) in the shapes of 2.1.1:
// no parties on the objects, an app user is of type OTHER, the eMA id is the `auth_id` a CPO's Sessions
// carry, and the issuer's name is spelt in ASCII.
import type { Token, WhitelistType } from '../../v211';
import { toAscii } from './ascii';
import { COUNTRIES } from './places';
import { createRandom, streamSeed } from './random';
import { type EmspSeedOptions, emspDefaults } from './seed-options';
import { byLastUpdated, recentTimestamp } from './seed-time';
import { tokenIdentity } from './token-identity';

/** A simulated 2.1.1 eMSP's data, sorted by `last_updated`, oldest first. */
export interface EmspData211 {
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

/** The Tokens of a simulated OCPI 2.1.1 eMSP, the same for the same options. */
export function seedEmsp211(options: EmspSeedOptions): EmspData211 {
  const o = emspDefaults(options);
  const random = createRandom(streamSeed(o.seed, 3));
  const home = COUNTRIES.find((country) => country.code === o.emsp.countryCode.toUpperCase());
  const issuer = toAscii(o.emsp.name);
  const tokens = Array.from({ length: o.tokens }, (_, index): Token => {
    const identity = tokenIdentity(o.emsp, index);
    return {
      uid: identity.uid,
      type: identity.app ? 'OTHER' : 'RFID',
      auth_id: identity.contractId,
      ...(identity.app ? {} : { visual_number: `${identity.contractId}-${random.int(0, 9)}` }),
      issuer,
      valid: identity.valid,
      whitelist: random.pick(WHITELISTS),
      ...(random.chance(0.7) ? { language: random.chance(0.8) ? (home?.language ?? 'en') : 'en' } : {}),
      last_updated: recentTimestamp(random, o.now),
    };
  });
  return { tokens: byLastUpdated(tokens) };
}
