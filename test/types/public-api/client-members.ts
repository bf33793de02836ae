// What an editor shows when a user hovers a client member: its call signature in the spec's type names
// (`Location`, `PageRequest<Location>`, `ListQuery`), never the zod schema types behind the operations
// tables, and short enough to read at a glance.
import type * as v211 from '@org/ocpi/v211';
import type * as v221 from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { CLIENT_VERSIONS, clientConsumerPath, clientMembers, memberName } from '../client-consumer';
import { editorProgram } from '../consumer-program';
import { printExportedTypes } from '../print-types';

const ZOD_INTERNALS = /ZodMini|\$Zod|_zod/;
// A bound function, printed whole: its argument object and its result.
const MAX_MEMBER_CHARS = 250;
// A module, an interface role or a whole client: a name or a few names, each with the client's two
// settings (`<"lenient", "strip">`), which type what its calls return.
const MAX_GROUP_CHARS = 140;

describe.each(CLIENT_VERSIONS)('the client of $entry, as a hover shows it', ({ entry, pull, push }) => {
  it('names every member in spec types, without zod internals, briefly', () => {
    const printed = printExportedTypes(editorProgram(), clientConsumerPath(entry));
    const types = clientMembers(entry).map(({ path, isFunction }) => ({
      path,
      isFunction,
      type: printed.get(memberName(path)) ?? '(not printed)',
    }));
    // The check must reach the members users call most.
    expect(types.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['client', 'locations', 'credentials.getCredentials']),
    );
    const typeOf = (path: string) => types.find((member) => member.path === path)?.type;
    // A default client is lenient: its types say so, by the client's settings and on every result.
    const settings = '<"lenient", "strip">';
    expect(typeOf('client')).toBe(`${entry === 'v211' ? 'Client211' : 'Client221'}${settings}`);
    expect(typeOf(pull)).toBe(
      `${entry === 'v211' ? 'LocationsCpoCalls' : 'LocationsSenderCalls'}${settings}`,
    );
    // The window's ends (`date_from`, `date_to`) also take a Date: a ListQuery with dates.
    expect(typeOf(`${pull}.list`)).toBe(
      '(args?: { query?: QueryWithDates<ListQuery>; options?: CallOptions; } | undefined) => PageRequest<Lenient<Location>>',
    );
    expect(typeOf(`${pull}.getLocation`)).toBe(
      '(args: { params: { location_id: string; }; options?: CallOptions; }) => Promise<Lenient<Location>>',
    );
    expect(typeOf(`${push}.patchEvse`)).toMatch(
      /body: EVSEPatch; options\?: CallOptions; \}\) => Promise<undefined>$/,
    );
    expect(types.filter(({ type }) => ZOD_INTERNALS.test(type))).toEqual([]);
    const long = types.filter(
      ({ isFunction, type }) => type.length > (isFunction ? MAX_MEMBER_CHARS : MAX_GROUP_CHARS),
    );
    expect(long).toEqual([]);
  }, 120_000);
});

describe('ListQuery', () => {
  it("is the query each version's ListQuerySchema takes and gives", () => {
    expectTypeOf<v211.ListQuery>().toEqualTypeOf<z.output<typeof v211.ListQuerySchema>>();
    expectTypeOf<v221.ListQuery>().toEqualTypeOf<z.output<typeof v221.ListQuerySchema>>();
    expectTypeOf<v221.ListQuery>().toEqualTypeOf<z.input<typeof v221.ListQuerySchema>>();
    expectTypeOf<v211.StatusCodeInfo>().toEqualTypeOf<ReturnType<typeof v211.describeStatusCode>>();
    expectTypeOf<v221.StatusCodeInfo>().toEqualTypeOf<ReturnType<typeof v221.describeStatusCode>>();
  });
});
