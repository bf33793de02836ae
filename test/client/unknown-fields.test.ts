// Fields a partner adds that the spec does not define (issue #12): the client's `unknownFields` and a
// call's own decide whether they are stripped and reported (default), kept on the data, or refused; the
// same for what we send in strict mode, where only `reject` refuses them and the body goes out as given.
import { isOcpiValidationError, type ValidationReport } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { LOCATIONS_URL, locationsClient } from '../support/locations-client';
import { useMswServer } from '../support/msw';
import { location221, ocpi } from '../support/ocpi-responses';

const { server, requests } = useMswServer();

const extended = (id: string) => ({ ...location221(id), help_phone: '+31 30 000 0000' });
const RECEIVER_URL = 'https://emsp.example.com/ocpi/2.2.1/locations';

function serve() {
  server.use(
    http.get(`${LOCATIONS_URL}/L1`, () => ocpi(extended('L1'))),
    // The whole list, with the paging header the spec requires (a page without it is a deviation told).
    http.get(LOCATIONS_URL, () =>
      ocpi([extended('L1'), location221('L2')], { headers: { 'X-Total-Count': '2' } }),
    ),
  );
}

function listening(options: Partial<v221.Client221Options> = {}) {
  const reports: ValidationReport[] = [];
  const client = locationsClient({ onValidationIssues: (report) => reports.push(report), ...options });
  return { client, reports };
}

const paths = (reports: readonly ValidationReport[]) =>
  reports.flatMap((report) => report.issues.map(({ path, action }) => `${action} ${path}`));

describe('unknown fields in what a partner sends', () => {
  it.each(['lenient', 'strict'] as const)(
    '%s, by default: stripped from the data and reported',
    async (validation) => {
      serve();
      const { client, reports } = listening({ validation });
      const location = await client.locations.sender.getLocation({ params: { location_id: 'L1' } });
      expect(location).toEqual(location221('L1'));
      expect(paths(reports)).toEqual(['dropped help_phone']);
    },
  );

  it('keep: left on the data, with nothing to report', async () => {
    serve();
    const { client, reports } = listening({ unknownFields: 'keep' });
    const location = await client.locations.sender.getLocation({ params: { location_id: 'L1' } });
    expect(location).toEqual(extended('L1'));
    const page = await client.locations.sender.list();
    expect(page.items).toEqual([extended('L1'), location221('L2')]);
    expect(reports).toEqual([]);
  });

  it('reject: a typed error naming the field, in either mode', async () => {
    for (const validation of ['lenient', 'strict'] as const) {
      serve();
      const error = await Promise.resolve(
        locationsClient({ validation, unknownFields: 'reject' }).locations.sender.getLocation({
          params: { location_id: 'L1' },
        }),
      ).catch((caught: unknown) => caught);
      expect(isOcpiValidationError(error)).toBe(true);
      if (!isOcpiValidationError(error)) return;
      expect(error.issues).toEqual([expect.objectContaining({ path: 'help_phone', fatal: true })]);
    }
  });

  it('reject on a page: the item is left out and reported, the others arrive', async () => {
    serve();
    const { client, reports } = listening({ unknownFields: 'reject' });
    const page = await client.locations.sender.list();
    expect(page.items).toEqual([location221('L2')]);
    expect(page.rejected.map(({ index, id }) => ({ index, id }))).toEqual([{ index: 0, id: 'L1' }]);
    expect(paths(reports)).toEqual(['dropped [0].help_phone']);
  });

  it("a call's setting overrides the client's, both ways", async () => {
    serve();
    const keeping = locationsClient({ unknownFields: 'keep' });
    const refused = await Promise.resolve(
      keeping.locations.sender.getLocation({
        params: { location_id: 'L1' },
        options: { unknownFields: 'reject' },
      }),
    ).catch((caught: unknown) => caught);
    expect(isOcpiValidationError(refused)).toBe(true);

    const rejecting = locationsClient({ unknownFields: 'reject' });
    const kept = await rejecting.locations.sender.getLocation({
      params: { location_id: 'L1' },
      options: { unknownFields: 'keep' },
    });
    expect(kept).toEqual(extended('L1'));
  });
});

describe('unknown fields in what we send, strict mode', () => {
  const receiver = (unknownFields?: 'strip' | 'keep' | 'reject') =>
    v221.createClient({
      token: 'token-1',
      endpoints: [{ identifier: 'locations', role: 'RECEIVER', url: RECEIVER_URL }],
      retry: { limit: 0 },
      validation: 'strict',
      ...(unknownFields && { unknownFields }),
    });
  const put = (client: ReturnType<typeof receiver>) =>
    client.locations.receiver.putLocation({
      params: { country_code: 'NL', party_id: 'CPO', location_id: 'L1' },
      body: extended('L1') as v221.Location,
    });

  it('goes out as given by default: the spec does not close its objects', async () => {
    server.use(http.put(`${RECEIVER_URL}/NL/CPO/L1`, () => ocpi(undefined)));
    await put(receiver());
    expect(requests).toHaveLength(1);
    expect(await requests[0]?.json()).toEqual(extended('L1'));
  });

  it('is refused before anything is sent with reject', async () => {
    server.use(http.put(`${RECEIVER_URL}/NL/CPO/L1`, () => HttpResponse.json({}, { status: 500 })));
    const error = await Promise.resolve(put(receiver('reject'))).catch((caught: unknown) => caught);
    expect(isOcpiValidationError(error)).toBe(true);
    if (!isOcpiValidationError(error)) return;
    expect(error.issues.map(({ path }) => path)).toEqual(['help_phone']);
    expect(requests).toEqual([]);
  });
});
