// Issue #12: the README's deviation table ("Strict and lenient parsing"), row by row, for both versions
// and both modes, on the spec's own Location example. Each row changes one thing (at the top, or deep
// inside an EVSE or its connector) and states everything the user gets: the data, or the error, and every
// issue with its path, code, message, `fatal` and `action`.
import { type LenientIssue, type ParseOptions, parsePayload, type ValidationIssue } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { fromSpec, readExample221 } from '../../support/spec';
import { readExample211 } from '../../support/v211-spec';
import { enumMessage, without, withValue } from '../../support/v221-payloads';

const VERSIONS = [
  {
    version: '2.1.1',
    schema: v211.LocationSchema,
    base: fromSpec(() => readExample211('mod_locations.md', 5, { from: 'body' })),
    connectorTypes: v211.ConnectorTypeValues,
    notPrintable: 'must contain only printable ASCII characters',
    coordinates: 'must be decimal degrees like 50.770774 (6 decimals)',
  },
  {
    version: '2.2.1',
    schema: v221.LocationSchema,
    base: fromSpec(() => readExample221('location_example.json')),
    connectorTypes: v221.ConnectorTypeValues,
    notPrintable: 'must contain only printable characters',
    coordinates: 'must be decimal degrees like 50.770774 (5 to 7 decimals)',
  },
] as const;

type Version = (typeof VERSIONS)[number];
type Mode = 'strict' | 'lenient';
type UnknownFields = NonNullable<ParseOptions['unknownFields']>;

/** An issue as the table states it; `action` only on what was tolerated. */
type Issue = Pick<ValidationIssue, 'path' | 'code' | 'message' | 'fatal'> & {
  action?: LenientIssue['action'];
};

/** What a parse gives: the data with what was tolerated, or an error with every issue. */
type Outcome = { data: unknown; issues: Issue[] } | { error: Issue[] };

interface Row {
  deviation: string;
  /** The spec example with the deviation. */
  input: (base: unknown) => unknown;
  unknownFields?: UnknownFields;
  strict: (base: unknown, input: unknown) => Outcome;
  lenient: (base: unknown, input: unknown) => Outcome;
}

const tolerated = (path: string, code: string, message: string, action: LenientIssue['action']): Issue => ({
  path,
  code,
  message,
  fatal: false,
  action,
});
const fatal = (path: string, code: string, message: string): Issue => ({ path, code, message, fatal: true });

/** The base Location without its EVSE at `index`: what lenient mode keeps when that EVSE is broken. */
function withoutEvse(base: unknown, index: number): unknown {
  const evses = (base as { evses: unknown[] }).evses.filter((_, at) => at !== index);
  return { ...(base as object), evses };
}

const EXTENSION_AT = ['x_vendor_rating', 'evses[0].connectors[0].x_vendor_socket'] as const;
const CONNECTOR = 'evses[0].connectors[0]';

function rows(version: Version): Row[] {
  const enumValues = enumMessage(version.connectorTypes);
  const missingStandard = `required field is missing (one of ${enumValues.slice('must be one of '.length)})`;
  const same = (outcome: (base: unknown, input: unknown) => Outcome) => ({
    strict: outcome,
    lenient: outcome,
  });
  const failsWith = (...issues: Issue[]) => same(() => ({ error: issues }));
  return [
    {
      deviation: '`null` in an optional field',
      input: (base) => withValue(base, 'name', null),
      ...same((base) => ({
        data: without(base, 'name'),
        issues: [tolerated('name', 'invalid_type', 'null read as absent', 'dropped')],
      })),
    },
    {
      deviation: '`null` in an optional field of an EVSE',
      input: (base) => withValue(base, 'evses[0].floor_level', null),
      ...same((base) => ({
        data: without(base, 'evses[0].floor_level'),
        issues: [tolerated('evses[0].floor_level', 'invalid_type', 'null read as absent', 'dropped')],
      })),
    },
    {
      deviation: '`null` in a required field of the Location',
      input: (base) => withValue(base, 'address', null),
      ...failsWith(fatal('address', 'invalid_type', 'expected string, received null')),
    },
    {
      deviation: '`null` in a required field of an EVSE',
      input: (base) => withValue(base, 'evses[1].uid', null),
      strict: () => ({ error: [fatal('evses[1].uid', 'invalid_type', 'expected string, received null')] }),
      lenient: (base) => ({
        data: withoutEvse(base, 1),
        issues: [
          tolerated(
            'evses[1]',
            'invalid_type',
            'uid: expected string, received null (list element dropped)',
            'dropped',
          ),
        ],
      }),
    },
    ...EXTENSION_AT.flatMap((path): Row[] => [
      {
        deviation: `extension field ${path}, unknownFields left out (strip)`,
        input: (base) => withValue(base, path, 5),
        ...same((base) => ({
          data: base,
          issues: [tolerated(path, 'unrecognized_keys', 'unknown field dropped', 'dropped')],
        })),
      },
      {
        deviation: `extension field ${path}, unknownFields 'strip'`,
        unknownFields: 'strip',
        input: (base) => withValue(base, path, 5),
        ...same((base) => ({
          data: base,
          issues: [tolerated(path, 'unrecognized_keys', 'unknown field dropped', 'dropped')],
        })),
      },
      {
        deviation: `extension field ${path}, unknownFields 'keep'`,
        unknownFields: 'keep',
        input: (base) => withValue(base, path, 5),
        ...same((_, input) => ({ data: input, issues: [] })),
      },
      {
        deviation: `extension field ${path}, unknownFields 'reject'`,
        unknownFields: 'reject',
        input: (base) => withValue(base, path, 5),
        // Lenient mode does not drop the EVSE around a rejected field: rejecting is a conformance check.
        ...failsWith(fatal(path, 'unrecognized_keys', 'unknown field')),
      },
    ]),
    {
      deviation: 'unknown enum value in a connector',
      input: (base) => withValue(base, `${CONNECTOR}.standard`, 'NOT_IN_THE_SPEC'),
      strict: () => ({ error: [fatal(`${CONNECTOR}.standard`, 'invalid_value', enumValues)] }),
      lenient: (_, input) => ({
        data: input,
        issues: [tolerated(`${CONNECTOR}.standard`, 'invalid_value', `${enumValues} (kept)`, 'kept')],
      }),
    },
    {
      deviation: 'over-long string',
      input: (base) => withValue(base, 'city', 'A'.repeat(46)),
      strict: () => ({ error: [fatal('city', 'too_big', 'must have at most 45 characters')] }),
      lenient: (_, input) => ({
        data: input,
        issues: [tolerated('city', 'too_big', 'must have at most 45 characters (kept)', 'kept')],
      }),
    },
    {
      deviation: 'non-printable character',
      input: (base) => withValue(base, 'name', 'Gent\u0007Zuid'),
      strict: () => ({ error: [fatal('name', 'custom', version.notPrintable)] }),
      lenient: (_, input) => ({
        data: input,
        issues: [tolerated('name', 'custom', `${version.notPrintable} (kept)`, 'kept')],
      }),
    },
    {
      deviation: 'timestamp with an offset in a connector',
      input: (base) => withValue(base, `${CONNECTOR}.last_updated`, '2015-03-16T12:10:02+02:00'),
      strict: () => ({
        error: [
          fatal(
            `${CONNECTOR}.last_updated`,
            'custom',
            'must be a UTC timestamp like 2015-06-29T20:39:09Z (no offset, at most 25 characters)',
          ),
        ],
      }),
      lenient: (base) => ({
        // The spec example's own value: the same instant in UTC.
        data: base,
        issues: [
          tolerated(
            `${CONNECTOR}.last_updated`,
            'custom',
            'timestamp converted to UTC: 2015-03-16T10:10:02Z',
            'normalised',
          ),
        ],
      }),
    },
    {
      deviation: 'coordinate format',
      input: (base) => withValue(base, 'coordinates.latitude', '51.04'),
      strict: () => ({ error: [fatal('coordinates.latitude', 'custom', version.coordinates)] }),
      lenient: (_, input) => ({
        data: input,
        issues: [tolerated('coordinates.latitude', 'custom', `${version.coordinates} (kept)`, 'kept')],
      }),
    },
    {
      deviation: 'ISO code of the wrong shape',
      input: (base) => withValue(base, 'country', 'BE'),
      strict: () => ({ error: [fatal('country', 'custom', ISO_COUNTRY)] }),
      lenient: (_, input) => ({
        data: input,
        issues: [tolerated('country', 'custom', `${ISO_COUNTRY} (kept)`, 'kept')],
      }),
    },
    {
      deviation: 'empty optional URL (operator.website)',
      input: (base) => withValue(base, 'operator.website', ''),
      strict: () => ({
        error: [fatal('operator.website', 'custom', 'must be an absolute URL (empty string)')],
      }),
      lenient: (base) => ({
        data: base,
        issues: [
          tolerated(
            'operator.website',
            'custom',
            'must be an absolute URL (empty string) (optional field dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'relative optional URL (operator.website)',
      input: (base) => withValue(base, 'operator.website', '/about'),
      strict: () => ({ error: [fatal('operator.website', 'custom', 'must be an absolute URL')] }),
      lenient: (base) => ({
        data: base,
        issues: [
          tolerated(
            'operator.website',
            'custom',
            'must be an absolute URL (optional field dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'relative required URL of an element of an optional list (evses[0].images[0].url)',
      input: (base) =>
        withValue(base, 'evses[0].images', [{ url: 'logo.png', category: 'OPERATOR', type: 'png' }]),
      strict: () => ({ error: [fatal('evses[0].images[0].url', 'custom', 'must be an absolute URL')] }),
      lenient: (base) => ({
        data: withValue(base, 'evses[0].images', []),
        issues: [
          tolerated(
            'evses[0].images[0]',
            'custom',
            'url: must be an absolute URL (list element dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'missing required field of the Location',
      input: (base) => without(base, 'address'),
      ...failsWith(fatal('address', 'invalid_type', 'required string is missing')),
    },
    {
      deviation: 'missing required field of an optional object (operator.name)',
      input: (base) => without(base, 'operator.name'),
      strict: () => ({ error: [fatal('operator.name', 'invalid_type', 'required string is missing')] }),
      lenient: (base) => ({
        data: without(base, 'operator'),
        issues: [
          tolerated(
            'operator',
            'invalid_type',
            'name: required string is missing (optional field dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'missing required field of an EVSE (evses[1].uid)',
      input: (base) => without(base, 'evses[1].uid'),
      strict: () => ({ error: [fatal('evses[1].uid', 'invalid_type', 'required string is missing')] }),
      lenient: (base) => ({
        data: withoutEvse(base, 1),
        issues: [
          tolerated(
            'evses[1]',
            'invalid_type',
            'uid: required string is missing (list element dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      // Connectors are a required list: a broken connector breaks its EVSE, the EVSE is what is dropped,
      // and the path is the one the partner sent (the EVSE at index 0, before anything was dropped).
      deviation: 'missing required field of a connector (evses[0].connectors[1].standard)',
      input: (base) => without(base, 'evses[0].connectors[1].standard'),
      strict: () => ({
        error: [fatal('evses[0].connectors[1].standard', 'invalid_value', missingStandard)],
      }),
      lenient: (base) => ({
        data: withoutEvse(base, 0),
        issues: [
          tolerated(
            'evses[0]',
            'invalid_value',
            `connectors[1].standard: ${missingStandard} (list element dropped)`,
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'wrong type in an optional field',
      input: (base) => withValue(base, 'name', 42),
      strict: () => ({ error: [fatal('name', 'invalid_type', 'expected string, received number')] }),
      lenient: (base) => ({
        data: without(base, 'name'),
        issues: [
          tolerated(
            'name',
            'invalid_type',
            'expected string, received number (optional field dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'wrong type in an optional field of an EVSE',
      input: (base) => withValue(base, 'evses[0].floor_level', 3),
      strict: () => ({
        error: [fatal('evses[0].floor_level', 'invalid_type', 'expected string, received number')],
      }),
      lenient: (base) => ({
        data: without(base, 'evses[0].floor_level'),
        issues: [
          tolerated(
            'evses[0].floor_level',
            'invalid_type',
            'expected string, received number (optional field dropped)',
            'dropped',
          ),
        ],
      }),
    },
    {
      deviation: 'wrong type in a required field of the Location',
      input: (base) => withValue(base, 'address', 42),
      ...failsWith(fatal('address', 'invalid_type', 'expected string, received number')),
    },
    {
      deviation: 'wrong JSON type for the object',
      input: () => 'LOC1',
      ...failsWith(fatal('', 'invalid_type', 'expected object, received string')),
    },
  ];
}

const ISO_COUNTRY = 'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)';

const MODES: Mode[] = ['strict', 'lenient'];

/** The outcome of a parse, each issue as the table states it (no `segments`, `action` when there is one). */
function parse(version: Version, input: unknown, mode: Mode, unknownFields?: UnknownFields): Outcome {
  const options = { mode, subject: 'Location', ...(unknownFields && { unknownFields }) };
  const result = parsePayload(version.schema, input, options);
  const shape = (issue: ValidationIssue | LenientIssue): Issue => {
    const { path, code, message, fatal } = issue;
    return 'action' in issue
      ? { path, code, message, fatal, action: issue.action }
      : { path, code, message, fatal };
  };
  if (result.success) return { data: result.data, issues: result.issues.map(shape) };
  return { error: result.error.issues.map(shape) };
}

describe.each(VERSIONS)('the deviation table, OCPI $version Location', (version) => {
  it('starts from a spec example that parses strictly with no issue', () => {
    expect(parse(version, version.base(), 'strict')).toEqual({ data: version.base(), issues: [] });
  });

  describe.each(rows(version))('$deviation', (row) => {
    it.each(MODES)('%s', (mode) => {
      const base = version.base();
      const input = row.input(base);
      const before = structuredClone(input);
      expect(parse(version, input, mode, row.unknownFields)).toEqual(row[mode](base, input));
      // Whatever was dropped or repaired, the partner's payload is left as it came.
      expect(input).toEqual(before);
    });
  });
});
