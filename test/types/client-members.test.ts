// What an editor shows when a user hovers a client member: its call signature in the spec's type names
// (`Location`, `PageRequest<Location>`, `ListQuery`), never the zod schema types behind the operations
// tables, and short enough to read at a glance.
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { printExportedTypes } from './print-types';

const ZOD_INTERNALS = /ZodMini|\$Zod|_zod/;
// A bound function, printed whole: its argument object and its result.
const MAX_MEMBER_CHARS = 250;
// A module, an interface role or a whole client: a name or a few names.
const MAX_GROUP_CHARS = 120;

interface Member {
  /** `locations`, `locations.sender`, `locations.sender.getLocation`... */
  path: string;
  /** A bound function, or a group of them (a module, an interface role). */
  isFunction: boolean;
}

/** Every member of a client bound from an operations map, groups and functions. */
function membersOf(operations: object, prefix = ''): Member[] {
  return Object.entries(operations).flatMap(([key, value]): Member[] => {
    const path = `${prefix}${key}`;
    if ('method' in value) return [{ path, isFunction: true }];
    return [{ path, isFunction: false }, ...membersOf(value, `${path}.`)];
  });
}

const nameOf = (path: string) => `member_${path.replaceAll('.', '_')}`;

const VERSIONS = [
  { entry: 'v211', operations: v211.Operations, pull: 'locations.cpo', push: 'locations.emsp' },
  { entry: 'v221', operations: v221.Operations, pull: 'locations.sender', push: 'locations.receiver' },
] as const;

const membersByEntry = new Map(
  VERSIONS.map(({ entry, operations }) => [
    entry,
    [{ path: 'client', isFunction: false }, ...membersOf(operations)] as Member[],
  ]),
);
const fileOf = (entry: string) => `consumer-client-${entry}.ts`;

// Both consumers in one program, printed on first use.
let printedByFile: Map<string, Map<string, string>> | undefined;
function printedFor(entry: string): Map<string, string> {
  printedByFile ??= printExportedTypes(
    new Map(
      [...membersByEntry].map(([version, members]) => [
        fileOf(version),
        [
          `import { createClient } from '@org/ocpi/${version}';`,
          'declare const client: ReturnType<typeof createClient>;',
          ...members.map(
            ({ path }) => `export const ${nameOf(path)} = ${path === 'client' ? '' : 'client.'}${path};`,
          ),
        ].join('\n'),
      ]),
    ),
  );
  return printedByFile.get(fileOf(entry)) ?? new Map();
}

describe.each(VERSIONS)('the client of $entry, as a hover shows it', ({ entry, pull, push }) => {
  const members = membersByEntry.get(entry) ?? [];

  it('names every member in spec types, without zod internals, briefly', () => {
    const printed = printedFor(entry);
    const types = members.map(({ path, isFunction }) => ({
      path,
      isFunction,
      type: printed.get(nameOf(path)) ?? '(not printed)',
    }));
    // The check must reach the members users call most.
    expect(types.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['client', 'locations', 'credentials.getCredentials']),
    );
    const typeOf = (path: string) => types.find((member) => member.path === path)?.type;
    expect(typeOf('client')).toBe(entry === 'v211' ? 'Client211' : 'Client221');
    expect(typeOf(pull)).toBe(entry === 'v211' ? 'LocationsCpoCalls' : 'LocationsSenderCalls');
    expect(typeOf(`${pull}.list`)).toBe(
      '(args?: { query?: ListQuery; options?: CallOptions; } | undefined) => PageRequest<Location>',
    );
    expect(typeOf(`${pull}.getLocation`)).toBe(
      '(args: { params: { location_id: string; }; options?: CallOptions; }) => Promise<Location>',
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
