// `ocpi validate`'s arguments, read with util.parseArgs and checked before any input is read.
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../../common/protocol/version';
import type { UnknownFields, ValidationMode } from '../../common/schema/parse';
import { versionCatalogs } from './object-catalog';
import type { ValidateSettings } from './validate-value';

/** What `ocpi validate` was asked to do. */
export interface ValidateOptions extends ValidateSettings {
  readonly inputs: readonly string[];
  readonly format: 'text' | 'json';
}

const one = <T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined => {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`--${name} must be ${allowed.join(' or ')}, not ${value}`);
};

/** The options, or a message saying which argument is wrong. */
export function validateOptions(args: readonly string[]): ValidateOptions | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        version: { type: 'string' },
        object: { type: 'string' },
        mode: { type: 'string', default: 'strict' },
        'unknown-fields': { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    const version = one<OcpiVersion>('version', values.version, ['2.2.1', '2.1.1']);
    const mode = one<ValidationMode>('mode', values.mode, ['strict', 'lenient']) ?? 'strict';
    const unknownFields = one<UnknownFields>('unknown-fields', values['unknown-fields'], [
      'strip',
      'keep',
      'reject',
    ]);
    const format = one('format', values.format, ['text', 'json'] as const) ?? 'text';
    const object = values.object;
    if (object !== undefined) {
      const catalogs = versionCatalogs().filter(
        (catalog) => version === undefined || catalog.version === version,
      );
      const names = [...new Set(catalogs.flatMap((catalog) => catalog.objects.map((entry) => entry.name)))];
      if (!names.some((name) => name.toLowerCase() === object.toLowerCase())) {
        throw new Error(
          `--object: no OCPI ${version ?? ''} object is named ${object}; known: ${names.sort().join(', ')}`.replace(
            '  ',
            ' ',
          ),
        );
      }
    }
    if (positionals.length === 0) {
      throw new Error('name the files to check (paths or globs), or - for standard input');
    }
    return { inputs: positionals, version, object, mode, unknownFields, format };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
