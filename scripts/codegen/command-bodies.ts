/**
 * `CommandRequestSchemas`: the request body of each command, by its `CommandType` value. The path
 * segment after a commands endpoint is the command's name, and the spec names each body object after
 * its command (START_SESSION: StartSession), so the table comes from the model rather than by hand.
 */
import type { VersionModel } from './model';
import { specLink } from './spec-links';

/** Each command of the version with the object its request body is; none when it has no CommandType. */
export function commandBodies(version: VersionModel): { command: string; body: string }[] {
  const commandType = version.modules
    .flatMap((module) => module.enums)
    .find(({ name }) => name === 'CommandType');
  if (!commandType) return [];
  const objects = new Set(version.modules.flatMap((module) => module.objects.map(({ name }) => name)));
  return commandType.values.map(({ value }) => {
    const body = value
      .toLowerCase()
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join('');
    if (!objects.has(body)) throw new Error(`${version.version} CommandType ${value}: no ${body} object`);
    return { command: value, body };
  });
}

/** The emitted table, after the definitions it names. */
export function emitCommandBodies(version: VersionModel, tag: string): string[] {
  const bodies = commandBodies(version);
  const commandType = version.modules
    .flatMap((module) => module.enums)
    .find(({ name }) => name === 'CommandType');
  if (bodies.length === 0 || !commandType) return [];
  return [
    "// Commands: each command's request body",
    '',
    '/**',
    ' * The request body each command takes, by `CommandType`: the path segment after the commands',
    " * endpoint is the command's name, and the spec names each body after it (START_SESSION: StartSession).",
    ` * @see ${specLink(tag, commandType.source)}`,
    ' */',
    'export const CommandRequestSchemas = {',
    ...bodies.map(({ command, body }) => `  ${command}: ${body}Schema,`),
    '} as const;',
    '',
  ];
}
