import { describe, expect, it, vi } from 'vitest';
import { InMemoryPartnerStore } from '../../../src/server/partners/partner-store';
import * as sha256 from '../../../src/server/partners/sha256';
import { describeStoreContract, record, stored } from './store-contract';

describeStoreContract('InMemoryPartnerStore', () => new InMemoryPartnerStore());

describe('InMemoryPartnerStore: its own', () => {
  it('looks a token up by its SHA-256 digest', async () => {
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
  });

  it('lists every record as written, without the revision', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    await store.save({ id: 'partner-2', status: 'invited', incomingToken: 'token-x' });
    const all = store.all();
    expect(all).toEqual([record, { id: 'partner-2', status: 'invited', incomingToken: 'token-x' }]);
    const first = all[0];
    if (first) first.incomingToken = 'tampered';
    expect(store.all()[0]).toEqual(record);
    await store.remove(await stored(store));
    expect(store.all()).toEqual([{ id: 'partner-2', status: 'invited', incomingToken: 'token-x' }]);
  });
});
