// Lenient mode leaves out what it cannot keep (issue #12): an optional field, or an element of an
// optional list around a broken required field. What a later pass finds (the prose rules zod only runs
// once an object's fields have their types) is still located in the payload as sent, counting the
// elements that were dropped, and strict mode drops nothing but nulls and unknown fields.
import { parseList, parsePayload } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { location221, TIMESTAMP } from '../../support/ocpi-responses';

const connector = (id: string) => ({
  id,
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 230,
  max_amperage: 16,
  last_updated: TIMESTAMP,
});
const evse = (uid: string, connectors: unknown[] = [connector('1')]) => ({
  uid,
  status: 'AVAILABLE',
  connectors,
  last_updated: TIMESTAMP,
});
const lenient = { mode: 'lenient', subject: 'Location' } as const;
const summary = (issues: readonly { action: string; path: string; message: string }[]) =>
  issues.map(({ action, path, message }) => `${action} ${path}: ${message}`);

describe('a Location with a broken EVSE', () => {
  // EVSE 0 has no uid; EVSE 2 repeats a connector id (a prose rule of the EVSE) and has a null floor
  // level, so zod only runs its rule once the null is gone: in the second pass, where EVSE 2 is the
  // second element of what is checked.
  const { uid: _missing, ...withoutUid } = evse('E0');
  const input = {
    ...location221('L1'),
    evses: [withoutUid, evse('E1'), { ...evse('E2', [connector('1'), connector('1')]), floor_level: null }],
  };

  it('keeps the Location without that EVSE, and locates every issue in the payload as sent', () => {
    const before = structuredClone(input);
    const result = parsePayload(v221.LocationSchema, input, lenient);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.evses?.map(({ uid }) => uid)).toEqual(['E1', 'E2']);
    expect(result.data.evses?.[1]).not.toHaveProperty('floor_level');
    expect(summary(result.issues)).toEqual([
      'dropped evses[0]: uid: required string is missing (list element dropped)',
      'dropped evses[2].floor_level: null read as absent',
      'kept evses[2].connectors[1].id: must be unique within the EVSE (kept)',
    ]);
    expect(input).toEqual(before);
  });

  it('fails strictly on the missing uid, with the null it would have read as absent after it', () => {
    const result = parsePayload(v221.LocationSchema, input, { ...lenient, mode: 'strict' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map(({ path, fatal }) => `${path} ${fatal}`)).toEqual([
      'evses[0].uid true',
      'evses[2].floor_level false',
    ]);
  });

  it('is described inside its item by parseList, with the item index in the flat list', () => {
    const result = parseList(v221.LocationSchema, [location221('L0'), input], lenient);
    expect(result.items.map(({ id }) => id)).toEqual(['L0', 'L1']);
    expect(
      result.tolerated.map(({ index, issues }) => ({ index, paths: issues.map(({ path }) => path) })),
    ).toEqual([{ index: 1, paths: ['evses[0]', 'evses[2].floor_level', 'evses[2].connectors[1].id'] }]);
    expect(result.issues.map(({ path }) => path)).toEqual([
      '[1].evses[0]',
      '[1].evses[2].floor_level',
      '[1].evses[2].connectors[1].id',
    ]);
  });
});

describe('elements of nested optional lists and of required ones', () => {
  it('drops a broken image of an EVSE and, separately, a later EVSE, each at its place as sent', () => {
    const { category: _category, ...badImage } = {
      url: 'https://x.example/a.png',
      category: 'CHARGER',
      type: 'png',
    };
    const input = {
      ...location221('L1'),
      evses: [
        evse('E0'),
        {
          ...evse('E1'),
          images: [badImage, { url: 'https://x.example/b.png', category: 'ENTRANCE', type: 'png' }],
        },
        { status: 'AVAILABLE' },
      ],
    };
    const result = parsePayload(v221.LocationSchema, input, lenient);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.evses?.map(({ uid }) => uid)).toEqual(['E0', 'E1']);
    expect(result.data.evses?.[1]?.images?.map(({ category }) => category)).toEqual(['ENTRANCE']);
    expect(result.issues.map(({ path }) => path)).toEqual(['evses[1].images[0]', 'evses[2]']);
  });

  it('drops the EVSE around a broken connector: the list of connectors is required', () => {
    const input = {
      ...location221('L1'),
      evses: [evse('E0', [connector('1'), { ...connector('2'), max_voltage: 'high' }])],
    };
    const result = parsePayload(v221.LocationSchema, input, lenient);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.evses).toEqual([]);
    expect(summary(result.issues)).toEqual([
      'dropped evses[0]: connectors[1].max_voltage: expected number, received string (list element dropped)',
    ]);
  });

  it('fails when what is broken has nothing optional around it', () => {
    const { id: _id, ...withoutId } = location221('L1');
    const result = parsePayload(v221.LocationSchema, { ...withoutId, evses: [evse('E0')] }, lenient);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map(({ path, fatal }) => `${path} ${fatal}`)).toEqual(['id true']);
  });
});
