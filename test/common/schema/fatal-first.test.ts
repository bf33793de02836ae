// Issue #12, deliverable 3: when a parse fails, what made it fail comes first. Each issue says whether it
// was fatal; the message names the fatal ones before anything lenient mode tolerated, and no value is
// ever quoted (only "empty string" or "empty list", which give nothing away).
import { inspect } from 'node:util';
import { isOcpiValidationError, type OcpiValidationError, parseList, parsePayload } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { LOCATIONS_URL, locationsClient } from '../../support/locations-client';
import { useMswServer } from '../../support/msw';
import { location211, location221, ocpi, TIMESTAMP } from '../../support/ocpi-responses';
import { missingEnumMessage } from '../../support/v221-payloads';

const { server } = useMswServer();

const VERSIONS = [
  {
    version: '2.1.1',
    schema: v211.LocationSchema,
    location: location211,
    standards: v211.ConnectorTypeValues,
    connector: {
      id: '1',
      standard: 'IEC_62196_T2',
      format: 'SOCKET',
      power_type: 'AC_3_PHASE',
      voltage: 230,
      amperage: 16,
      last_updated: TIMESTAMP,
    },
  },
  {
    version: '2.2.1',
    schema: v221.LocationSchema,
    location: location221,
    standards: v221.ConnectorTypeValues,
    connector: {
      id: '1',
      standard: 'IEC_62196_T2',
      format: 'SOCKET',
      power_type: 'AC_3_PHASE',
      max_voltage: 230,
      max_amperage: 16,
      last_updated: TIMESTAMP,
    },
  },
] as const;

type Version = (typeof VERSIONS)[number];

/**
 * A Location with unknown fields at three levels and an unknown enum value deep inside (all tolerated by
 * lenient mode), whose required coordinates lack `latitude`: nothing optional is around it, so nothing
 * can be dropped to repair it. (A broken connector would not do: lenient mode leaves out its EVSE.)
 */
function brokenDeepInside({ location, connector }: Version) {
  const valid = location('L1');
  return {
    help_phone: '+31 30 123 4567',
    ...valid,
    coordinates: { longitude: valid.coordinates.longitude },
    x_vendor_rating: 5,
    evses: [
      {
        uid: 'E1',
        status: 'AVAILABLE',
        x_vendor_bay: 'B',
        capabilities: ['TELEPATHY'],
        connectors: [{ ...connector, x_vendor_socket: 'red' }],
        last_updated: TIMESTAMP,
      },
    ],
  };
}

const FATAL_PATH = 'coordinates.latitude';
const TOLERATED_PATHS = [
  'help_phone',
  'x_vendor_rating',
  'evses[0].x_vendor_bay',
  'evses[0].capabilities[0]',
  'evses[0].connectors[0].x_vendor_socket',
];

function failed(result: { success: boolean; error?: OcpiValidationError }): OcpiValidationError {
  expect(result.success).toBe(false);
  if (!result.error) throw new Error('the parse should have failed');
  return result.error;
}

describe.each(VERSIONS)('a Location failing with deviations deep inside ($version)', (version) => {
  const { schema } = version;

  it('lenient: the missing required field comes first, marked fatal, and everything tolerated after it', () => {
    const error = failed(
      parsePayload(schema, brokenDeepInside(version), { mode: 'lenient', subject: 'Location' }),
    );
    const [first, ...rest] = error.issues;
    expect(first).toMatchObject({ path: FATAL_PATH, fatal: true });
    expect(rest.map(({ path }) => path).sort()).toEqual([...TOLERATED_PATHS].sort());
    for (const issue of rest) expect(issue.fatal, issue.path).toBe(false);
    expect(error.message).toMatch(
      /^Invalid Location: 1 fatal issue \(coordinates\.latitude: [^;]+\) and 5 tolerated \(/,
    );
  });

  it('lenient: a connector missing a required field leaves out its EVSE, and the Location is kept', () => {
    const { standard: _missing, ...withoutStandard } = version.connector;
    const evse = { uid: 'E1', status: 'AVAILABLE', connectors: [withoutStandard], last_updated: TIMESTAMP };
    const input = { ...version.location('L1'), evses: [evse] };
    const result = parsePayload(schema, input, { mode: 'lenient', subject: 'Location' });
    expect(result).toEqual({
      success: true,
      data: { ...version.location('L1'), evses: [] },
      issues: [
        {
          path: 'evses[0]',
          segments: ['evses', 0],
          code: 'invalid_value',
          message: `connectors[0].standard: ${missingEnumMessage(version.standards)} (list element dropped)`,
          fatal: false,
          action: 'dropped',
        },
      ],
    });
  });

  it('lenient: a required field that was null is the fatal issue, before the repairs that were possible', () => {
    const input = { ...version.location('L1'), address: null, x_vendor_rating: 5, y_vendor: 1 };
    const error = failed(parsePayload(schema, input, { mode: 'lenient', subject: 'Location' }));
    expect(error.issues.map(({ path, fatal }) => ({ path, fatal }))).toEqual([
      { path: 'address', fatal: true },
      { path: 'x_vendor_rating', fatal: false },
      { path: 'y_vendor', fatal: false },
    ]);
    expect(error.message).toMatch(/^Invalid Location: 1 fatal issue \(address: [^;]+\) and 2 tolerated \(/);
  });

  it('strict, refusing unknown fields: every issue is fatal, and the message says so', () => {
    const error = failed(
      parsePayload(schema, brokenDeepInside(version), {
        mode: 'strict',
        subject: 'Location',
        unknownFields: 'reject',
      }),
    );
    expect(error.issues.map(({ path }) => path).sort()).toEqual([FATAL_PATH, ...TOLERATED_PATHS].sort());
    for (const issue of error.issues) expect(issue.fatal, issue.path).toBe(true);
    expect(error.message).toMatch(/^Invalid Location: 6 fatal issues \(/);
    expect(error.message).not.toMatch(/tolerated/);
  });

  it('strict, by default: the unknown fields it leaves out come after the fatal issues, not fatal', () => {
    const error = failed(
      parsePayload(schema, brokenDeepInside(version), { mode: 'strict', subject: 'Location' }),
    );
    const unknown = TOLERATED_PATHS.filter((path) => path !== 'evses[0].capabilities[0]');
    expect(error.issues.slice(0, 2).map(({ path, fatal }) => ({ path, fatal }))).toEqual([
      { path: FATAL_PATH, fatal: true },
      { path: 'evses[0].capabilities[0]', fatal: true },
    ]);
    expect(
      error.issues
        .slice(2)
        .map(({ path }) => path)
        .sort(),
    ).toEqual([...unknown].sort());
    for (const issue of error.issues.slice(2)) expect(issue.fatal, issue.path).toBe(false);
    expect(error.message).toMatch(/^Invalid Location: 2 fatal issues \(.+\) and 4 tolerated \(/);
  });

  it('parseList: a rejected item lists its fatal issue first, in its issues and its error', () => {
    const { items, rejected } = parseList(schema, [version.location('A'), brokenDeepInside(version)], {
      mode: 'lenient',
      subject: 'Location',
    });
    expect(items).toHaveLength(1);
    expect(rejected[0]?.issues[0]).toMatchObject({ path: FATAL_PATH, fatal: true });
    expect(rejected[0]?.error.issues).toEqual(rejected[0]?.issues);
    expect(rejected[0]?.error.message).toMatch(
      /^Invalid Location \[1\]: 1 fatal issue \(coordinates\.latitude/,
    );
  });

  it('lenient, with more than 1,000 tolerated issues: the cap keeps the fatal one and counts the rest', () => {
    const input: Record<string, unknown> = brokenDeepInside(version);
    for (let i = 0; i < 1_500; i++) input[`k${i}`] = 0;
    const error = failed(parsePayload(schema, input, { mode: 'lenient', subject: 'Location' }));
    expect(error.issues).toHaveLength(1_001);
    expect(error.issues[0]).toMatchObject({ path: FATAL_PATH, fatal: true });
    expect(error.issues.filter((issue) => issue.fatal)).toHaveLength(1);
    expect(error.issues.at(-1)).toEqual({
      path: '',
      segments: [],
      code: 'omitted',
      message: '506 more tolerated issues not listed',
      fatal: false,
    });
    expect(error.message).toMatch(
      /^Invalid Location: 1 fatal issue \(coordinates\.latitude: [^;]+\) and 999 tolerated \(.+; and 995 more\); 506 more tolerated issues not listed$/,
    );
  });
});

describe('a failed lenient parse through the 2.2.1 client', () => {
  it('throws an error whose message leads with the cause', async () => {
    const [, version221] = VERSIONS;
    server.use(http.get(`${LOCATIONS_URL}/L1`, () => ocpi(brokenDeepInside(version221))));
    const error = await locationsClient()
      .locations.sender.getLocation({ params: { location_id: 'L1' } })
      .catch((caught: unknown) => caught);
    expect(isOcpiValidationError(error)).toBe(true);
    if (!isOcpiValidationError(error)) return;
    expect(error.issues[0]).toMatchObject({ path: FATAL_PATH, fatal: true });
    expect(error.message).toMatch(/: 1 fatal issue \(coordinates\.latitude: [^;]+\) and 5 tolerated/);
  });
});

describe('messages never quote a value', () => {
  // Printable ASCII, as a credentials token is; `+`, `/` and `=` make its URL-encoded form differ.
  const SECRET = 'tokA+9f3c/2b1a=must-stay-home-4e7d';
  const pieces = [SECRET, btoa(SECRET), encodeURIComponent(SECRET)].flatMap((form) =>
    Array.from({ length: form.length - 11 }, (_, start) => form.slice(start, start + 12)),
  );

  // The secret in every place a value can be wrong: too long, an unknown enum value, a bad URL, a bad
  // timestamp or coordinate, a string where a number or an object belongs, a required field made wrong.
  const secretEverywhere = ({ location, connector }: Version) => ({
    ...location(SECRET),
    x_vendor: SECRET,
    postal_code: SECRET,
    coordinates: { latitude: SECRET, longitude: SECRET },
    operator: { name: 'Op', website: SECRET },
    evses: [
      {
        uid: SECRET,
        status: SECRET,
        connectors: [{ ...connector, standard: SECRET, last_updated: SECRET, tariff_id: 7 }],
        last_updated: SECRET,
      },
    ],
    time_zone: 12,
    last_updated: SECRET,
  });

  it.each(
    VERSIONS.flatMap((version) => (['strict', 'lenient'] as const).map((mode) => ({ ...version, mode }))),
  )('$version $mode: neither the message nor the issues hold the secret', ({ mode, ...version }) => {
    const error = failed(
      parsePayload(version.schema, secretEverywhere(version), { mode, subject: 'Location' }),
    );
    expect(error.issues.some((issue) => issue.fatal)).toBe(true);
    const rendered = [error.message, JSON.stringify(error.issues), inspect(error, { depth: 10 })].join('\n');
    for (const piece of pieces) expect(rendered).not.toContain(piece);
  });

  it('says "empty string" and "empty list" instead', () => {
    const [, version221] = VERSIONS;
    const input = {
      ...location221('L1'),
      operator: { name: 'Op', website: '' },
      evses: [{ uid: 'E1', status: 'AVAILABLE', connectors: [], last_updated: TIMESTAMP }],
      time_zone: [],
    };
    const error = failed(parsePayload(version221.schema, input, { mode: 'strict', subject: 'Location' }));
    const messages = error.issues.map(({ path, message }) => `${path}: ${message}`);
    expect(messages).toContain('operator.website: must be an absolute URL (empty string)');
    expect(messages).toContain('time_zone: expected string, received array (empty list)');
    // A minimum length says it already.
    expect(messages).toContain('evses[0].connectors: must have at least 1 item');
    expect(error.message).toContain('operator.website: must be an absolute URL (empty string)');
  });
});
