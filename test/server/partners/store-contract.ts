// What every PartnerStore must do, run against each store the SDK ships (the in-memory reference and the
// PostgreSQL one): lookups by token, copies, conditional writes, revisions that are never reused.
import { describe, expect, it } from 'vitest';
import type { PartnerRecord, PartnerStore } from '../../../src/server/partners/partner-store';

/** A registered partner with every kind of field, nested ones included. */
export const record: PartnerRecord = {
  id: 'partner-1',
  status: 'registered',
  incomingToken: 'token-c',
  previousIncomingToken: 'token-a',
  previousIncomingTokenExpiresAt: '2025-01-01T00:15:00.000Z',
  outgoingToken: 'token-b',
  tokenEncoding: 'base64',
  version: '2.2.1',
  versionsUrl: 'https://cpo.example.com/ocpi/versions',
  versionUrl: 'https://cpo.example.com/ocpi/2.2.1',
  endpoints: [
    { identifier: 'credentials', role: 'RECEIVER', url: 'https://cpo.example.com/ocpi/2.2.1/credentials' },
  ],
  roles: [
    {
      role: 'CPO',
      countryCode: 'NL',
      partyId: 'ABC',
      businessDetails: { name: 'A CPO', logo: { url: 'https://cpo.example.com/logo.png', width: 10 } },
    },
  ],
};

/** The record stored under `id`, which must be there. */
export async function stored(store: PartnerStore, id = 'partner-1'): Promise<PartnerRecord> {
  const found = await store.findById(id);
  if (found === undefined) throw new Error(`no record ${id}`);
  return found;
}

// The record as written, without the store's revision.
function written(found: PartnerRecord | undefined): Omit<PartnerRecord, 'revision'> | undefined {
  if (found === undefined) return undefined;
  const { revision: _bookkeeping, ...rest } = found;
  return rest;
}

/** The contract's cases, each on a store of its own from `makeStore` (empty). */
export function describeStoreContract(
  name: string,
  makeStore: () => PartnerStore | Promise<PartnerStore>,
): void {
  describe(`${name}: lookups`, () => {
    it('finds a partner by its current or its previous incoming token, never by our outgoing one', async () => {
      const store = await makeStore();
      await store.save(record);
      await expect(store.findByToken('token-c')).resolves.toEqual({
        ...record,
        revision: expect.any(Number),
      });
      await expect(store.findByToken('token-a')).resolves.toEqual({
        ...record,
        revision: expect.any(Number),
      });
      await expect(store.findByToken('token-b')).resolves.toBeUndefined();
      await expect(store.findByToken('token-')).resolves.toBeUndefined();
      await expect(store.findById('partner-2')).resolves.toBeUndefined();
    });

    it('gives back what was written, a field set to undefined reading as one left out', async () => {
      const store = await makeStore();
      const { tokenEncoding: _omitted, ...rest } = record;
      const saved = await store.save({ ...rest, tokenEncoding: undefined } as unknown as PartnerRecord);
      expect(saved).toEqual({ ...rest, revision: expect.any(Number) });
      expect(written(await store.findById('partner-1'))).toEqual(rest);
      expect(written(await store.findByToken('token-c'))).toEqual(rest);
      expect(await store.findById('partner-1')).toEqual(saved);
    });

    it('forgets the digests of replaced tokens', async () => {
      const store = await makeStore();
      await store.save(record);
      const {
        previousIncomingToken: _retired,
        previousIncomingTokenExpiresAt: _expiry,
        ...retired
      } = await stored(store);
      await store.save({ ...retired, incomingToken: 'token-d' });
      await expect(store.findByToken('token-a')).resolves.toBeUndefined();
      await expect(store.findByToken('token-c')).resolves.toBeUndefined();
      await expect(store.findByToken('token-d')).resolves.toMatchObject({ id: 'partner-1' });
    });

    it('hands out copies that cannot change what is stored', async () => {
      const store = await makeStore();
      const saved = await store.save(record);
      const byToken = await store.findByToken('token-c');
      const byId = await store.findById('partner-1');
      for (const copy of [saved, byToken, byId]) {
        if (copy === undefined) throw new Error('not found');
        copy.incomingToken = 'tampered';
        (copy.roles?.[0]?.businessDetails as { name: string }).name = 'tampered';
      }
      expect(written(await store.findById('partner-1'))).toEqual(record);
    });

    it('finds the partner written last when two hold the same token', async () => {
      const store = await makeStore();
      await store.save(record);
      await store.save({ id: 'partner-2', status: 'invited', incomingToken: 'token-c' });
      await expect(store.findByToken('token-c')).resolves.toMatchObject({ id: 'partner-2' });
      await store.save(await stored(store, 'partner-1'));
      await expect(store.findByToken('token-c')).resolves.toMatchObject({ id: 'partner-1' });
    });

    it('keeps the digests it looks up consistent with what it stores', async () => {
      const store = await makeStore();
      await store.save(record);
      await store.remove(await stored(store));
      await store.save({ id: 'partner-2', status: 'invited', incomingToken: 'token-c' });
      await expect(store.findByToken('token-c')).resolves.toMatchObject({ id: 'partner-2' });
      await expect(store.findByToken('token-a')).resolves.toBeUndefined();
    });
  });

  describe(`${name}: conditional writes`, () => {
    it('creates a record without a revision only when none has its id', async () => {
      const store = await makeStore();
      const created = await store.save(record);
      expect(created).toEqual({ ...record, revision: expect.any(Number) });
      await expect(store.save({ ...record, incomingToken: 'token-x' })).resolves.toBeUndefined();
      expect(await stored(store)).toEqual(created);
      await expect(store.findByToken('token-x')).resolves.toBeUndefined();
    });

    it('replaces a record only at the revision it was read at, with a new revision each time', async () => {
      const store = await makeStore();
      await store.save(record);
      const read = await stored(store);
      const first = await store.save({ ...read, outgoingToken: 'token-b2' });
      expect(first).toEqual({ ...record, outgoingToken: 'token-b2', revision: expect.any(Number) });
      expect(first?.revision).not.toBe(read.revision);
      // A second writer that read the same revision lost the race: nothing of it is written.
      await expect(store.save({ ...read, outgoingToken: 'token-b3' })).resolves.toBeUndefined();
      expect(await stored(store)).toEqual(first);
      await expect(store.save({ ...read, revision: 12345 })).resolves.toBeUndefined();
      await expect(store.save({ ...read, revision: 1.5 })).resolves.toBeUndefined();
      expect(await stored(store)).toEqual(first);
    });

    it('never writes a record that is gone: a stale write does not bring a removed partner back', async () => {
      const store = await makeStore();
      await store.save(record);
      const read = await stored(store);
      expect(await store.remove(read)).toBe(true);
      await expect(store.save({ ...read, outgoingToken: 'token-b2' })).resolves.toBeUndefined();
      await expect(store.findById('partner-1')).resolves.toBeUndefined();
      await expect(store.findByToken('token-c')).resolves.toBeUndefined();
    });

    it('removes only at the revision read, and never a record given without one', async () => {
      const store = await makeStore();
      await store.save(record);
      const read = await stored(store);
      expect(await store.remove(record)).toBe(false);
      await store.save({ ...read, outgoingToken: 'token-b2' });
      expect(await store.remove(read)).toBe(false);
      await expect(store.findById('partner-1')).resolves.toMatchObject({ outgoingToken: 'token-b2' });
      expect(await store.remove(await stored(store))).toBe(true);
      expect(await store.remove(read)).toBe(false);
      await expect(store.findById('partner-1')).resolves.toBeUndefined();
    });

    it('never reuses a revision for an id, even after the record was removed and created again', async () => {
      const store = await makeStore();
      await store.save(record);
      // Written a few times first: a store that added one to the revision on each write would come back
      // to this one after the record is created again.
      await store.save(await stored(store));
      await store.save(await stored(store));
      const old = await stored(store);
      await store.remove(old);
      await store.save(record);
      // However many writes follow, the old revision never matches again (no ABA).
      for (let write = 0; write < 5; write++) {
        const current = await stored(store);
        expect(current.revision).not.toBe(old.revision);
        await store.save(current);
      }
      await expect(store.save({ ...old, outgoingToken: 'stale' })).resolves.toBeUndefined();
      expect(await store.remove(old)).toBe(false);
    });

    it('decides between two writers that read the same revision in the same tick: exactly one wins', async () => {
      const store = await makeStore();
      await store.save(record);
      const read = await stored(store);
      const results = await Promise.all(
        ['token-b2', 'token-b3', 'token-b4'].map((outgoingToken) => store.save({ ...read, outgoingToken })),
      );
      const winners = results.filter((result) => result !== undefined);
      expect(winners).toHaveLength(1);
      expect(await stored(store)).toEqual(winners[0]);
    });
  });
}
