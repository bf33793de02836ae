// The consumer files of the client type tests: for each version entry, a file that creates a client as
// a user would and exports each of its members (`member_locations_sender_list = client.locations...`),
// so that the checker prints what a hover over that member shows.
import { fileURLToPath } from 'node:url';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';

const REPO = new URL('../../', import.meta.url);

export interface Member {
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

export const CLIENT_VERSIONS = [
  { entry: 'v211', operations: v211.Operations, pull: 'locations.cpo', push: 'locations.emsp' },
  { entry: 'v221', operations: v221.Operations, pull: 'locations.sender', push: 'locations.receiver' },
] as const;

/** The client itself and every member of it, for an entry. */
export function clientMembers(entry: string): Member[] {
  const version = CLIENT_VERSIONS.find((candidate) => candidate.entry === entry);
  if (!version) throw new Error(`no client for ${entry}`);
  return [{ path: 'client', isFunction: false }, ...membersOf(version.operations)];
}

/** The name the consumer file exports a member under. */
export const memberName = (path: string) => `member_${path.replaceAll('.', '_')}`;

/** The absolute path of an entry's client consumer file. */
export const clientConsumerPath = (entry: string) =>
  fileURLToPath(new URL(`test/types/consumer-client-${entry}.ts`, REPO));

/** Both entries' client consumer files, absolute path to text. */
export function clientConsumerTexts(): Map<string, string> {
  return new Map(
    CLIENT_VERSIONS.map(({ entry }) => [
      clientConsumerPath(entry),
      [
        `import { createClient } from '@org/ocpi/${entry}';`,
        // A default client, as a user creates it: lenient, unknown fields stripped.
        "const client = createClient({ token: 'token', endpoints: [] });",
        ...clientMembers(entry).map(
          ({ path }) => `export const ${memberName(path)} = ${path === 'client' ? '' : 'client.'}${path};`,
        ),
      ].join('\n'),
    ]),
  );
}
