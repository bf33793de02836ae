// Who a simulated eMSP's token belongs to: its uid, contract id, kind and validity follow from the
// eMSP and the token's index alone, never from the seed, so that a CPO's Sessions name tokens its eMSP
// has whatever seed each side was made with.
import type { SeedParty } from './seed-options';

/** The part of a token that Sessions and CDRs refer to. */
export interface TokenIdentity {
  uid: string;
  /** The eMA id (2.2.1 `contract_id`, 2.1.1 `auth_id`). */
  contractId: string;
  /** An app user (2.2.1 APP_USER, 2.1.1 OTHER) rather than an RFID card. */
  app: boolean;
  valid: boolean;
}

/** The Sessions of a simulated CPO use the eMSP's tokens below this index (its regular drivers). */
export const DRIVERS = 50;

// FNV-1a: a party's own bits for its RFID uids.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const hex = (value: number, digits: number) => value.toString(16).toUpperCase().padStart(digits, '0');

/** The identity of the eMSP's `index`th token (from 0). */
export function tokenIdentity(emsp: SeedParty, index: number): TokenIdentity {
  const country = emsp.countryCode.toUpperCase();
  const party = emsp.partyId.toUpperCase();
  const app = index % 5 === 4;
  const number = String(index + 1).padStart(8, '0');
  // An odd multiplier is a bijection on 24 bits: distinct indexes give distinct uids.
  const scrambled = Math.imul(index + 1, 0x9e3779b1) & 0xffffff;
  return {
    uid: app
      ? `${country}${party}APP${number}`
      : `04${hex(hash(country + party) & 0xffffff, 6)}${hex(scrambled, 6)}`,
    contractId: `${country}-${party}-C${number}`,
    app,
    valid: index % 23 !== 22,
  };
}
