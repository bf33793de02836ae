/**
 * The window of a list (`date_from`, `date_to`) taken as a `Date` or as the spec's DateTime string, in
 * both versions: a `Date` goes out as UTC, whole seconds, `Z`, in every validation mode.
 */
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';

const { server, requests } = useMswServer();
const CPO = 'https://cpo.example.com/ocpi';
const MODES = ['strict', 'lenient', 'off'] as const;
type Mode = (typeof MODES)[number];

// The lists of a CPO's Sender interfaces (named `cpo` in 2.1.1, `sender` in 2.2.1).
const cpoLists = {
  '2.1.1': (validation: Mode) => {
    const client = v211.createClient({
      token: 'token-for-the-cpo',
      endpoints: ['locations', 'sessions', 'cdrs'].map((identifier) => ({
        identifier,
        url: `${CPO}/2.1.1/${identifier}`,
      })),
      retry: { limit: 0 },
      validation,
    });
    return { locations: client.locations.cpo, sessions: client.sessions.cpo, cdrs: client.cdrs.cpo };
  },
  '2.2.1': (validation: Mode) => {
    const client = v221.createClient({
      token: 'token-for-the-cpo',
      endpoints: ['locations', 'sessions', 'cdrs'].map((identifier) => ({
        identifier,
        role: 'SENDER' as const,
        url: `${CPO}/2.2.1/${identifier}`,
      })),
      from: { countryCode: 'NL', partyId: 'EMS' },
      to: { countryCode: 'DE', partyId: 'CPO' },
      retry: { limit: 0 },
      validation,
    });
    return { locations: client.locations.sender, sessions: client.sessions.sender, cdrs: client.cdrs.sender };
  },
};

const sentQueries = () => requests.map((request) => Object.fromEntries(new URL(request.url).searchParams));
const serveEmptyLists = () => server.use(http.get(`${CPO}/*`, () => ocpi([])));

describe.each(['2.1.1', '2.2.1'] as const)('date filters, OCPI %s', (version) => {
  // Mixed and as the spec shows them: a Date loses its milliseconds, a string goes out as given.
  const from = new Date(Date.UTC(2024, 0, 31, 23, 59, 58, 999));
  const to = '2024-02-01T00:00:00Z';

  it.each(MODES)('sends a Date as UTC whole seconds with Z (validation %s)', async (mode) => {
    serveEmptyLists();
    const client = cpoLists[version](mode);
    await client.locations.list({ query: { date_from: from, date_to: to } });
    await client.cdrs.list({ query: { date_from: to, date_to: from } });
    await client.sessions.list({ query: { date_from: from } });

    expect(sentQueries()).toEqual([
      { date_from: '2024-01-31T23:59:58Z', date_to: '2024-02-01T00:00:00Z' },
      { date_from: '2024-02-01T00:00:00Z', date_to: '2024-01-31T23:59:58Z' },
      { date_from: '2024-01-31T23:59:58Z' },
    ]);
  });

  it('gives the same text for a Date that ends one window and starts the next, so windows meet', async () => {
    serveEmptyLists();
    const client = cpoLists[version]('strict');
    const cut = new Date(Date.UTC(2024, 5, 1, 12, 0, 0, 500));
    await client.locations.list({ query: { date_to: cut } });
    await client.locations.list({ query: { date_from: cut } });

    expect(sentQueries()).toEqual([
      { date_to: '2024-06-01T12:00:00Z' },
      { date_from: '2024-06-01T12:00:00Z' },
    ]);
  });

  it('refuses an invalid Date, or one past the year 9999, before anything is sent', async () => {
    serveEmptyLists();
    const client = cpoLists[version]('off');
    const list = () => client.locations.list({ query: { date_from: new Date('not a date') } });

    const farFuture = () => client.locations.list({ query: { date_to: new Date(Date.UTC(10_000, 0, 1)) } });

    await expect(async () => await list()).rejects.toThrow(RangeError);
    await expect(async () => await farFuture()).rejects.toThrow(RangeError);
    expect(requests).toEqual([]);
  });

  it('types the window as Date or string, and the rest of the query as before', () => {
    type Lists = ReturnType<(typeof cpoLists)[typeof version]>;
    type Query = NonNullable<Parameters<Lists['locations']['list']>[0]>['query'];
    type SessionsQuery = Parameters<Lists['sessions']['list']>[0]['query'];
    expectTypeOf<{ date_from: Date; date_to: string }>().toExtend<Query>();
    expectTypeOf<{ offset: Date }>().not.toExtend<Query>();
    expectTypeOf<{ date_from: Date }>().toExtend<SessionsQuery>();
    expectTypeOf<{ date_to: Date }>().not.toExtend<SessionsQuery>();
  });
});
