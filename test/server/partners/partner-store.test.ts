import { describe, expect, it, vi } from 'vitest';
import { InMemoryPartnerStore, type PartnerRecord } from '../../../src/server/partners/partner-store';
import * as sha256 from '../../../src/server/partners/sha256';
import { hashToken } from '../../../src/server/partners/token-hash';

const record: PartnerRecord = {
  id: 'partner-1',
  status: 'registered',
  incomingToken: 'token-c',
  previousIncomingToken: 'token-a',
  outgoingToken: 'token-b',
};

async function stored(store: InMemoryPartnerStore, id = 'partner-1'): Promise<PartnerRecord> {
  const found = await store.findById(id);
  if (found === undefined) throw new Error(`no record ${id}`);
  return found;
}

describe('InMemoryPartnerStore: lookups', () => {
  it('finds a partner by its current or its previous incoming token, never by our outgoing one', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    await expect(store.findByToken('token-c')).resolves.toEqual({ ...record, revision: expect.any(Number) });
    await expect(store.findByToken('token-a')).resolves.toEqual({ ...record, revision: expect.any(Number) });
    await expect(store.findByToken('token-b')).resolves.toBeUndefined();
    await expect(store.findByToken('token-')).resolves.toBeUndefined();
  });

  it('looks a token up by its SHA-256 digest, and forgets the digests of replaced tokens', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    const digest = vi.spyOn(sha256, 'sha256Hex');
    try {
      await store.findByToken('token-c');
      expect(digest).toHaveBeenCalledTimes(1);
      expect(new TextDecoder().decode(digest.mock.calls[0]?.[0])).toBe('token-c');
      // SHA-256 of `token-c`, as Web Crypto gives it.
      expect(digest.mock.results[0]?.value).toBe(
        Array.from(
          new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('token-c'))),
          (byte) => byte.toString(16).padStart(2, '0'),
        ).join(''),
      );
    } finally {
      digest.mockRestore();
    }
    const { previousIncomingToken: _retired, ...retired } = await stored(store);
    await store.save({ ...retired, incomingToken: 'token-d' });
    await expect(store.findByToken('token-a')).resolves.toBeUndefined();
    await expect(store.findByToken('token-c')).resolves.toBeUndefined();
    await expect(store.findByToken('token-d')).resolves.toMatchObject({ id: 'partner-1' });
  });

  it('hands out copies that cannot change what is stored', async () => {
    const store = new InMemoryPartnerStore();
    const saved = await store.save(record);
    const found = await store.findByToken('token-c');
    if (found) found.incomingToken = 'tampered';
    if (saved) saved.incomingToken = 'tampered';
    expect(store.all()).toEqual([record]);
  });
});

describe('InMemoryPartnerStore: conditional writes', () => {
  it('creates a record without a revision only when none has its id', async () => {
    const store = new InMemoryPartnerStore();
    const created = await store.save(record);
    expect(created).toEqual({ ...record, revision: expect.any(Number) });
    await expect(store.save({ ...record, incomingToken: 'token-x' })).resolves.toBeUndefined();
    expect(store.all()).toEqual([record]);
  });

  it('replaces a record only at the revision it was read at, with a new revision each time', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    const read = await stored(store);
    const first = await store.save({ ...read, outgoingToken: 'token-b2' });
    expect(first?.revision).not.toBe(read.revision);
    // A second writer that read the same revision lost the race: nothing of it is written.
    await expect(store.save({ ...read, outgoingToken: 'token-b3' })).resolves.toBeUndefined();
    expect(store.all()).toEqual([{ ...record, outgoingToken: 'token-b2' }]);
    await expect(store.save({ ...read, revision: 12345 })).resolves.toBeUndefined();
  });

  it('never writes a record that is gone: a stale write does not bring a removed partner back', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    const read = await stored(store);
    expect(await store.remove(read)).toBe(true);
    await expect(store.save({ ...read, outgoingToken: 'token-b2' })).resolves.toBeUndefined();
    expect(store.all()).toEqual([]);
    await expect(store.findByToken('token-c')).resolves.toBeUndefined();
  });

  it('removes only at the revision read, and never a record given without one', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    const read = await stored(store);
    expect(await store.remove(record)).toBe(false);
    await store.save({ ...read, outgoingToken: 'token-b2' });
    expect(await store.remove(read)).toBe(false);
    expect(store.all()).toHaveLength(1);
    expect(await store.remove(await stored(store))).toBe(true);
    expect(await store.remove(read)).toBe(false);
    expect(store.all()).toEqual([]);
  });

  it('never reuses a revision for an id, even after the record was removed and created again', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
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
  });

  it('decides between two writers that read the same revision in the same tick: exactly one wins', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    const read = await stored(store);
    const results = await Promise.all(
      ['token-b2', 'token-b3', 'token-b4'].map((outgoingToken) => store.save({ ...read, outgoingToken })),
    );
    expect(results.filter((result) => result !== undefined)).toHaveLength(1);
  });

  it('keeps the digests it indexes consistent with what it stores', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    expect(await hashToken('token-c')).toMatch(/^[0-9a-f]{64}$/);
    await store.remove(await stored(store));
    await store.save({ id: 'partner-2', status: 'invited', incomingToken: 'token-c' });
    await expect(store.findByToken('token-c')).resolves.toMatchObject({ id: 'partner-2' });
    await expect(store.findByToken('token-a')).resolves.toBeUndefined();
  });
});
