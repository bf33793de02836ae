// Issue #10, finding 5: an extension field nested ~5,000 deep made lenient parsing throw a RangeError
// (structuredClone of the whole payload in the repair step), so the client threw a non-OcpiError and one
// such item lost its whole page. Any depth of input is now a validation failure at worst.
import { isOcpiValidationError, parseList, parsePayload } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { failure } from '../support/failure';
import { LOCATIONS_URL, locationsClient } from '../support/locations-client';
import { useMswServer } from '../support/msw';
import { location221, TIMESTAMP } from '../support/ocpi-responses';

const { server } = useMswServer();

// Built as text and parsed, as a partner's body is: no recursion on our side to build them.
const nestedText = {
  arrays: (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`,
  objects: (depth: number) => `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`,
};
type Shape = keyof typeof nestedText;

/** A Location as JSON text, with `field` set to raw JSON text. */
const locationText = (id: string, field?: string, raw?: string) =>
  field === undefined
    ? JSON.stringify(location221(id))
    : JSON.stringify(location221(id)).replace(/}$/, `,"${field}":${raw}}`);

const strict = { mode: 'strict', subject: 'Location' } as const;
const lenient = { mode: 'lenient', subject: 'Location' } as const;
// A conformance check: strict, and refusing fields the spec does not define.
const conformance = { ...strict, unknownFields: 'reject' } as const;

// What lenient mode says when it leaves out an EVSE that is a deep value instead of an object.
const droppedEvse = {
  arrays: 'expected object, received array (list element dropped)',
  objects: 'uid: required string is missing (list element dropped)',
};

describe.each([5_000, 100_000])('a value nested %i deep', (depth) => {
  describe.each(['arrays', 'objects'] as Shape[])('as %s', (shape) => {
    const deep = () => JSON.parse(nestedText[shape](depth)) as unknown;
    const withExtension = () => JSON.parse(locationText('X', 'ext', nestedText[shape](depth))) as object;

    it('in an unknown field: refused by name when asked; otherwise both modes drop it and leave the input as it was', () => {
      const input = withExtension();
      const refused = parsePayload(v221.LocationSchema, input, conformance);
      expect(refused.success).toBe(false);
      if (!refused.success) expect(refused.error.issues.map(({ path }) => path)).toEqual(['ext']);

      for (const options of [strict, lenient]) {
        const result = parsePayload(v221.LocationSchema, input, options);
        expect(result.success).toBe(true);
        if (!result.success) return;
        expect(result.issues.map(({ path, action }) => `${action} ${path}`)).toEqual(['dropped ext']);
        expect(result.data).not.toHaveProperty('ext');
        expect(input).toHaveProperty('ext');
      }
    });

    it('in an unknown field of a nested object: dropped there, the rest kept', () => {
      const input = { ...location221('X'), coordinates: { ...location221('X').coordinates, x: deep() } };
      const result = parsePayload(v221.LocationSchema, input, lenient);
      expect(result.success).toBe(true);
      if (!result.success) return;
      expect(result.issues.map(({ path }) => path)).toEqual(['coordinates.x']);
      expect(result.data.coordinates).toEqual(location221('X').coordinates);
      expect(input.coordinates).toHaveProperty('x');
    });

    it.each([strict, lenient])('where the payload object is expected: a typed failure ($mode)', (options) => {
      const whole = parsePayload(v221.LocationSchema, deep(), options);
      expect(whole.success).toBe(false);
      if (!whole.success) expect(isOcpiValidationError(whole.error)).toBe(true);
    });

    it('where an EVSE is expected: strict fails there, lenient leaves out that EVSE and keeps the Location', () => {
      const input = { ...location221('X'), evses: [deep()] };
      const refused = parsePayload(v221.LocationSchema, input, strict);
      expect(refused.success).toBe(false);
      if (!refused.success) expect(refused.error.issues[0]?.path).toMatch(/^evses\[0\]/);
      const result = parsePayload(v221.LocationSchema, input, lenient);
      expect(result.success).toBe(true);
      if (!result.success) return;
      expect(result.data).toEqual({ ...location221('X'), evses: [] });
      expect(result.issues.map(({ path, action, message }) => ({ path, action, message }))).toEqual([
        { path: 'evses[0]', action: 'dropped', message: droppedEvse[shape] },
      ]);
    });

    it('in a list: the good items survive, the deep ones are kept without what is deep, or rejected', () => {
      const list = [
        location221('A'),
        withExtension(),
        { ...location221('C'), evses: [deep()] },
        location221('D'),
      ];
      const forgiving = parseList(v221.LocationSchema, list, lenient);
      expect(forgiving.items.map((item) => item.id)).toEqual(['A', 'X', 'C', 'D']);
      expect(forgiving.items[2]).toEqual({ ...location221('C'), evses: [] });
      expect(forgiving.rejected).toEqual([]);
      expect(forgiving.issues.map(({ path }) => path)).toEqual(['[1].ext', '[2].evses[0]']);

      const exact = parseList(v221.LocationSchema, list, strict);
      expect(exact.items.map((item) => item.id)).toEqual(['A', 'X', 'D']);
      expect(exact.rejected.map(({ index }) => index)).toEqual([2]);
      expect(exact.issues.map(({ path }) => path)).toEqual(['[1].ext']);

      const conforming = parseList(v221.LocationSchema, list, conformance);
      expect(conforming.items.map((item) => item.id)).toEqual(['A', 'D']);
      expect(conforming.rejected.map(({ index }) => index)).toEqual([1, 2]);
    });
  });
});

describe('deep nesting through the 2.2.1 client', () => {
  const DEEP = nestedText.arrays(100_000);
  // JSON.stringify cannot write it either: the body is text, with an unknown envelope field as well.
  const envelope = (data: string) =>
    new HttpResponse(`{"status_code":1000,"timestamp":"${TIMESTAMP}","vendor":{"a":1},"data":${data}}`, {
      headers: { 'Content-Type': 'application/json' },
    });

  it('a page where one Location has a deep extension and one a deep EVSE: the others arrive', async () => {
    const page = [
      locationText('L0'),
      locationText('L1', 'ext', DEEP),
      locationText('L2', 'evses', `[${DEEP}]`),
      locationText('L3'),
    ];
    server.use(http.get(LOCATIONS_URL, () => envelope(`[${page.join(',')}]`)));
    const onValidationIssues = vi.fn();
    const first = await locationsClient({ onValidationIssues }).locations.sender.list();
    expect(first.items.map((item) => item.id)).toEqual(['L0', 'L1', 'L2', 'L3']);
    expect(first.items[2]).toEqual({ ...location221('L2'), evses: [] });
    expect(first.rejected).toEqual([]);
    const reported = onValidationIssues.mock.calls.flatMap(([report]) =>
      (report as { issues: { path: string; action: string }[] }).issues.map(
        ({ path, action }) => `${action} ${path}`,
      ),
    );
    expect(reported).toContain('dropped vendor');
    expect(reported).toContain('dropped [1].ext');
    expect(reported).toContain('dropped [2].evses[0]');

    // Strictly, the deep EVSE costs its Location, and only that one.
    const strict = await locationsClient({ validation: 'strict' }).locations.sender.list();
    expect(strict.items.map((item) => item.id)).toEqual(['L0', 'L1', 'L3']);
    expect(strict.rejected.map(({ index, id }) => ({ index, id }))).toEqual([{ index: 2, id: 'L2' }]);
    expect(strict.rejected[0]?.issues.map(({ path }) => path)).toEqual(['evses[0]']);
  });

  it('one Location with a deep extension: both modes return it without the extension, reject fails with a validation error', async () => {
    server.use(http.get(`${LOCATIONS_URL}/L1`, () => envelope(locationText('L1', 'ext', DEEP))));
    for (const validation of ['lenient', 'strict'] as const) {
      const location = await locationsClient({ validation }).locations.sender.getLocation({
        params: { location_id: 'L1' },
      });
      expect(location).toEqual(location221('L1'));
      const error = await failure(
        locationsClient({ validation, unknownFields: 'reject' }).locations.sender.getLocation({
          params: { location_id: 'L1' },
        }),
      );
      expect(isOcpiValidationError(error)).toBe(true);
    }
  });

  it('one Location with a deep value where its coordinates belong: strict and lenient fail with a validation error', async () => {
    server.use(http.get(`${LOCATIONS_URL}/L1`, () => envelope(locationText('L1', 'coordinates', DEEP))));
    for (const validation of ['lenient', 'strict'] as const) {
      const error = await failure(
        locationsClient({ validation }).locations.sender.getLocation({ params: { location_id: 'L1' } }),
      );
      expect(isOcpiValidationError(error)).toBe(true);
    }
  });
});
