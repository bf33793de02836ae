import { OcpiError } from '../../common/errors/ocpi-error';
import type { PartnerRecord, PartnerStore } from './partner-store';

// A few tries are plenty: each lost race means another request of the same partner just finished.
const ATTEMPTS = 3;

/**
 * Writes a change to a partner's record without losing anyone else's: `change` gets the record as read
 * (`read` first, then the stored one after each lost race) and returns what to store, built on it so
 * that its revision goes along; the same object for "nothing to write", or `undefined` when the change
 * no longer applies (the partner was re-registered, its token replaced...).
 *
 * A change is never a creation: `read` must come from the store (with its revision). A record without
 * one, such as the copy an SDK function handed back, writes nothing, since saving it would create the
 * partner again if it was removed meanwhile.
 *
 * @returns The record as stored (or as read, when there was nothing to write), or `undefined` when the
 * change no longer applies, the partner is gone, `read` has no revision, or every try lost its race.
 */
export async function changePartner(
  store: PartnerStore,
  read: PartnerRecord,
  change: (current: PartnerRecord) => PartnerRecord | undefined,
): Promise<PartnerRecord | undefined> {
  if (read.revision === undefined) return undefined;
  let current: PartnerRecord | undefined = read;
  for (let attempt = 0; attempt < ATTEMPTS && current !== undefined; attempt++) {
    const next = change(current);
    if (next === undefined || next === current) return next;
    const saved = await store.save(next);
    if (saved !== undefined) return saved;
    current = await store.findById(read.id);
  }
  return undefined;
}

/**
 * Removes a partner's record without removing a newer one: `stillWanted` sees the record as read, then
 * the stored one after each lost race, and says whether it is still the one to remove.
 *
 * @returns `true` once the record is gone (by us or by someone else), `false` when the stored record is
 * no longer one to remove or every try lost its race.
 */
export async function removePartner(
  store: PartnerStore,
  read: PartnerRecord,
  stillWanted: (current: PartnerRecord) => boolean,
): Promise<boolean> {
  let current: PartnerRecord | undefined = read;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (current === undefined) return true;
    if (!stillWanted(current)) return false;
    if (await store.remove(current)) return true;
    current = await store.findById(read.id);
  }
  return false;
}

/** The record without the store's revision: what the SDK's functions hand back to the app. */
export function withoutRevision(record: PartnerRecord): PartnerRecord {
  const { revision: _bookkeeping, ...written } = record;
  return written;
}

/**
 * The error of a write that kept losing its race, or no longer applies: another request or process
 * changed the partner's record meanwhile (it re-registered, unregistered, rotated its tokens).
 */
export function partnerChangedError(id: string, during: string): OcpiError {
  return new OcpiError(`Partner ${id} changed in the store during ${during}: read it again and retry`);
}
