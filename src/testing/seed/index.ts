// The simulated partners' data: a CPO's Locations, Tariffs, Sessions and CDRs and an eMSP's Tokens, in
// OCPI 2.1.1 and 2.2.1, deterministic for a seed and valid in strict mode.
export { type CpoData211, seedCpo211 } from './cpo-v211';
export { type CpoData221, seedCpo221 } from './cpo-v221';
export { type EmspData211, seedEmsp211 } from './emsp-v211';
export { type EmspData221, seedEmsp221 } from './emsp-v221';
export type { CpoSeedOptions, EmspSeedOptions, SeedParty } from './seed-options';
