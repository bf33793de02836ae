// Every JSON example file of the 2.2.1 spec, read at test time, parsed strictly with the schema of the
// object it shows. The table below names that schema for each file; the two examples the spec gets
// wrong are listed with the reason and must fail with exactly the issues named.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePayload } from '@org/ocpi';
import {
  CDRSchema,
  ConnectorPatchSchema,
  CredentialsSchema,
  DisplayTextSchema,
  EnergyMixSchema,
  EVSEPatchSchema,
  EVSESchema,
  HoursSchema,
  LocationPatchSchema,
  LocationSchema,
  OcpiResponseSchema,
  SessionPatchSchema,
  SessionSchema,
  TariffSchema,
  TokenPatchSchema,
  TokenSchema,
  VersionDetailsSchema,
  VersionSchema,
} from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { listExamples221, readExample221, readSpecFile, specDir } from '../support/spec';

interface ExampleEntry {
  /** The object the example shows. */
  shows: string;
  schema: z.ZodMiniType;
  /** For a fragment such as `{"energy_mix": {...}}`, included in the spec with a line range: its key. */
  key?: string;
  /** For a response envelope: the schema of its `data`, checked on its own as well. */
  data?: z.ZodMiniType;
}

const VersionListSchema = z.array(VersionSchema);
const TokenListSchema = z.array(TokenSchema);

const object = (shows: string, schema: z.ZodMiniType): ExampleEntry => ({ shows, schema });
const fragment = (shows: string, schema: z.ZodMiniType, key: string): ExampleEntry => ({
  shows,
  schema,
  key,
});
const envelope = (shows: string, data: z.ZodMiniType): ExampleEntry => ({
  shows: `response envelope of ${shows}`,
  schema: OcpiResponseSchema(data),
  data,
});

/** Every example file, and the schema of what it shows. */
const EXAMPLES: Record<string, ExampleEntry> = {
  'cdr_example.json': object('CDR', CDRSchema),
  'credentials_example.json': object('Credentials', CredentialsSchema),
  'credentials_example2.json': object('Credentials', CredentialsSchema),
  'credentials_example3.json': object('Credentials', CredentialsSchema),
  'credentials_example4.json': object('Credentials', CredentialsSchema),
  'location_energymix_example_complete.json': fragment('EnergyMix', EnergyMixSchema, 'energy_mix'),
  'location_energymix_example_energy_provider.json': fragment('EnergyMix', EnergyMixSchema, 'energy_mix'),
  'location_energymix_example_simple.json': fragment('EnergyMix', EnergyMixSchema, 'energy_mix'),
  'location_example.json': object('Location', LocationSchema),
  'location_example_parking_garage_opening_hours.json': object('Location', LocationSchema),
  'location_example_uc2_destination_charger.json': object('Location', LocationSchema),
  'location_example_uc3_destination_charger_not_published.json': object('Location', LocationSchema),
  'location_example_uc4_limited_visibility.json': object('Location', LocationSchema),
  'location_example_uc5_home_charge_point.json': object('Location', LocationSchema),
  'location_hours_247_open_exception_closing.json': object('Hours', HoursSchema),
  'location_hours_opening_hours_with_exceptional_closing.json': object('Hours', HoursSchema),
  'location_hours_opening_hours_with_exceptional_opening.json': object('Hours', HoursSchema),
  'location_patch_example_location.json': object('Location PATCH body', LocationPatchSchema),
  'location_patch_example_remove_evse.json': object('EVSE PATCH body', EVSEPatchSchema),
  'location_patch_example_status.json': object('EVSE PATCH body', EVSEPatchSchema),
  'location_patch_example_tariff.json': object('Connector PATCH body', ConnectorPatchSchema),
  'location_put_example_add_evse.json': object('EVSE PUT body', EVSESchema),
  'location_regularhours_example.json': fragment('Hours with RegularHours', HoursSchema, 'opening_times'),
  'session_example_1_simple_start.json': object('Session', SessionSchema),
  'session_example_2_short_finished.json': object('Session', SessionSchema),
  'session_patch_example_charging_period.json': object('Session PATCH body', SessionPatchSchema),
  'session_patch_example_total_cost.json': object('Session PATCH body', SessionPatchSchema),
  'tariff_10_025kwh_parking_start.json': object('Tariff', TariffSchema),
  'tariff_11_not_possible_alt_text.json': object('Tariff', TariffSchema),
  'tariff_12_025kwh_min_price.json': object('Tariff', TariffSchema),
  'tariff_13_simple_3hour_5parking.json': object('Tariff', TariffSchema),
  'tariff_14_step_size.json': object('Tariff', TariffSchema),
  'tariff_15_reservation_5_euro_per_hour.json': object('Tariff', TariffSchema),
  'tariff_16_reservation_2_euro_fee_5_euro_per_hour.json': object('Tariff', TariffSchema),
  'tariff_17_reservation_with_expire_fee.json': object('Tariff', TariffSchema),
  'tariff_18_reservation_with_expire_time.json': object('Tariff', TariffSchema),
  'tariff_1_simple_2hour.json': object('Tariff', TariffSchema),
  'tariff_2_alt_text.json': object('Tariff', TariffSchema),
  'tariff_3_alt_url.json': object('Tariff', TariffSchema),
  'tariff_4_complex.json': object('Tariff', TariffSchema),
  'tariff_5_free_of_charge.json': object('Tariff', TariffSchema),
  'tariff_6_025kwh_start_max_price.json': object('Tariff', TariffSchema),
  'tariff_8_simple_025kwh.json': object('Tariff', TariffSchema),
  'tariff_9_025kwh_start.json': object('Tariff', TariffSchema),
  'tariff_put_example.json': object('Tariff PUT body', TariffSchema),
  'tariffrestriction_example_max_duration.json': object('Tariff', TariffSchema),
  'tariffrestriction_example_max_power.json': object('Tariff', TariffSchema),
  'token_example_1_app_user.json': object('Token', TokenSchema),
  'token_example_2_full_rfid.json': object('Token', TokenSchema),
  'token_patch_example.json': object('Token PATCH body', TokenPatchSchema),
  'token_put_example.json': object('Token PUT body', TokenSchema),
  'transport_and_format_get_token_example.json': envelope('Token', TokenSchema),
  'transport_and_format_get_token_list_example.json': envelope('Token[]', TokenListSchema),
  'transport_and_format_version_details_example.json': envelope('version details', VersionDetailsSchema),
  'transport_and_format_version_info_example.json': envelope('Version[]', VersionListSchema),
  'type_displaytext_example.json': object('DisplayText', DisplayTextSchema),
  'version_details_example.json': object('version details', VersionDetailsSchema),
  'version_details_example2.json': object('version details', VersionDetailsSchema),
  'versions_info_example.json': object('Version[]', VersionListSchema),
};

interface SpecMistake {
  reason: string;
  /** The paths of every issue strict parsing must report, in order. */
  strictPaths: string[];
  /** Whether lenient parsing can read the example anyway, and if not the issues that stop it. */
  lenient: { succeeds: true } | { succeeds: false; fatalPaths: string[] };
  /** The errata hunk that corrects the example, when one does. */
  errata?: string;
}

/** The examples that contradict the spec's own tables. None of them is corrected by the errata. */
const SPEC_MISTAKES: Record<string, SpecMistake> = {
  'location_put_example_add_evse.json': {
    reason:
      'mod_locations.asciidoc "Example: add an EVSE" (line 358) still has the 2.1.1 shape: its Connector lacks ' +
      'power_type, max_voltage, max_amperage and last_updated (cardinality 1 in the Connector table), ' +
      'physical_reference is the number 3 where the EVSE table says string(16), and it sends "floor", which ' +
      'the EVSE table calls floor_level.',
    strictPaths: [
      'connectors[0].power_type',
      'connectors[0].max_voltage',
      'connectors[0].max_amperage',
      'connectors[0].last_updated',
      'physical_reference',
      'floor',
    ],
    lenient: {
      succeeds: false,
      fatalPaths: [
        'connectors[0].max_voltage',
        'connectors[0].max_amperage',
        'connectors[0].last_updated',
        'physical_reference',
      ],
    },
  },
  'tariff_put_example.json': {
    reason:
      'mod_tariffs.asciidoc "Example: New Tariff 2 euro per hour charging time" (line 213) has no ' +
      'last_updated, which the Tariff table gives cardinality 1 (every 2.2.1 object pushed carries it).',
    strictPaths: ['last_updated'],
    lenient: { succeeds: false, fatalPaths: ['last_updated'] },
  },
};

const files = Object.keys(EXAMPLES);
const validFiles = files.filter((file) => !(file in SPEC_MISTAKES));
const envelopeFiles = validFiles.filter((file) => EXAMPLES[file]?.data !== undefined);

function entry(file: string): ExampleEntry {
  const found = EXAMPLES[file];
  if (!found) throw new Error(`${file} is not in the table`);
  return found;
}

/** The value the example shows: the file itself, or the value under the fragment's key. */
function shownValue(file: string): unknown {
  const { key } = entry(file);
  const raw = readExample221(file);
  return key === undefined ? raw : (raw as Record<string, unknown>)[key];
}

describe('the table of 2.2.1 example files', () => {
  it('covers exactly the JSON files of the spec examples folder, none missing and none extra', () => {
    expect([...files].sort()).toEqual([...listExamples221()].sort());
    expect(files).toHaveLength(59);
  });

  it('covers exactly the files the 2.2.1 documents include, so none is left unread by the spec text', () => {
    const documents = readdirSync(resolve(specDir(), '2.2.1')).filter((name) => name.endsWith('.asciidoc'));
    const included = new Set(
      documents.flatMap((name) =>
        [...readSpecFile('2.2.1', name).matchAll(/^include::examples\/([^[\s]+\.json)\[/gm)].map(
          (match) => match[1],
        ),
      ),
    );
    expect([...included].sort()).toEqual([...files].sort());
  });

  it('lists as spec mistakes only files of the table, each with a reason', () => {
    for (const [file, mistake] of Object.entries(SPEC_MISTAKES)) {
      expect(files).toContain(file);
      expect(mistake.reason.length).toBeGreaterThan(40);
    }
  });

  it('takes from each fragment the only key it has', () => {
    const fragments = files.filter((file) => entry(file).key !== undefined);
    expect(fragments).toHaveLength(4);
    for (const file of fragments) {
      expect(Object.keys(readExample221(file) as object)).toEqual([entry(file).key]);
    }
  });

  it('finds no example corrected by the published errata, which change only spec text', () => {
    const errata = readFileSync(
      resolve(specDir(), 'errata', 'v2.2.1-d2..release-2.2.1-bugfixes.diff'),
      'utf8',
    );
    const changed = [...errata.matchAll(/^diff --git a\/(\S+)/gm)].map((match) => match[1]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((file) => file?.startsWith('examples/'))).toEqual([]);
    expect(Object.values(SPEC_MISTAKES).filter((mistake) => mistake.errata !== undefined)).toEqual([]);
  });
});

describe('2.2.1 spec examples, parsed strictly', () => {
  it.each(validFiles.map((file) => [file, entry(file).shows] as const))('%s is a valid %s', (file) => {
    const value = shownValue(file);
    const result = parsePayload(entry(file).schema, value, { mode: 'strict', subject: file });
    if (!result.success) expect.fail(result.error.message);
    expect(result.data).toEqual(value);
    expect(result.issues).toEqual([]);
  });

  it.each(envelopeFiles.map((file) => [file, entry(file).shows] as const))(
    'the data of %s is valid on its own (%s), with a success status',
    (file) => {
      const raw = readExample221(file) as { data: unknown; status_code: unknown };
      const dataSchema = entry(file).data as z.ZodMiniType;
      const result = parsePayload(dataSchema, raw.data, { mode: 'strict', subject: `${file} data` });
      if (!result.success) expect.fail(result.error.message);
      expect(raw.status_code).toBe(1000);
    },
  );

  it('checks the envelopes against the right data: a Token list is not a Token', () => {
    const list = readExample221('transport_and_format_get_token_list_example.json');
    const single = readExample221('transport_and_format_get_token_example.json');
    expect(OcpiResponseSchema(TokenSchema).safeParse(list).success).toBe(false);
    expect(OcpiResponseSchema(TokenListSchema).safeParse(single).success).toBe(false);
  });
});

describe('2.2.1 spec examples that contradict the spec', () => {
  it.each(Object.entries(SPEC_MISTAKES))(
    '%s fails strictly with exactly the known issues',
    (file, mistake) => {
      const result = parsePayload(entry(file).schema, shownValue(file), { mode: 'strict', subject: file });
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map((issue) => issue.path)).toEqual(mistake.strictPaths);
    },
  );

  it.each(Object.entries(SPEC_MISTAKES))('%s is read leniently only if it can be', (file, mistake) => {
    const result = parsePayload(entry(file).schema, shownValue(file), { mode: 'lenient', subject: file });
    expect(result.success).toBe(mistake.lenient.succeeds);
    if (result.success || mistake.lenient.succeeds) return;
    expect(result.error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(mistake.lenient.fatalPaths),
    );
  });
});
