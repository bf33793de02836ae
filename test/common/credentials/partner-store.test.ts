import { describe, expect, it } from 'vitest';
import { InMemoryPartnerStore, type PartnerRecord } from '../../../src/common/credentials/partner-store';

const record: PartnerRecord = {
  id: 'partner-1',
  status: 'registered',
  incomingToken: 'token-c',
  previousIncomingToken: 'token-a',
  outgoingToken: 'token-b',
};

describe('InMemoryPartnerStore', () => {
  it('finds a partner by its current or its previous incoming token, never by our outgoing one', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    await expect(store.findByToken('token-c')).resolves.toEqual(record);
    await expect(store.findByToken('token-a')).resolves.toEqual(record);
    await expect(store.findByToken('token-b')).resolves.toBeUndefined();
  });

  it('replaces by id, removes, and hands out copies that cannot change what is stored', async () => {
    const store = new InMemoryPartnerStore();
    await store.save(record);
    const found = await store.findByToken('token-c');
    if (found) found.incomingToken = 'tampered';
    await store.save({ ...record, incomingToken: 'token-d' });
    expect(store.all().map((saved) => saved.incomingToken)).toEqual(['token-d']);
    await store.remove('partner-1');
    expect(store.all()).toEqual([]);
  });
});
