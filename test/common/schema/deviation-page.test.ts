// Issue #12, "Done when": a page of Locations as real partners send it (extension fields, nulls, an empty
// optional URL, one item missing a required field, one with a broken EVSE) loses, in strict mode, only
// what breaks the spec, and in lenient mode only what lacks a required field of its own. Read through
// parseList, and through each version's client over HTTP (msw).
import { parseList, type ToleratedItem } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { LOCATIONS_URL, locationsClient } from '../../support/locations-client';
import { useMswServer } from '../../support/msw';
import { ocpi } from '../../support/ocpi-responses';
import { fromSpec, readExample221 } from '../../support/spec';
import { readExample211 } from '../../support/v211-spec';
import { without, withValue } from '../../support/v221-payloads';

const { server } = useMswServer();

const LOCATIONS_URL_211 = 'https://cpo.example.com/ocpi/2.1.1/locations';

const VERSIONS = [
  {
    version: '2.1.1',
    schema: v211.LocationSchema,
    base: fromSpec(() => readExample211('mod_locations.md', 5, { from: 'body' })),
    url: LOCATIONS_URL_211,
    listPage: (validation: 'strict' | 'lenient') =>
      v211
        .createClient({
          token: 'token-1',
          endpoints: [{ identifier: 'locations', url: LOCATIONS_URL_211 }],
          retry: { limit: 0 },
          validation,
        })
        .locations.cpo.list(),
  },
  {
    version: '2.2.1',
    schema: v221.LocationSchema,
    base: fromSpec(() => readExample221('location_example.json')),
    url: LOCATIONS_URL,
    listPage: (validation: 'strict' | 'lenient') => locationsClient({ validation }).locations.sender.list(),
  },
] as const;

type Version = (typeof VERSIONS)[number];

/** The page, built from the spec example: each item's id says what it carries. */
function page(base: unknown) {
  const withId = (id: string) => withValue(base, 'id', id);
  let extended = withValue(withId('EXTENDED'), 'x_vendor_rating', 5);
  extended = withValue(extended, 'evses[0].x_vendor_bay', 'B');
  let nulls = withValue(withId('NULLS'), 'name', null);
  nulls = withValue(nulls, 'evses[0].floor_level', null);
  nulls = withValue(nulls, 'operator', null);
  return [
    withId('PLAIN'),
    extended,
    nulls,
    withValue(withId('EMPTY_URL'), 'operator.website', ''),
    without(withId('NO_ADDRESS'), 'address'),
    without(withId('EVSE_WITHOUT_UID'), 'evses[1].uid'),
  ];
}

const TOLERATED_EXTENDED = {
  index: 1,
  id: 'EXTENDED',
  issues: [
    { path: 'evses[0].x_vendor_bay', code: 'unrecognized_keys', fatal: false, action: 'dropped' },
    { path: 'x_vendor_rating', code: 'unrecognized_keys', fatal: false, action: 'dropped' },
  ],
};
const TOLERATED_NULLS = {
  index: 2,
  id: 'NULLS',
  issues: [
    { path: 'name', message: 'null read as absent', fatal: false, action: 'dropped' },
    { path: 'evses[0].floor_level', message: 'null read as absent', fatal: false, action: 'dropped' },
    { path: 'operator', message: 'null read as absent', fatal: false, action: 'dropped' },
  ],
};

/** What strict and lenient mode keep of the page, and what each reports. */
const EXPECTED = {
  strict: {
    items: ['PLAIN', 'EXTENDED', 'NULLS'],
    rejected: [
      { index: 3, id: 'EMPTY_URL', paths: ['operator.website'] },
      { index: 4, id: 'NO_ADDRESS', paths: ['address'] },
      { index: 5, id: 'EVSE_WITHOUT_UID', paths: ['evses[1].uid'] },
    ],
    tolerated: [TOLERATED_EXTENDED, TOLERATED_NULLS],
  },
  lenient: {
    items: ['PLAIN', 'EXTENDED', 'NULLS', 'EMPTY_URL', 'EVSE_WITHOUT_UID'],
    rejected: [{ index: 4, id: 'NO_ADDRESS', paths: ['address'] }],
    tolerated: [
      TOLERATED_EXTENDED,
      TOLERATED_NULLS,
      {
        index: 3,
        id: 'EMPTY_URL',
        issues: [{ path: 'operator.website', code: 'custom', fatal: false, action: 'dropped' }],
      },
      {
        index: 5,
        id: 'EVSE_WITHOUT_UID',
        issues: [{ path: 'evses[1]', code: 'invalid_type', fatal: false, action: 'dropped' }],
      },
    ],
  },
} as const;

const MODES = ['strict', 'lenient'] as const;

interface ListOutcome {
  items: readonly unknown[];
  rejected: readonly { index: number; id: string | undefined; issues: readonly { path: string }[] }[];
  tolerated: readonly ToleratedItem[];
}

/** Checks the items that came back, the rejected ones by index, id and issue paths, and the tolerated ones. */
function expectOutcome(
  outcome: ListOutcome,
  expected: {
    items: readonly string[];
    rejected: readonly { index: number; id: string; paths: readonly string[] }[];
    tolerated: readonly unknown[];
  },
  version: Version,
) {
  expect(outcome.items.map((item) => (item as { id: string }).id)).toEqual(expected.items);
  expect(
    outcome.rejected.map(({ index, id, issues }) => ({ index, id, paths: issues.map(({ path }) => path) })),
  ).toEqual(expected.rejected);
  expect(outcome.tolerated).toMatchObject([...expected.tolerated]);
  for (const { issues } of outcome.tolerated) {
    for (const issue of issues) expect(issue.fatal, issue.path).toBe(false);
  }
  // What was kept is what the spec allows: nothing dropped stays in the data, nulls are gone.
  const byId = new Map(
    outcome.items.map((item) => [(item as { id: string }).id, item as Record<string, unknown>]),
  );
  const base = version.base() as { evses: unknown[] };
  expect(byId.get('PLAIN')).toEqual(withValue(base, 'id', 'PLAIN'));
  expect(byId.get('EXTENDED')).toEqual(withValue(base, 'id', 'EXTENDED'));
  expect(byId.get('NULLS')).toEqual(
    without(without(without(withValue(base, 'id', 'NULLS'), 'name'), 'evses[0].floor_level'), 'operator'),
  );
  if (expected.items.includes('EMPTY_URL')) {
    expect(byId.get('EMPTY_URL')).toEqual(withValue(base, 'id', 'EMPTY_URL'));
    expect(byId.get('EVSE_WITHOUT_UID')).toEqual({
      ...(withValue(base, 'id', 'EVSE_WITHOUT_UID') as object),
      evses: [base.evses[0]],
    });
  }
}

describe.each(VERSIONS)('a page of partner Locations, OCPI $version', (version) => {
  it.each(MODES)('parseList in %s mode keeps what the mode allows and reports the rest by item', (mode) => {
    const result = parseList(version.schema, page(version.base()), { mode, subject: 'Location' });
    expectOutcome(result, EXPECTED[mode], version);
    expect(result.rejectedCount).toBe(EXPECTED[mode].rejected.length);
    expect(result.toleratedCount).toBe(EXPECTED[mode].tolerated.length);
  });

  it('the lenient client gives the same page and the same report', async () => {
    server.use(http.get(version.url, () => ocpi(page(version.base()))));
    const listed = await version.listPage('lenient');
    expectOutcome(listed, EXPECTED.lenient, version);
    expect(listed.rejectedCount).toBe(EXPECTED.lenient.rejected.length);
  });

  it('the strict client keeps every item the spec allows: extension fields and nulls cost none', async () => {
    server.use(http.get(version.url, () => ocpi(page(version.base()).slice(0, 3))));
    const listed = await version.listPage('strict');
    expectOutcome(listed, { ...EXPECTED.strict, rejected: [] }, version);
    expect(listed.rejectedCount).toBe(0);
  });

  it('the strict client gives the same page and report as parseList: only the items that break the spec are left out', async () => {
    server.use(http.get(version.url, () => ocpi(page(version.base()))));
    const listed = await version.listPage('strict');
    expectOutcome(listed, EXPECTED.strict, version);
    expect(listed.rejectedCount).toBe(EXPECTED.strict.rejected.length);
  });
});
