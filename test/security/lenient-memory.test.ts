// Issue #10, finding 2: a list of 2,000,000 zeros (a 4 MB response) ran a default Node process out of
// memory, as each rejected item kept an Error with its stack. What a bad list keeps is now bounded:
// the first rejections and issues in detail, a count for the rest, and errors only when read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOcpiValidationError, parseList, parsePayload } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { build } from 'esbuild';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { LOCATIONS_URL, locationsClient } from '../support/locations-client';
import { useMswServer } from '../support/msw';
import { location221, ocpi, TIMESTAMP } from '../support/ocpi-responses';

const { server } = useMswServer();

const lenient = { mode: 'lenient', subject: 'Location' } as const;
const zeros = (count: number): number[] => new Array(count).fill(0);
/** `object` with `count` more fields, `k0` to `k{count - 1}`, all 0 (written in place: a spread of a
 * 200,000-field object costs half a second). */
const withZeroFields = <T extends object>(object: T, count: number): T & Record<string, number> => {
  const wide: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  for (let i = 0; i < count; i++) wide[`k${i}`] = 0;
  return wide as T & Record<string, number>;
};

describe('parseList keeps a bounded account of a bad list', () => {
  it('describes the first 100 rejected items and counts the rest', () => {
    const result = parseList(v221.LocationSchema, [location221('A'), ...zeros(10_000)], lenient);
    expect(result.items.map((item) => item.id)).toEqual(['A']);
    expect(result.rejected).toHaveLength(100);
    expect(result.rejectedCount).toBe(10_000);
    expect(result.rejected.map(({ index }) => index)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const [first] = result.rejected;
    expect(first?.issues).toEqual([
      {
        path: '',
        segments: [],
        code: 'invalid_type',
        message: 'expected object, received number',
        fatal: true,
      },
    ]);
    // The error is still there for whoever reads it, with the same issues.
    expect(isOcpiValidationError(first?.error)).toBe(true);
    expect(first?.error.message).toBe(
      'Invalid Location [1]: 1 fatal issue ((root): expected object, received number)',
    );
    expect(first?.error.issues).toEqual(first?.issues);
    expect(first?.error).toBe(first?.error);
  });

  it('takes another cap, or none kept at all', () => {
    for (const maxRejected of [0, 3]) {
      const result = parseList(v221.LocationSchema, zeros(50), { ...lenient, maxRejected });
      expect(result.rejected).toHaveLength(maxRejected);
      expect(result.rejectedCount).toBe(50);
    }
  });

  it('keeps the first 1,000 lenient issues of accepted items and counts the rest', () => {
    const quirky = Array.from({ length: 1_500 }, (_, i) => ({
      ...location221(`L${i}`),
      vendor: 1,
      colour: 2,
    }));
    const result = parseList(v221.LocationSchema, quirky, lenient);
    expect(result.items).toHaveLength(1_500);
    expect(result.issues).toHaveLength(1_000);
    expect(result.issueCount).toBe(3_000);
    expect(result.issues.at(-1)?.path).toBe('[499].colour');
    expect(parseList(v221.LocationSchema, quirky, { ...lenient, maxIssues: 10 }).issues).toHaveLength(10);
  });

  it('describes at most 1,000 issues of one payload, and says how many more there were', () => {
    const wide = withZeroFields(location221('W'), 5_000);
    const result = parsePayload(v221.LocationSchema, wide, {
      mode: 'strict',
      subject: 'Location',
      unknownFields: 'reject',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1_001);
    expect(result.error.issues.at(-1)).toEqual({
      path: '',
      segments: [],
      code: 'omitted',
      message: '4000 more fatal issues not listed',
      fatal: true,
    });
    expect(result.error.message).toMatch(
      /^Invalid Location: 1000 fatal issues \(k0: unknown field; .+; and 995 more\); 4000 more fatal issues not listed$/,
    );
  });

  it('leaves them out in strict mode too unless asked to refuse them, with as bounded a report', () => {
    const result = parsePayload(v221.LocationSchema, withZeroFields(location221('W'), 5_000), {
      mode: 'strict',
      subject: 'Location',
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toEqual(location221('W'));
    expect(result.issues).toHaveLength(1_001);
    expect(result.issues.at(-1)).toEqual({
      path: '',
      segments: [],
      code: 'omitted',
      message: '4000 more issues (dropped) not listed',
      fatal: false,
      action: 'dropped',
    });
  });
});

describe('one accepted payload with very many unknown fields', () => {
  // A partner can make an answer of a few MB hold a million unknown fields: lenient parsing drops them
  // with one repair per object and describes at most 1,000, counting the rest by what was done.
  const wide = (count: number) => withZeroFields(location221('W'), count);

  it('is accepted with 1,000 issues described and one that counts the rest', () => {
    const input = wide(200_000);
    const result = parsePayload(v221.LocationSchema, input, lenient);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toEqual(location221('W'));
    expect(result.issues).toHaveLength(1_001);
    expect(result.issues[0]).toMatchObject({ path: 'k0', action: 'dropped' });
    expect(result.issues.at(-1)).toEqual({
      path: '',
      segments: [],
      code: 'omitted',
      message: '199000 more issues (dropped) not listed',
      fatal: false,
      action: 'dropped',
    });
    // The partner's object is left as it came.
    expect(Object.keys(input)).toHaveLength(Object.keys(location221('W')).length + 200_000);
  });

  it('counts each kind of repair apart once the report is full', () => {
    const connector = {
      id: '1',
      standard: 'IEC_62196_T2',
      format: 'SOCKET',
      power_type: 'AC_3_PHASE',
      max_voltage: 230,
      max_amperage: 16,
      last_updated: TIMESTAMP,
    };
    const evse = (uid: string) => ({
      uid,
      status: 'AVAILABLE',
      connectors: [connector],
      last_updated: TIMESTAMP,
    });
    // The first EVSE fills the report; the second one's null and offset timestamp are only counted.
    const crowded = withZeroFields(evse('E1'), 1_000);
    const late = { ...evse('E2'), floor_level: null, last_updated: '2024-06-01T14:00:00+02:00' };
    const result = parsePayload(
      v221.LocationSchema,
      { ...location221('W'), evses: [crowded, late] },
      lenient,
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.evses?.[1]).toEqual({ ...evse('E2'), last_updated: '2024-06-01T12:00:00Z' });
    expect(result.issues.slice(1_000)).toEqual([
      expect.objectContaining({ message: '1 more issue (dropped) not listed', action: 'dropped' }),
      expect.objectContaining({ message: '1 more issue (normalised) not listed', action: 'normalised' }),
    ]);
  });

  it('is counted in full by parseList, past what each payload describes', () => {
    const result = parseList(v221.LocationSchema, [wide(2_000), wide(2_000)], lenient);
    expect(result.items).toHaveLength(2);
    expect(result.issueCount).toBe(4_000);
    expect(result.issues).toHaveLength(1_000);
  });

  it('reaches onValidationIssues bounded, through the 2.2.1 client', async () => {
    server.use(http.get(`${LOCATIONS_URL}/W`, () => ocpi(wide(100_000))));
    const onValidationIssues = vi.fn();
    const location = await locationsClient({ onValidationIssues }).locations.sender.getLocation({
      params: { location_id: 'W' },
    });
    expect(location).toEqual(location221('W'));
    const report = onValidationIssues.mock.calls[0]?.[0] as { issues: { message: string }[] } | undefined;
    expect(report?.issues).toHaveLength(1_001);
    expect(report?.issues.at(-1)?.message).toBe('99000 more issues (dropped) not listed');
  });
});

describe('a 2,000,000-item list of zeros in a process of 128 MB', () => {
  // The attack itself, in a child process with a small heap: before the fix it died of "heap out of memory".
  // The script is bundled as the package's build bundles the sources (esbuild), not run through tsx,
  // whose per-closure name wrappers tripled the time of the parse.
  it('is parsed, with 100 rejections described and the rest counted', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpi-lenient-memory-'));
    const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
    const script = join(dir, 'parse-zeros.mjs');
    try {
      await build({
        stdin: {
          contents: [
            `import { parseList } from ${JSON.stringify(source('index.ts'))};`,
            `import { LocationSchema } from ${JSON.stringify(source('v221/index.ts'))};`,
            "const text = '[' + new Array(2_000_000).fill('0').join(',') + ']';",
            "const result = parseList(LocationSchema, JSON.parse(text), { mode: 'lenient', subject: 'Location' });",
            'console.log(JSON.stringify({ bytes: text.length, rejected: result.rejected.length, count: result.rejectedCount }));',
          ].join('\n'),
          resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
          loader: 'ts',
        },
        bundle: true,
        format: 'esm',
        platform: 'node',
        outfile: script,
        logLevel: 'silent',
      });
      const child = spawnSync(process.execPath, ['--max-old-space-size=128', script], { encoding: 'utf8' });
      expect(child.stderr).not.toMatch(/out of memory/i);
      expect(child.status).toBe(0);
      expect(JSON.parse(child.stdout)).toEqual({ bytes: 4_000_001, rejected: 100, count: 2_000_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a page of many bad items, through the 2.2.1 client', () => {
  const servePage = () =>
    server.use(http.get(LOCATIONS_URL, () => ocpi([location221('L0'), ...zeros(5_000), location221('L1')])));

  it('lenient: the good items arrive, 100 rejections are described, the rest counted and reported as a count', async () => {
    servePage();
    const onValidationIssues = vi.fn();
    const page = await locationsClient({ onValidationIssues }).locations.sender.list();
    expect(page.items.map((item) => item.id)).toEqual(['L0', 'L1']);
    expect(page.rejected).toHaveLength(100);
    expect(page.rejectedCount).toBe(5_000);
    const report = onValidationIssues.mock.calls[0]?.[0] as { issues: { path: string }[] } | undefined;
    const issues = report?.issues ?? [];
    expect(issues).toHaveLength(101);
    expect(issues[0]).toMatchObject({ path: '[1]', action: 'dropped' });
    expect(issues.at(-1)).toMatchObject({
      code: 'omitted',
      message: '4900 more rejected items not listed',
      action: 'dropped',
    });
  });

  it('strict: the good items arrive, then one typed error naming the first rejected items and counting the rest', async () => {
    servePage();
    const page = await locationsClient({ validation: 'strict' }).locations.sender.list();
    expect(page.items.map((item) => item.id)).toEqual(['L0', 'L1']);
    expect(page.rejectedCount).toBe(5_000);
    const error = await Promise.resolve(
      locationsClient({ validation: 'strict' }).locations.sender.list().toArray({ limit: 10 }),
    ).catch((caught: unknown) => caught);
    expect(isOcpiValidationError(error)).toBe(true);
    if (!isOcpiValidationError(error)) return;
    expect(error.issues).toHaveLength(101);
    expect(error.message).toMatch(
      /: 100 fatal issues \(\[1\]: expected object, received number; .+; and 95 more\); 4900 more rejected items not listed$/,
    );
  });
});
