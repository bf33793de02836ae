import { connect, type OcpiClient, partnerUrlPolicy } from '@org/ocpi';
import { type CpoState, type LocalParty, serveLocally, simulatedCpo } from '@org/ocpi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Your own code under test (in your project, imported from src/): how many EVSEs a partner has free.
async function countFreeEvses(client: OcpiClient): Promise<number> {
  const locations = client.version === '2.2.1' ? client.locations.sender.list() : client.locations.cpo.list();
  let free = 0;
  for await (const location of locations) {
    free += (location.evses ?? []).filter((evse) => evse.status === 'AVAILABLE').length;
  }
  return free;
}

describe.each(['2.2.1', '2.1.1'] as const)('countFreeEvses against a simulated CPO of OCPI %s', (version) => {
  let cpo: LocalParty<CpoState>;
  beforeAll(async () => {
    cpo = await serveLocally((baseUrl) => simulatedCpo({ version, baseUrl, locations: 120 }));
  });
  afterAll(() => cpo.close());

  const connectTo = (token: string) =>
    connect({
      versionsUrl: cpo.versionsUrl,
      token,
      from: null,
      allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
    });

  it('counts the free EVSEs on every page', async () => {
    const client = await connectTo(cpo.registeredToken);
    // The simulated CPO's data is there to compare with; the same seed always gives the same data.
    const seeded: { evses?: { status: string }[] | undefined }[] = cpo.data.locations;
    const expected = seeded
      .flatMap((location) => location.evses ?? [])
      .filter((evse) => evse.status === 'AVAILABLE');
    expect(expected.length).toBeGreaterThan(0);
    await expect(countFreeEvses(client)).resolves.toBe(expected.length);
  });

  it('fails on a token the partner does not know', async () => {
    await expect(connectTo('not-registered')).rejects.toMatchObject({ httpStatus: 401 });
  });
});
