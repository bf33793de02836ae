/**
 * Emits one version's public compiled validators: `src/v2xx/generated/validators.ts`, what the version
 * entry exports by name. Each object's `validate<Name>(value)` answers as its walk in compiled.ts does
 * without a Tolerance (the strict answer); each enum's guard is compiled.ts's own. The walks take a
 * Tolerance, the parse helpers' lenient mode, which is no part of the public API: these one-argument
 * functions keep it out of the declarations, and a bundle still keeps only the validators it imports.
 * Doc comments stay one line (the schema's own comment links the spec): they are in every declaration
 * file of both versions.
 */

import { banner, collectDefinitions, type EmitOptions } from './emit-schemas';
import type { SpecVersion, VersionModel } from './model';

/** The public validators of one version. */
export function emitValidators(version: VersionModel, options: EmitOptions): string {
  const definitions = collectDefinitions(version);
  const objects = definitions.filter(({ kind }) => kind === 'object').map(({ model }) => model.name);
  const enums = definitions.filter(({ kind }) => kind === 'enum').map(({ model }) => model.name);
  const guards = enums.map((name) => `is${name}`).sort();
  return [
    ...banner(
      `the OCPI ${version.version} spec (${options.pin.tag} @ ${options.pin.commit.slice(0, 8)}`,
      options,
    ),
    '//',
    '// The compiled validators as the version entry exports them: see scripts/codegen/emit-validators.ts.',
    '',
    "import type { Checked } from '../../common/schema/compiled/runtime';",
    "import * as compiled from './compiled';",
    `import type { ${[...objects].sort().join(', ')} } from './schemas';`,
    '',
    ...(guards.length > 0 ? [`export { ${guards.join(', ')} } from './compiled';`] : []),
    ...objects.flatMap((name) => [
      '',
      `/** ${name} as strict parsing of {@link ${name}Schema} returns it (unknown fields and nulls left out), or FAIL. */`,
      `export function validate${name}(value: unknown): Checked<${name}> {`,
      `  return compiled.validate${name}(value);`,
      '}',
    ]),
    '',
  ].join('\n');
}

/** `src/v221/generated/validators.ts` for 2.2.1, relative to the repository root. */
export function validatorsFile(version: SpecVersion): string {
  return `src/v${version.replaceAll('.', '')}/generated/validators.ts`;
}
