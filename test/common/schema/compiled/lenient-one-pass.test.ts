// Issue #16, deliverable 3: a payload with the deviations lenient parsing tolerates is answered by the
// compiled validator in one walk, with exactly what zod's passes answer (data and issues, in order), and
// without zod: the schema's Standard Schema `validate`, zod's only way in (check-schema.ts), is counted
// and must not be called. What the compiled path
// does not tolerate (a value lenient mode drops around, `unknownFields: 'reject'`) still goes to zod.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as z from 'zod/mini';
import { registerCompiledValidators, setCompiledPath } from '../../../../src/common/schema/compiled/registry';
import { type ParseOptions, type ParseResult, parsePayload } from '../../../../src/common/schema/parse';
import { parseList } from '../../../../src/common/schema/parse-list';
import { MAX_ISSUES } from '../../../../src/common/schema/validation-issue';
import { seedCpo211 } from '../../../../src/testing/seed/cpo-v211';
import { seedCpo221 } from '../../../../src/testing/seed/cpo-v221';
import { buildLocationPageV211, NULLABLE_V211 } from '../../../../src/testing/seed/locations-v211';
import { buildLocationPage } from '../../../../src/testing/seed/locations-v221';
import { withItemQuirks, withPartnerQuirks } from '../../../../src/testing/seed/partner-quirks';
import { compiledPairs as compiledPairs211 } from '../../../../src/v211/generated/compiled-pairs';
import * as schemas211 from '../../../../src/v211/generated/schemas';
import { compiledPairs as compiledPairs221 } from '../../../../src/v221/generated/compiled-pairs';
import * as schemas221 from '../../../../src/v221/generated/schemas';

registerCompiledValidators(compiledPairs221());
registerCompiledValidators(compiledPairs211());

afterEach(() => {
  setCompiledPath(true);
});

type Json = Record<string, unknown>;

// What `run` answers with zod alone, and how many times the compiled path called zod (`schema`) for the same.
function bothPaths<T>(schema: z.ZodMiniType, run: () => T): { compiled: T; zod: T; zodCalls: number } {
  const validate = vi.spyOn(schema['~standard'], 'validate');
  const compiled = run();
  const calls = validate.mock.calls.length;
  validate.mockRestore();
  setCompiledPath(false);
  try {
    return { compiled, zod: run(), zodCalls: calls };
  } finally {
    setCompiledPath(true);
  }
}

function plain(result: ParseResult<unknown>) {
  return result.success ? result : { success: false, issues: result.error.issues };
}

const VERSIONS = [
  {
    label: '2.2.1',
    schema: schemas221.LocationSchema as z.ZodMiniType,
    page: () => JSON.parse(JSON.stringify(buildLocationPage(60))) as Json[],
    quirky: () => withPartnerQuirks(buildLocationPage(300)).page,
  },
  {
    label: '2.1.1',
    schema: schemas211.LocationSchema as z.ZodMiniType,
    page: () => JSON.parse(JSON.stringify(buildLocationPageV211(60))) as Json[],
    quirky: () => withPartnerQuirks(buildLocationPageV211(300), 42, NULLABLE_V211).page,
  },
];

// One deviation of each kind the compiled path tolerates, on a copy of a seeded Location.
const DEVIATIONS: readonly { kind: string; apply: (location: Json) => void }[] = [
  { kind: 'unknown field', apply: (l) => Object.assign(l, { x_vendor: { any: 1 }, internal_ref: 'A' }) },
  {
    kind: 'unknown field of a nested object',
    apply: (l) => Object.assign(evse(l), { charging_station_id: 'CS-1' }),
  },
  { kind: 'null optional', apply: (l) => Object.assign(l, { charging_when_closed: null, images: null }) },
  { kind: 'null optional enum', apply: (l) => Object.assign(l, { parking_type: null }) },
  { kind: 'null optional list', apply: (l) => Object.assign(evse(l), { capabilities: null }) },
  { kind: 'unknown enum value', apply: (l) => Object.assign(evse(l), { status: 'OCCUPIED' }) },
  {
    kind: 'unknown enum value in a list',
    apply: (l) => Object.assign(evse(l), { capabilities: ['RFID_READER', 'PLUG_AND_CHARGE_CAPABLE', ''] }),
  },
  { kind: 'over-long string', apply: (l) => Object.assign(l, { name: 'N'.repeat(300) }) },
  { kind: 'non-printable string', apply: (l) => Object.assign(l, { address: 'Main\nStreet' }) },
  {
    // As long as allowed in code points (what zod's maxLength counts), not in UTF-16 units: only its
    // characters are wrong (found by the differential test).
    kind: 'ASCII-only id of emoji, at its length in code points',
    apply: (l) => Object.assign(evse(l), { uid: '\u{1F600}'.repeat(36) }),
  },
  {
    kind: 'over-long, non-printable and not an ISO code',
    apply: (l) => Object.assign(l, { country: 'ne\tthe' }),
  },
  {
    kind: 'broken prose rule',
    apply: (l) => Object.assign(l, { coordinates: { latitude: '52.1', longitude: '4.2' } }),
  },
  { kind: 'offset timestamp', apply: (l) => Object.assign(l, { last_updated: '2024-05-01T12:00:00+02:00' }) },
  {
    kind: 'offset timestamp deep inside',
    apply: (l) => Object.assign(evse(l), { last_updated: '2024-05-01T12:00:00.1234-0130' }),
  },
  {
    // zod judges no rule while a null is anywhere: the rule's issue comes after the others.
    kind: 'broken prose rule beside a null and an unknown enum value',
    apply: (l) => {
      Object.assign(l, { coordinates: { latitude: '52.1', longitude: '4.2' }, charging_when_closed: null });
      Object.assign(evse(l), { status: 'OCCUPIED', x_note: 1 });
    },
  },
  {
    kind: 'a kept value and a rule at the same place',
    apply: (l) => Object.assign(l, { coordinates: { latitude: '52.1\n', longitude: '4.2' }, name: null }),
  },
  {
    // The records of one object share one copy of its path: each element of a list has its own.
    kind: 'deviations in two elements of a list, in their children and around them',
    apply: (l) => {
      const first = evse(l);
      const second: Json = { ...structuredClone(first), uid: `${String(first.uid)}-2` };
      l.evses = [first, second, ...((l.evses as Json[]).slice(1) as Json[])];
      for (const [index, item] of [first, second].entries()) {
        Object.assign(item, { last_updated: `2024-05-0${index + 1}T12:00:00+02:00`, x_slot: index });
        const [connector] = item.connectors as Json[];
        Object.assign(connector as Json, { last_updated: '2024-05-01T23:30:00-01:00', x_pin: index });
      }
      Object.assign(l, { last_updated: '2024-05-03T00:15:00+01:00', charging_when_closed: null });
    },
  },
];

function evse(location: Json): Json {
  const evses = location.evses as Json[] | undefined;
  if (!evses?.[0]) throw new Error('a seeded Location without EVSEs');
  return evses[0];
}

describe.each(VERSIONS)('lenient parsing in one pass, OCPI $label', ({ schema, page, quirky }) => {
  it.each(['strip', 'keep'] as const)(
    'answers a page with partner quirks through the compiled path alone (%s), as zod does',
    (unknownFields) => {
      const items = quirky();
      const options = { mode: 'lenient', unknownFields, subject: 'Location' } as const;
      const { compiled, zod, zodCalls } = bothPaths(schema, () => parseList(schema, items, options));
      expect(zodCalls).toBe(0);
      expect(compiled.rejectedCount).toBe(0);
      expect(compiled.toleratedCount).toBeGreaterThan(30);
      expect(compiled).toEqual(zod);
    },
  );

  it.each([
    ['strict', 'strip'],
    ['strict', 'keep'],
    ['strict', 'reject'],
    ['lenient', 'reject'],
  ] as const)('answers the same page in %s mode, unknown fields %s, as zod does', (mode, unknownFields) => {
    const items = quirky();
    const options = { mode, unknownFields, subject: 'Location' };
    const { compiled, zod } = bothPaths(schema, () => parseList(schema, items, options));
    expect(compiled).toEqual(zod);
  });

  it.each(DEVIATIONS)('tolerates one $kind in one walk, as zod does', ({ apply }) => {
    const [location] = page() as [Json];
    apply(location);
    for (const unknownFields of ['strip', 'keep', 'reject'] as const) {
      for (const mode of ['lenient', 'strict'] as const) {
        const options: ParseOptions = { mode, unknownFields, subject: 'Location' };
        const { compiled, zod } = bothPaths(schema, () => plain(parsePayload(schema, location, options)));
        expect(compiled, `${mode}, unknown fields ${unknownFields}`).toEqual(zod);
      }
      const { compiled, zodCalls } = bothPaths(schema, () =>
        parsePayload(schema, location, { mode: 'lenient', unknownFields, subject: 'Location' }),
      );
      if (unknownFields !== 'reject') {
        expect(zodCalls, `unknown fields ${unknownFields}`).toBe(0);
        expect(compiled.success).toBe(true);
      }
    }
  });

  it('reports the deviations in the order zod does: the payload order, rules after a null', () => {
    const [clean] = page() as [Json];
    Object.assign(clean, { coordinates: { latitude: '52.1', longitude: '4.2' }, x_first: 1 });
    Object.assign(evse(clean), { status: 'OCCUPIED' });
    const unknown = parsePayload(schema, clean, { mode: 'lenient', subject: 'Location' });
    if (!unknown.success) throw new Error('refused');
    // An unknown field stops no check: each object's rules come after its fields and unknown fields.
    expect(unknown.issues.map(({ path }) => path)).toEqual([
      'coordinates.latitude',
      'coordinates.longitude',
      'evses[0].status',
      'x_first',
    ]);

    const [location] = page() as [Json];
    Object.assign(location, { coordinates: { latitude: '52.1', longitude: '4.2' }, name: null });
    Object.assign(evse(location), { status: 'OCCUPIED' });
    const result = parsePayload(schema, location, { mode: 'lenient', subject: 'Location' });
    if (!result.success) throw new Error('refused');
    expect(result.issues.map(({ path }) => path)).toEqual([
      'name',
      'evses[0].status',
      'coordinates.latitude',
      'coordinates.longitude',
    ]);
  });

  it('still leaves to zod what it drops around, and a payload past the issue cap', () => {
    const [location] = page() as [Json];
    Object.assign(evse(location), { uid: 42 });
    const dropped = bothPaths(schema, () =>
      plain(parsePayload(schema, location, { mode: 'lenient', subject: 'L' })),
    );
    expect(dropped.zodCalls).toBeGreaterThan(0);
    expect(dropped.compiled).toEqual(dropped.zod);

    const [crowded] = page() as [Json];
    for (let index = 0; index <= MAX_ISSUES; index++) crowded[`x_${index}`] = index;
    const capped = bothPaths(schema, () =>
      plain(parsePayload(schema, crowded, { mode: 'lenient', subject: 'L' })),
    );
    expect(capped.zodCalls).toBeGreaterThan(0);
    expect(capped.compiled).toEqual(capped.zod);
  });
});

// Pages of Sessions and CDRs where most items deviate, far past the list's cap of described issues:
// the items past it are only counted, by the compiled path without zod, to the same totals zod gives.
describe('lenient parsing in one pass, Sessions and CDRs past the list cap', () => {
  const party = { countryCode: 'NL', partyId: 'CPO', name: 'CPO' };
  const seed = { cpo: party, emsp: { ...party, partyId: 'EMS' }, locations: 20, sessions: 600, cdrs: 600 };
  const data221 = seedCpo221(seed);
  const data211 = seedCpo211(seed);
  it.each([
    ['2.2.1 Session', schemas221.SessionSchema, data221.sessions],
    ['2.2.1 CDR', schemas221.CDRSchema, data221.cdrs],
    ['2.1.1 Session', schemas211.SessionSchema, data211.sessions],
    ['2.1.1 CDR', schemas211.CDRSchema, data211.cdrs],
  ] as const)('%s: the same items, issues and counts as zod, and zod never called', (name, schema, items) => {
    const { page } = withItemQuirks(items);
    for (const unknownFields of ['strip', 'keep'] as const) {
      const options = { mode: 'lenient', unknownFields, subject: name } as const;
      const { compiled, zod, zodCalls } = bothPaths(schema, () => parseList(schema, page, options));
      expect(zodCalls).toBe(0);
      expect(compiled.issueCount).toBeGreaterThan(MAX_ISSUES);
      expect(compiled).toEqual(zod);
    }
  });
});
