// Every inline JSON example of the 2.1.1 spec, read at test time from the markdown as corrected by the
// published errata, parsed strictly with the schema of the object it shows. The table below names, for
// each block (file and index, checked against its heading), that schema and how to take the value out:
// the block itself, the body after a `PATCH To URL:` line, or a fragment wrapped in braces. The examples
// the spec gets wrong are listed with the reason and must fail with exactly the issues named.
import { type Operation, parsePayload } from '@org/ocpi';
import {
  CDRSchema,
  CredentialsSchema,
  EnergyMixSchema,
  HoursSchema,
  LocationSchema,
  LocationsOperations,
  OcpiResponseEnvelopeSchema,
  OcpiResponseSchema,
  SessionSchema,
  SessionsOperations,
  TariffSchema,
  TariffsOperations,
  TokenSchema,
  TokensOperations,
  VersionDetailsSchema,
  VersionSchema,
} from '@org/ocpi/v211';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { correctedSpecFile } from '../../scripts/codegen/errata';
import { fromSpec, specDir } from '../support/spec';
import {
  type Extraction,
  extract,
  jsonBlock211,
  jsonBlocks211,
  matchesTemplate,
  pathBelowModule,
  specFiles211,
} from '../support/v211-spec';
import { withoutPlace } from '../support/v221-payloads';

interface ExampleEntry {
  /** The heading the block stands under, so that an index pointing elsewhere is caught. */
  heading: string;
  /** The object the example shows. */
  shows: string;
  schema: z.ZodMiniType;
  extract: Extraction;
  /** For a request example: the operation it calls, whose path its URL must fill and whose body it is. */
  operation?: Operation;
  /** For a response envelope: the schema of its `data`, checked on its own as well. */
  data?: z.ZodMiniType;
}

const VersionListSchema = z.array(VersionSchema);
const TokenListSchema = z.array(TokenSchema);

const object = (heading: string, shows: string, schema: z.ZodMiniType): ExampleEntry => ({
  heading,
  shows,
  schema,
  extract: { from: 'body' },
});
const fragment = (heading: string, shows: string, schema: z.ZodMiniType, key: string): ExampleEntry => ({
  heading,
  shows,
  schema,
  extract: { from: 'fragment', key },
});
/** A request example: the body after its request line, the request schema of the operation it calls. */
const request = (heading: string, shows: string, operation: Operation): ExampleEntry => {
  if (!operation.request) throw new Error(`${shows}: the operation takes no body`);
  return {
    heading,
    shows,
    schema: operation.request,
    extract: { from: 'request', method: operation.method },
    operation,
  };
};
const envelope = (heading: string, shows: string, data: z.ZodMiniType): ExampleEntry => ({
  heading,
  shows: `response envelope of ${shows}`,
  schema: OcpiResponseSchema(data),
  extract: { from: 'body' },
  data,
});

const { emsp: locationsEmsp } = LocationsOperations;

/** Every ```json block of the 2.1.1 spec, by `file#index`, and what it shows. */
const EXAMPLES: Record<string, ExampleEntry> = {
  'credentials.md#0': object('Example', 'Credentials', CredentialsSchema),
  'mod_cdrs.md#0': object('Example of a CDR', 'CDR', CDRSchema),
  'mod_locations.md#0': request(
    'Example: a simple status update',
    'EVSE PATCH body',
    locationsEmsp.patchEvse,
  ),
  'mod_locations.md#1': request(
    'Example: change the location name',
    'Location PATCH body',
    locationsEmsp.patchLocation,
  ),
  'mod_locations.md#2': request(
    'Example: set tariff update',
    'Connector PATCH body',
    locationsEmsp.patchConnector,
  ),
  'mod_locations.md#3': request('Example: add an EVSE', 'EVSE PUT body', locationsEmsp.putEvse),
  'mod_locations.md#4': request('Example: delete an EVSE', 'EVSE PATCH body', locationsEmsp.patchEvse),
  'mod_locations.md#5': object('Example', 'Location', LocationSchema),
  'mod_locations.md#6': fragment('Simple:', 'EnergyMix', EnergyMixSchema, 'energy_mix'),
  'mod_locations.md#7': fragment('Tariff name based:', 'EnergyMix', EnergyMixSchema, 'energy_mix'),
  'mod_locations.md#8': fragment('Complete:', 'EnergyMix', EnergyMixSchema, 'energy_mix'),
  'mod_locations.md#9': fragment('4.19.1 Example', 'Hours with RegularHours', HoursSchema, 'opening_times'),
  'mod_sessions.md#0': request(
    'Example: update the total cost',
    'Session PATCH body',
    SessionsOperations.emsp.patchSession,
  ),
  'mod_sessions.md#1': object('Simple Session example of a just starting session', 'Session', SessionSchema),
  'mod_sessions.md#2': object('Simple Session example of a short finished session', 'Session', SessionSchema),
  'mod_tariffs.md#0': request(
    'Example: New Tariff 2 euro per hour',
    'Tariff PUT body',
    TariffsOperations.emsp.putTariff,
  ),
  'mod_tariffs.md#1': {
    // Under "2.2.3 PATCH Method", but its request line says PUT: the body is a partial Tariff.
    ...request('Example: Change Tariff to 2,50', 'Tariff PATCH body', TariffsOperations.emsp.patchTariff),
    extract: { from: 'request', method: 'PUT' },
  },
  'mod_tariffs.md#2': object('Simple Tariff example 2 euro per hour', 'Tariff', TariffSchema),
  'mod_tariffs.md#3': object(
    'Simple Tariff example with alternative multi language text',
    'Tariff',
    TariffSchema,
  ),
  'mod_tariffs.md#4': object('Simple Tariff example with alternative URL', 'Tariff', TariffSchema),
  'mod_tariffs.md#5': object('Complex Tariff example', 'Tariff', TariffSchema),
  'mod_tariffs.md#6': object('Free of Charge Tariff example', 'Tariff', TariffSchema),
  'mod_tokens.md#0': request('Example: put a new Token', 'Token PUT body', TokensOperations.cpo.putToken),
  'mod_tokens.md#1': request(
    'Example: invalidate a Token',
    'Token PATCH body',
    TokensOperations.cpo.patchToken,
  ),
  'mod_tokens.md#2': object('Example', 'Token', TokenSchema),
  'transport_and_format.md#0': envelope(
    'Example: Version information response (list of objects)',
    'Version[]',
    VersionListSchema,
  ),
  'transport_and_format.md#1': envelope(
    'Example: Version details response (one object)',
    'version details',
    VersionDetailsSchema,
  ),
  'transport_and_format.md#2': envelope(
    'Example: Tokens GET Response with one Token object. (CPO end-point) (one object)',
    'Token',
    TokenSchema,
  ),
  'transport_and_format.md#3': envelope(
    'Example: Tokens GET Response with list of Token objects. (eMSP end-point) (list of objects)',
    'Token[]',
    TokenListSchema,
  ),
  'transport_and_format.md#4': object(
    'Example: Response with an error (contains no data field)',
    'error response envelope, without data',
    OcpiResponseEnvelopeSchema,
  ),
  'version_information_endpoint.md#0': object('Example', 'Version[]', VersionListSchema),
  'version_information_endpoint.md#1': object('Example', 'version details', VersionDetailsSchema),
};

interface SpecMistake {
  reason: string;
  /** The paths of every issue strict parsing must report, in order. */
  strictPaths: string[];
  /**
   * Whether lenient parsing can read the example anyway, and the paths of what it then keeps as sent or
   * leaves out (`dropped`: an optional field or an element of an optional list that cannot be kept), or
   * of every issue it reports when it cannot, those that made it fail (`fatal`) first, then those it
   * would have dropped (`dropped`).
   */
  lenient: { succeeds: boolean; paths: string[]; dropped?: string[] };
  /**
   * The errata hunk that corrects part of the block, and what the tagged (uncorrected) text gave:
   * no JSON at all, or these strict issue paths.
   */
  errata?: { hunk: string; tagged: { json: false } | { strictPaths: string[] } };
}

/** The examples that contradict the spec's own tables, even with the errata applied. */
const SPEC_MISTAKES: Record<string, SpecMistake> = {
  'mod_cdrs.md#0': {
    reason:
      'mod_cdrs.md "Example of a CDR" (line 249) gives the embedded Tariff a PriceComponent price of "2.00", ' +
      'a string, where the PriceComponent table (mod_tariffs.md 4.2) says decimal: a JSON number. Its ' +
      'Location has the country "BE", an alpha-2 code, where the Location table (mod_locations.md 3.1) ' +
      'asks for ISO 3166-1 alpha-3 ("BEL").',
    strictPaths: ['location.country', 'tariffs[0].elements[0].price_components[0].price'],
    // The country is kept as sent; the Tariff with the string price, an element of the optional
    // `tariffs`, is left out and the CDR kept.
    lenient: {
      succeeds: true,
      paths: ['location.country', 'tariffs[0]'],
      dropped: ['tariffs[0]'],
    },
    errata: {
      hunk: 'mod_cdrs.md @@ -292: removes the trailing comma after price_components, so the block is JSON',
      tagged: { json: false },
    },
  },
  'mod_locations.md#3': {
    reason:
      'mod_locations.md "Example: add an EVSE" (line 328): its Connector lacks power_type, voltage, amperage ' +
      'and last_updated (cardinality 1 in the Connector table, 3.3), floor_level is the number -1 and ' +
      'physical_reference the number 3 where the EVSE table (3.2) says string(4) and string(16), and the ' +
      'EVSE has no last_updated (cardinality 1).',
    strictPaths: [
      'connectors[0].power_type',
      'connectors[0].voltage',
      'connectors[0].amperage',
      'connectors[0].last_updated',
      'floor_level',
      'physical_reference',
      'last_updated',
    ],
    // The missing required fields fail it first; the numbers in the optional floor_level and
    // physical_reference, which alone would be dropped, come after them.
    lenient: {
      succeeds: false,
      paths: [
        'connectors[0].power_type',
        'connectors[0].voltage',
        'connectors[0].amperage',
        'connectors[0].last_updated',
        'last_updated',
        'floor_level',
        'physical_reference',
      ],
      dropped: ['floor_level', 'physical_reference'],
    },
    errata: {
      hunk: 'mod_locations.md @@ -342: renames "floor" to "floor_level", leaving its value a number',
      tagged: {
        strictPaths: [
          'connectors[0].power_type',
          'connectors[0].voltage',
          'connectors[0].amperage',
          'connectors[0].last_updated',
          'physical_reference',
          'last_updated',
          'floor',
        ],
      },
    },
  },
  'mod_sessions.md#1': {
    reason:
      'mod_sessions.md "Simple Session example of a just starting session" gives its Location the country ' +
      '"BE", an alpha-2 code, where the Location table (mod_locations.md 3.1) asks for ISO 3166-1 alpha-3.',
    strictPaths: ['location.country'],
    lenient: { succeeds: true, paths: ['location.country'] },
  },
  'mod_sessions.md#2': {
    reason:
      'mod_sessions.md "Simple Session example of a short finished session" gives its Location the country ' +
      '"BE", an alpha-2 code, where the Location table (mod_locations.md 3.1) asks for ISO 3166-1 alpha-3.',
    strictPaths: ['location.country'],
    lenient: { succeeds: true, paths: ['location.country'] },
  },
  'mod_tariffs.md#0': {
    reason:
      'mod_tariffs.md "Example: New Tariff 2 euro per hour" (line 186) PUTs a Tariff without last_updated, ' +
      'which the Tariff table (3.1) gives cardinality 1; a PUT carries the whole object.',
    strictPaths: ['last_updated'],
    lenient: { succeeds: false, paths: ['last_updated'] },
  },
};

const keys = Object.keys(EXAMPLES);
const validKeys = keys.filter((key) => !(key in SPEC_MISTAKES));
const envelopeKeys = validKeys.filter((key) => EXAMPLES[key]?.data !== undefined);
const requestKeys = keys.filter((key) => EXAMPLES[key]?.operation !== undefined);

function entry(key: string): ExampleEntry {
  const found = EXAMPLES[key];
  if (!found) throw new Error(`${key} is not in the table`);
  return found;
}

function blockOf(key: string, options: { tagged?: boolean } = {}) {
  const [file = '', index = ''] = key.split('#');
  return jsonBlock211(file, Number(index), options);
}

/** The value the example shows, taken out of the corrected text as its entry says. */
function shownValue(key: string): unknown {
  return extract(blockOf(key), entry(key).extract).value;
}

/** The module identifier of a spec file: `locations` for `mod_locations.md`. */
const moduleOf = (key: string) => /^mod_(\w+)\.md#/.exec(key)?.[1] ?? '';

describe('the table of 2.1.1 inline JSON examples', () => {
  const blocks = fromSpec(() => specFiles211().flatMap((file) => jsonBlocks211(file)));

  it('covers every ```json block of every 2.1.1 markdown file, none missing and none extra', () => {
    expect(
      blocks()
        .map(({ file, index }) => `${file}#${index}`)
        .sort(),
    ).toEqual([...keys].sort());
    expect(keys).toHaveLength(32);
  });

  it('finds as many blocks per file as a plain count of ```json in the corrected text, 32 in all', () => {
    // Counted anywhere in a line, so a fence the block reader would not open (indented, or with text
    // after it) makes the two counts differ.
    const counted: Record<string, number> = {};
    for (const file of specFiles211()) {
      const fences = correctedSpecFile(specDir(), '2.1.1', file).match(/```json/g)?.length ?? 0;
      if (fences > 0) counted[file] = fences;
    }
    const found: Record<string, number> = {};
    for (const { file } of blocks()) found[file] = (found[file] ?? 0) + 1;
    expect(found).toEqual(counted);
    expect(Object.values(counted).reduce((sum, count) => sum + count, 0)).toBe(32);
    expect(blocks()).toHaveLength(32);
  });

  it('points each entry at the block under the heading it names, the nearest one above its fence', () => {
    expect(blocks().map((block) => `${block.file}#${block.index} ${block.heading}`)).toEqual(
      blocks().map(
        (block) => `${block.file}#${block.index} ${entry(`${block.file}#${block.index}`).heading}`,
      ),
    );
    // The heading found again by looking up from the fence, apart from the reader's forward pass.
    for (const block of blocks()) {
      const above = correctedSpecFile(specDir(), '2.1.1', block.file)
        .split('\n')
        .slice(0, block.line - 1);
      const heading = above.reverse().find((line) => line.startsWith('#'));
      expect(heading?.replace(/^#+\s*/, '').trim(), `${block.file}#${block.index}`).toBe(block.heading);
    }
  });

  it('takes each value out the way its entry says, and no other way', () => {
    for (const key of keys) {
      const { extract: how } = entry(key);
      const block = blockOf(key);
      expect(() => extract(block, how)).not.toThrow();
      const others: Extraction[] = [
        { from: 'body' },
        { from: 'request', method: 'PUT' },
        { from: 'fragment', key: 'energy_mix' },
      ];
      for (const other of others.filter((candidate) => candidate.from !== how.from)) {
        expect(() => extract(block, other), `${key} read as ${other.from}`).toThrow();
      }
    }
  });

  it('sends each request example to the operation it is mapped to: method, URL path and body schema', () => {
    expect(requestKeys).toHaveLength(10);
    for (const key of requestKeys) {
      const { operation, schema, extract: how } = entry(key);
      const { request } = extract(blockOf(key), how);
      expect(schema).toBe(operation?.request);
      expect(request?.method).toBe(how.from === 'request' ? how.method : undefined);
      // Only "Change Tariff to 2,50" announces another method than the operation it shows (see below).
      expect(request?.method).toBe(key === 'mod_tariffs.md#1' ? 'PUT' : operation?.method);
      const path = pathBelowModule(request?.url ?? '', moduleOf(key));
      expect(matchesTemplate(path, operation?.path ?? ''), `${key}: ${path}`).toBe(true);
    }
  });

  it('finds the request line of "Change Tariff to 2,50" saying PUT, in the PATCH section', () => {
    const { request } = extract(blockOf('mod_tariffs.md#1'), { from: 'request', method: 'PUT' });
    expect(request?.method).toBe('PUT');
    expect(TariffsOperations.emsp.patchTariff.method).toBe('PATCH');
    expect(
      parsePayload(TariffSchema, shownValue('mod_tariffs.md#1'), { mode: 'strict', subject: 'PUT' }),
    ).toMatchObject({ success: false });
  });

  it('lists as spec mistakes only entries of the table, each with a reason', () => {
    for (const [key, mistake] of Object.entries(SPEC_MISTAKES)) {
      expect(keys).toContain(key);
      expect(mistake.reason.length).toBeGreaterThan(40);
    }
  });
});

describe('2.1.1 spec examples, parsed strictly', () => {
  it.each(validKeys.map((key) => [key, entry(key).shows] as const))('%s is a valid %s', (key) => {
    const value = shownValue(key);
    const result = parsePayload(entry(key).schema, value, { mode: 'strict', subject: key });
    if (!result.success) expect.fail(result.error.message);
    expect(result.data).toEqual(value);
    expect(result.issues).toEqual([]);
  });

  it.each(envelopeKeys.map((key) => [key, entry(key).shows] as const))(
    'the data of %s is valid on its own (%s), with a success status',
    (key) => {
      const raw = shownValue(key) as { data: unknown; status_code: unknown };
      const dataSchema = entry(key).data as z.ZodMiniType;
      const result = parsePayload(dataSchema, raw.data, { mode: 'strict', subject: `${key} data` });
      if (!result.success) expect.fail(result.error.message);
      expect(raw.status_code).toBe(1000);
    },
  );
});

describe('2.1.1 spec examples that contradict the spec', () => {
  it.each(Object.entries(SPEC_MISTAKES))(
    '%s fails strictly with exactly the known issues',
    (key, mistake) => {
      const result = parsePayload(entry(key).schema, shownValue(key), { mode: 'strict', subject: key });
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map((issue) => issue.path)).toEqual(mistake.strictPaths);
    },
  );

  it.each(Object.entries(SPEC_MISTAKES))('%s is read leniently only if it can be', (key, mistake) => {
    const value = shownValue(key);
    const result = parsePayload(entry(key).schema, value, { mode: 'lenient', subject: key });
    const outcome = result.success
      ? { succeeds: true, paths: result.issues.map((issue) => issue.path) }
      : { succeeds: false, paths: result.error.issues.map((issue) => issue.path) };
    expect(outcome).toEqual({ succeeds: mistake.lenient.succeeds, paths: mistake.lenient.paths });
    const dropped = mistake.lenient.dropped ?? [];
    if (result.success) {
      expect(result.issues.map((issue) => issue.action)).toEqual(
        mistake.lenient.paths.map((path) => (dropped.includes(path) ? 'dropped' : 'kept')),
      );
      expect(result.data).toEqual(dropped.reduce(withoutPlace, value));
    } else {
      expect(result.error.issues.map((issue) => issue.fatal)).toEqual(
        mistake.lenient.paths.map((path) => !dropped.includes(path)),
      );
    }
  });

  it('takes the version "1.9" of the versions envelope: a versions list may name any version', () => {
    const { data } = shownValue('transport_and_format.md#0') as { data: unknown };
    const result = parsePayload(VersionListSchema, data, { mode: 'strict', subject: 'Version[]' });
    expect(result).toMatchObject({ success: true, issues: [] });
    expect(result.success && result.data.map(({ version }) => version)).toContain('1.9');
  });

  it('parses the error response, which has no data, only with the envelope that lets data out', () => {
    const error = shownValue('transport_and_format.md#4');
    expect(error).not.toHaveProperty('data');
    expect(error).toMatchObject({ status_code: 2001 });
    const result = parsePayload(OcpiResponseSchema(TokenSchema), error, { mode: 'strict', subject: 'error' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path)).toEqual(['data']);
  });
});

describe('the published 2.1.1 errata and the examples', () => {
  const changed = fromSpec(() =>
    specFiles211()
      .flatMap((file) => {
        const tagged = jsonBlocks211(file, { tagged: true });
        return jsonBlocks211(file).filter((block, index) => block.text !== tagged[index]?.text);
      })
      .map(({ file, index }) => `${file}#${index}`),
  );
  const corrected = Object.entries(SPEC_MISTAKES).filter(([, mistake]) => mistake.errata !== undefined);

  it('correct two examples, both still wrong after the correction, and name them in the list', () => {
    expect(changed()).toEqual(['mod_cdrs.md#0', 'mod_locations.md#3']);
    expect(corrected.map(([key]) => key)).toEqual(changed());
  });

  it.each(corrected)('%s as tagged gives what its errata entry says', (key, mistake) => {
    const tagged = blockOf(key, { tagged: true });
    const expected = mistake.errata?.tagged;
    if (expected && 'strictPaths' in expected) {
      const value = extract(tagged, entry(key).extract).value;
      const result = parsePayload(entry(key).schema, value, { mode: 'strict', subject: key });
      expect(result.success ? [] : result.error.issues.map((issue) => issue.path)).toEqual(
        expected.strictPaths,
      );
    } else {
      expect(() => extract(tagged, entry(key).extract)).toThrow(SyntaxError);
    }
  });
});
