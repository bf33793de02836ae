import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as v211 from '../../../src/v211';
import * as v221 from '../../../src/v221';
import { issuesOf } from '../../support/issues';
import {
  asciidocJsonBlocks,
  describeWithSpec,
  fencedJsonBlocks,
  readExample221,
  readSpecFile,
} from '../../support/spec';

const examples221 = () => [
  ...[
    'transport_and_format_version_info_example.json',
    'transport_and_format_version_details_example.json',
    'transport_and_format_get_token_example.json',
    'transport_and_format_get_token_list_example.json',
  ].map((name) => ({ name, value: readExample221(name) })),
  ...asciidocJsonBlocks(readSpecFile('2.2.1', 'transport_and_format.asciidoc')).map((value, index) => ({
    name: `inline block ${index + 1}`,
    value,
  })),
];
const examples211 = () =>
  fencedJsonBlocks(readSpecFile('2.1.1', 'transport_and_format.md')).map(({ heading, value }) => ({
    name: heading,
    value,
  }));

describe.each([
  { version: '2.1.1', api: v211, examples: examples211, expectedExamples: 5 },
  { version: '2.2.1', api: v221, examples: examples221, expectedExamples: 5 },
])('response envelope ($version)', ({ api, examples, expectedExamples }) => {
  describeWithSpec('the examples of the transport section', () => {
    const read = examples();

    it('reads every response example of the transport section', () => {
      expect(read).toHaveLength(expectedExamples);
    });

    it.each(read)('parses the spec example "$name" strictly', ({ value }) => {
      expect(issuesOf(api.OcpiResponseEnvelopeSchema, value)).toEqual([]);
    });
  });

  it('validates data with the endpoint schema and locates issues under data', () => {
    const schema = api.OcpiResponseSchema(z.array(api.DisplayTextSchema));
    const body = {
      data: [
        { language: 'en', text: 'ok' },
        { language: 'en', text: 1 },
      ],
      status_code: 1000,
      timestamp: '2015-06-30T21:59:59Z',
    };
    expect(issuesOf(schema, body)).toEqual([
      { path: 'data[1].text', message: 'expected string, received number' },
    ]);
  });

  it('requires data when the data schema does, and allows it absent with z.optional', () => {
    const envelope = { status_code: 1000, timestamp: '2015-06-30T21:59:59Z' };
    expect(issuesOf(api.OcpiResponseSchema(api.DisplayTextSchema), envelope)).toEqual([
      { path: 'data', message: 'required object is missing' },
    ]);
    expect(issuesOf(api.OcpiResponseSchema(z.optional(api.DisplayTextSchema)), envelope)).toEqual([]);
  });

  it('refuses a missing timestamp, an offset timestamp, a fractional status code and unknown fields', () => {
    expect(
      issuesOf(api.OcpiResponseEnvelopeSchema, {
        status_code: 1000.5,
        timestamp: '2015-06-30T21:59:59+01:00',
        x: 1,
      }),
    ).toEqual([
      { path: 'status_code', message: 'expected int, received number' },
      { path: 'timestamp', message: expect.stringContaining('UTC timestamp') },
      { path: 'x', message: 'unknown field' },
    ]);
  });

  it('refuses status codes outside the defined ranges', () => {
    for (const status_code of [0, 200, 999, 5000]) {
      expect(
        issuesOf(api.OcpiResponseEnvelopeSchema, { status_code, timestamp: '2015-06-30T21:59:59Z' }),
      ).toEqual([
        { path: 'status_code', message: 'must be an OCPI status code in a range this version defines' },
      ]);
    }
  });
});

describe('version differences in the envelope', () => {
  const hubError = { status_code: 4001, timestamp: '2015-06-30T21:59:59Z' };

  it('knows 4xxx hub errors in 2.2.1 only', () => {
    expect(v221.OcpiResponseEnvelopeSchema.safeParse(hubError).success).toBe(true);
    expect(v211.OcpiResponseEnvelopeSchema.safeParse(hubError).success).toBe(false);
  });

  it('takes a UTF-8 status message in 2.2.1 and only ASCII in 2.1.1', () => {
    const body = {
      status_code: 2001,
      status_message: 'Feld fehlt: Straße',
      timestamp: '2015-06-30T21:59:59Z',
    };
    expect(v221.OcpiResponseEnvelopeSchema.safeParse(body).success).toBe(true);
    expect(issuesOf(v211.OcpiResponseEnvelopeSchema, body)).toEqual([
      { path: 'status_message', message: 'must contain only printable ASCII characters' },
    ]);
  });
});
