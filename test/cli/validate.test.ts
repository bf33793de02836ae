// `ocpi validate`: the spec's examples of both versions valid with their object detected, deliberately
// broken payloads reported by path and message in strict and lenient mode, stdin, NDJSON, envelopes,
// globs, --format json, and the exit codes. Run in process; one file run spawned, as a user runs it (a
// run from stdin is spawned in main.test.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runCli, runCliInProcess } from '../support/run-cli';
import { describeWithSpec, readExample221, specDir } from '../support/spec';
import { readExample211 } from '../support/v211-spec';

interface JsonReport {
  files: {
    file: string;
    format: string;
    detected?: {
      version: string;
      object: string;
      certain: boolean;
      alternatives: { version: string; object: string }[];
    };
    objects: number;
    valid: number;
    failed: boolean;
    issues: { path: string; message: string; fatal: boolean; line?: number }[];
    unreadable: { message: string; line?: number; column?: number }[];
  }[];
  total: { files: number; objects: number; valid: number; issues: number };
}

// A spawned run takes a second or more on a busy machine, and the examples of both versions are many.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocpi-validate-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, value: unknown) => {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return name;
};
const validate = (args: string[], input?: string) =>
  runCliInProcess(['validate', ...args], { cwd: dir, ...(input !== undefined && { input }) });
const validateSpawned = (args: string[]) => runCli(['validate', ...args], { cwd: dir });

// The 2.2.1 example files that show one object or a list of them (alone or in a response envelope),
// and the object each shows. Left out: PATCH bodies, fragments, and the two examples the spec gets wrong
// (test/v221/examples.test.ts).
const EXAMPLES_221: Record<string, string> = {
  'cdr_example.json': 'CDR',
  'credentials_example.json': 'Credentials',
  'credentials_example2.json': 'Credentials',
  'credentials_example3.json': 'Credentials',
  'credentials_example4.json': 'Credentials',
  'location_example.json': 'Location',
  'location_example_parking_garage_opening_hours.json': 'Location',
  'location_example_uc2_destination_charger.json': 'Location',
  'location_example_uc3_destination_charger_not_published.json': 'Location',
  'location_example_uc4_limited_visibility.json': 'Location',
  'location_example_uc5_home_charge_point.json': 'Location',
  'location_hours_247_open_exception_closing.json': 'Hours',
  'location_hours_opening_hours_with_exceptional_closing.json': 'Hours',
  'location_hours_opening_hours_with_exceptional_opening.json': 'Hours',
  'session_example_1_simple_start.json': 'Session',
  'session_example_2_short_finished.json': 'Session',
  ...Object.fromEntries(
    [
      'tariff_10_025kwh_parking_start.json',
      'tariff_11_not_possible_alt_text.json',
      'tariff_12_025kwh_min_price.json',
      'tariff_13_simple_3hour_5parking.json',
      'tariff_14_step_size.json',
      'tariff_15_reservation_5_euro_per_hour.json',
      'tariff_16_reservation_2_euro_fee_5_euro_per_hour.json',
      'tariff_17_reservation_with_expire_fee.json',
      'tariff_18_reservation_with_expire_time.json',
      'tariff_1_simple_2hour.json',
      'tariff_2_alt_text.json',
      'tariff_3_alt_url.json',
      'tariff_4_complex.json',
      'tariff_5_free_of_charge.json',
      'tariff_6_025kwh_start_max_price.json',
      'tariff_8_simple_025kwh.json',
      'tariff_9_025kwh_start.json',
      'tariffrestriction_example_max_duration.json',
      'tariffrestriction_example_max_power.json',
    ].map((file) => [file, 'Tariff']),
  ),
  'token_example_1_app_user.json': 'Token',
  'token_example_2_full_rfid.json': 'Token',
  'token_put_example.json': 'Token',
  'transport_and_format_get_token_example.json': 'Token',
  'transport_and_format_get_token_list_example.json': 'Token',
  'transport_and_format_version_details_example.json': 'VersionDetails',
  'transport_and_format_version_info_example.json': 'Version',
  'type_displaytext_example.json': 'DisplayText',
  'version_details_example.json': 'VersionDetails',
  'version_details_example2.json': 'VersionDetails',
  'versions_info_example.json': 'Version',
};

// The 2.1.1 examples (```json blocks of the markdown, as corrected by the errata) that show an object, a
// list or an envelope, and the object each shows; the ones the spec gets wrong are left out
// (test/v211/examples.test.ts).
const EXAMPLES_211: Record<string, [file: string, index: number, object: string]> = {
  'credentials.json': ['credentials.md', 0, 'Credentials'],
  'location.json': ['mod_locations.md', 5, 'Location'],
  'tariff-2.json': ['mod_tariffs.md', 2, 'Tariff'],
  'tariff-3.json': ['mod_tariffs.md', 3, 'Tariff'],
  'tariff-4.json': ['mod_tariffs.md', 4, 'Tariff'],
  'tariff-5.json': ['mod_tariffs.md', 5, 'Tariff'],
  'tariff-6.json': ['mod_tariffs.md', 6, 'Tariff'],
  'token.json': ['mod_tokens.md', 2, 'Token'],
  'envelope-versions.json': ['transport_and_format.md', 0, 'Version'],
  'envelope-version-details.json': ['transport_and_format.md', 1, 'VersionDetails'],
  'envelope-token.json': ['transport_and_format.md', 2, 'Token'],
  'envelope-tokens.json': ['transport_and_format.md', 3, 'Token'],
  'versions.json': ['version_information_endpoint.md', 0, 'Version'],
  'version-details.json': ['version_information_endpoint.md', 1, 'VersionDetails'],
};

// The detected version, or the version among the equally good alternatives (Version, DisplayText... are
// alike in both versions: either reading is right).
function versionsOf(detected: NonNullable<JsonReport['files'][number]['detected']>): string[] {
  return [
    detected.version,
    ...detected.alternatives
      .filter((other) => other.object === detected.object)
      .map((other) => other.version),
  ];
}

describeWithSpec('ocpi validate: the spec examples', () => {
  it('finds every 2.2.1 example valid, each detected as the object it shows, and exits 0', async () => {
    const examples = join(specDir(), '2.2.1', 'examples');
    const files = Object.keys(EXAMPLES_221).map((file) => join(examples, file));
    const run = await validate(['--format', 'json', ...files]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    for (const file of report.files) {
      const name = file.file.slice(examples.length + 1);
      expect({ name, object: file.detected?.object, failed: file.failed, issues: file.issues }).toEqual({
        name,
        object: EXAMPLES_221[name],
        failed: false,
        issues: [],
      });
      expect(versionsOf(file.detected as NonNullable<typeof file.detected>), name).toContain('2.2.1');
      expect(file.valid, name).toBe(file.objects);
    }
    expect(report.files).toHaveLength(Object.keys(EXAMPLES_221).length);
    expect(run.status).toBe(0);
  });

  it('finds every 2.1.1 example valid, each detected as the object it shows, and exits 0', async () => {
    for (const [name, [file, index]] of Object.entries(EXAMPLES_211)) {
      write(name, readExample211(file, index, { from: 'body' }));
    }
    const run = await validate(['--format', 'json', ...Object.keys(EXAMPLES_211)]);
    const report = JSON.parse(run.stdout) as JsonReport;
    for (const file of report.files) {
      const expected = EXAMPLES_211[file.file]?.[2];
      expect({
        name: file.file,
        object: file.detected?.object,
        failed: file.failed,
        issues: file.issues,
      }).toEqual({
        name: file.file,
        object: expected,
        failed: false,
        issues: [],
      });
      expect(versionsOf(file.detected as NonNullable<typeof file.detected>), file.file).toContain('2.1.1');
    }
    expect(report.files).toHaveLength(Object.keys(EXAMPLES_211).length);
    expect(run.status).toBe(0);
  });

  it('says how sure it is: certain of a 2.2.1 Location, only likely of a Version list either version reads', async () => {
    const examples = join(specDir(), '2.2.1', 'examples');
    const run = await validate([
      join(examples, 'location_example.json'),
      join(examples, 'versions_info_example.json'),
    ]);
    expect(run.stdout).toContain('location_example.json: detected 2.2.1 Location (certain)');
    expect(run.stdout).toContain(
      'versions_info_example.json: detected 2.2.1 Version (likely: 1.00; also 2.1.1 Version)',
    );
    expect(run.status).toBe(0);
  });

  it('checks a 2.1.1 error envelope without data on its own, and the version-specific status codes', async () => {
    write('error-envelope.json', readExample211('transport_and_format.md', 4, { from: 'body' }));
    const ok = await validate(['--version', '2.1.1', 'error-envelope.json']);
    expect(ok.stdout).toContain('error-envelope.json: valid: 0 objects, 0 valid, 0 issues');
    expect(ok.status).toBe(0);
  });
});

describeWithSpec('ocpi validate: broken payloads', () => {
  const location = () =>
    readExample221('location_example.json') as Record<string, unknown> & { evses: Record<string, unknown>[] };
  const brokenLocation = () => {
    const broken = location();
    (broken.evses[0] as Record<string, unknown>).status = 'BROKEN';
    delete broken.country_code;
    broken.name = 'x'.repeat(300);
    broken.last_updated = 'yesterday';
    return broken;
  };
  const ENUM =
    'must be one of "AVAILABLE", "BLOCKED", "CHARGING", "INOPERATIVE", "OUTOFORDER", "PLANNED", "REMOVED", "RESERVED", "UNKNOWN"';
  const TIMESTAMP = 'must be a UTC timestamp like 2015-06-29T20:39:09Z (no offset, at most 25 characters)';

  it('strict: prints each issue as file, path and message, the summary, and exits 1', async () => {
    write('broken.json', brokenLocation());
    const run = await validateSpawned(['broken.json']);
    expect(run.stdout.split('\n')).toEqual([
      'broken.json: detected 2.2.1 Location (likely: 0.93)',
      'broken.json country_code required string is missing',
      'broken.json name must have at most 255 characters',
      `broken.json evses[0].status ${ENUM}`,
      `broken.json last_updated ${TIMESTAMP}`,
      'broken.json: invalid: 1 object, 0 valid, 4 issues',
      'total: 1 file (1 failing), 1 object, 0 valid, 4 issues',
      '',
    ]);
    expect(run.status).toBe(1);
  });

  it('lenient: keeps what a client tolerates and still fails on a missing field and a bad timestamp', async () => {
    write('broken.json', brokenLocation());
    const run = await validate([
      '--mode',
      'lenient',
      '--object',
      'Location',
      '--version',
      '2.2.1',
      'broken.json',
    ]);
    expect(run.stdout.split('\n')).toEqual([
      'broken.json country_code required string is missing',
      `broken.json last_updated ${TIMESTAMP}`,
      'broken.json name must have at most 255 characters (kept)',
      `broken.json evses[0].status ${ENUM} (kept)`,
      'broken.json: invalid: 1 object, 0 valid, 4 issues',
      'total: 1 file (1 failing), 1 object, 0 valid, 4 issues',
      '',
    ]);
    expect(run.status).toBe(1);
  });

  it('lenient: exits 0 when every issue is tolerated, where strict mode exits 1', async () => {
    const tolerable = location();
    (tolerable.evses[0] as Record<string, unknown>).status = 'BROKEN';
    tolerable.name = 'x'.repeat(300);
    write('tolerable.json', tolerable);
    const lenient = await validate(['--mode', 'lenient', 'tolerable.json']);
    expect(lenient.stdout).toContain('tolerable.json evses[0].status must be one of');
    expect(lenient.stdout).toContain('tolerable.json: valid: 1 object, 1 valid, 2 issues');
    expect(lenient.status).toBe(0);
    const strict = await validate(['tolerable.json']);
    expect(strict.stdout).toContain('tolerable.json: invalid: 1 object, 0 valid, 2 issues');
    expect(strict.status).toBe(1);
  });

  it('reads stdin for -, and refuses unknown fields with --unknown-fields reject', async () => {
    const extended = { ...location(), x_vendor: 1 };
    const stripped = await validate(['-'], JSON.stringify(extended));
    expect(stripped.stdout).toContain('<stdin> x_vendor unknown field dropped');
    expect(stripped.status).toBe(0);
    const rejected = await validate(['--unknown-fields', 'reject', '-'], JSON.stringify(extended));
    expect(rejected.stdout).toContain('<stdin> x_vendor unknown field');
    expect(rejected.stdout).toContain('<stdin>: invalid: 1 object, 0 valid, 1 issue');
    expect(rejected.status).toBe(1);
  });

  it('NDJSON: reports a bad line by its number, the lines around it valid; a line not JSON exits 3', async () => {
    const line = (id: string, status = 'AVAILABLE') => {
      const object = location();
      object.id = id;
      (object.evses[0] as Record<string, unknown>).status = status;
      return JSON.stringify(object);
    };
    write('good-bad-good.ndjson', [line('A'), line('B', 'BROKEN'), line('C')].join('\n'));
    const invalid = await validate(['good-bad-good.ndjson']);
    expect(invalid.stdout.split('\n').slice(1, 3)).toEqual([
      `good-bad-good.ndjson:2 evses[0].status ${ENUM}`,
      'good-bad-good.ndjson: invalid: 3 objects, 2 valid, 1 issue',
    ]);
    expect(invalid.status).toBe(1);
    write('not-json.ndjson', [line('A'), '{"id": oops}', line('C')].join('\n'));
    const unreadable = await validate(['not-json.ndjson']);
    expect(unreadable.stdout).toContain("not-json.ndjson:2:8 not readable as JSON: Unexpected token 'o'");
    expect(unreadable.stdout).toContain('not-json.ndjson: unreadable: 2 objects, 2 valid, 0 issues');
    expect(unreadable.status).toBe(3);
  });

  it('an envelope: checks the envelope and its data, the data issues under data', async () => {
    const envelope = {
      data: [location(), { ...location(), publish: 'yes' }],
      status_code: 1000,
      timestamp: 'now',
    };
    write('envelope.json', envelope);
    const run = await validate(['--format', 'json', 'envelope.json']);
    const [file] = (JSON.parse(run.stdout) as JsonReport).files;
    expect(file?.detected?.object).toBe('Location');
    expect(file?.issues.map(({ path, message }) => `${path} ${message}`)).toEqual([
      `timestamp ${TIMESTAMP}`,
      'data[1].publish expected boolean, received string',
    ]);
    expect([file?.objects, file?.valid, file?.failed]).toEqual([2, 1, true]);
    expect(run.status).toBe(1);
  });

  it('a glob over a folder, with --format json parsed whole', async () => {
    mkdirSync(join(dir, 'many'), { recursive: true });
    writeFileSync(join(dir, 'many', 'a.json'), JSON.stringify(location()));
    writeFileSync(join(dir, 'many', 'b.json'), JSON.stringify([location(), location()]));
    writeFileSync(join(dir, 'many', 'c.json'), JSON.stringify(brokenLocation()));
    writeFileSync(join(dir, 'many', 'ignored.txt'), 'not matched');
    const run = await validate(['--format', 'json', 'many/*.json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map(({ file, objects, valid }) => [file, objects, valid])).toEqual([
      ['many/a.json', 1, 1],
      ['many/b.json', 2, 2],
      ['many/c.json', 1, 0],
    ]);
    expect(report.total).toEqual(expect.objectContaining({ files: 3, objects: 4, valid: 3, issues: 4 }));
    expect(run.status).toBe(1);
  });

  it('draws a progress bar on a terminal for many files, and none elsewhere', async () => {
    mkdirSync(join(dir, 'lots'), { recursive: true });
    for (let index = 0; index < 12; index++) {
      writeFileSync(join(dir, 'lots', `${String(index).padStart(2, '0')}.json`), JSON.stringify(location()));
    }
    const terminal = await runCliInProcess(['validate', 'lots/*.json'], { cwd: dir, tty: true });
    expect(terminal.status).toBe(0);
    expect(terminal.stderr).toContain('] 11/12 lots/11.json');
    expect(terminal.stderr).toMatch(/\[#+\.*\] \d+\/12 /);
    const piped = await validate(['lots/*.json']);
    expect(piped.status).toBe(0);
    expect(piped.stderr).not.toContain('/12 ');
    expect(piped.stdout).toContain('total: 12 files');
  });

  it('exits 3 on a file that is not JSON, saying where; on a missing one; and 2 on wrong arguments', async () => {
    write('bad.json', '{\n  "id": "x",\n  "name": \n}\n');
    const bad = await validate(['bad.json']);
    expect(bad.stdout).toContain("bad.json:4:1 not readable as JSON: Unexpected token '}'");
    expect(bad.status).toBe(3);
    const missing = await validate(['nothing-here.json']);
    expect(missing.stderr).toContain('ocpi validate: nothing-here.json: no such file');
    expect(missing.status).toBe(3);
    for (const args of [
      [],
      ['--mode', 'sloppy', 'x.json'],
      ['--object', 'Loction', 'x.json'],
      ['--colour', 'x.json'],
    ]) {
      const wrong = await validate(args);
      expect(wrong.status, args.join(' ')).toBe(2);
      expect(wrong.stderr, args.join(' ')).toMatch(/^ocpi validate: .+\nSee: ocpi validate --help\n$/);
    }
  });
});
