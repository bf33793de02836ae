// @org/ocpi/testing: simulated OCPI parties to develop and test against. Uses Node's HTTP server
// (serveLocally) and msw (mswHandlers, an optional peer dependency): not for browsers.
export { FAULT_NAMES, type FaultName } from './faults/fault-name';
export type { FaultSettings } from './faults/fault-settings';
export { mswHandlers } from './msw-handlers';
export { ObjectStore } from './object-store';
export {
  type CpoData211,
  type CpoData221,
  type CpoSeedOptions,
  type EmspData211,
  type EmspData221,
  type EmspSeedOptions,
  type SeedParty,
  seedCpo211,
  seedCpo221,
  seedEmsp211,
  seedEmsp221,
} from './seed';
export { type LocalParty, type ServeLocallyOptions, serveLocally } from './serve-locally';
export { type CpoState, type SimulatedCpoOptions, simulatedCpo } from './simulated-cpo';
export { type EmspState, simulatedEmsp } from './simulated-emsp';
export {
  DEFAULT_HUB_MEMBERS,
  type HubMember,
  type HubState,
  type SimulatedHubOptions,
  simulatedHub,
} from './simulated-hub';
export {
  DEFAULT_PARTIES,
  type SimulatedParty,
  type SimulatedPartyOptions,
  type SimulatedRole,
} from './simulated-party';
