/**
 * Code generator entry point: `npx tsx scripts/codegen/index.ts [specDir] [--check] [--json] [--verbose]`
 * (or `npm run codegen`).
 *
 * Reads the OCPI 2.1.1 and 2.2.1 spec sources into the model, prints per-version totals and writes the
 * generated files (each version's schemas and export list, and the schemas both share; see README.md,
 * write-generated.ts). `--check` writes nothing and
 * fails when a generated file is out of date; `--json` prints the whole model instead; `--verbose`
 * lists the reader's diagnostics. Exits with 1 when the spec folder is missing, a type reference
 * does not resolve, or (with `--check`) a file is stale.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyErrata, renderErrataChanges } from './errata';
import { SPEC_VERSIONS, type SpecModel, type VersionModel } from './model';
import { readSpec } from './read-spec';
import { resolveSpecDir, SpecDirError } from './spec-dir';
import { comparePinWithSpecDir, readSpecPin } from './spec-pin';
import { countTotals } from './totals';
import { renderGenerated, writeGenerated } from './write-generated';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

interface CliOptions {
  specDir: string | undefined;
  json: boolean;
  verbose: boolean;
  check: boolean;
}

const consoleIo: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Runs the CLI and returns the exit code. */
export function main(argv: readonly string[], io: CliIo = consoleIo): number {
  const options = parseArguments(argv);
  let specDir: string;
  try {
    specDir = resolveSpecDir({ argument: options.specDir, env: io.env, cwd: io.cwd });
  } catch (error) {
    if (error instanceof SpecDirError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  const pins = readSpecPin();
  for (const warning of comparePinWithSpecDir(pins, specDir)) io.err(`warning: ${warning}`);
  const model = readSpec(specDir);
  if (options.json) {
    io.out(JSON.stringify(model, null, 2));
    return hasUnresolvedRefs(model) ? 1 : 0;
  }
  printSummary(model, specDir, options.verbose, io);
  if (hasUnresolvedRefs(model)) return 1;
  const errata = applyErrata(model, specDir);
  io.out(`errata: ${errata.changes.length} model changes applied`);
  if (options.verbose) for (const line of renderErrataChanges(errata.changes)) io.out(`  ${line}`);
  const stale = writeGenerated(renderGenerated(errata.model, pins, true), options.check);
  for (const file of stale) io.out(options.check ? `out of date: ${file}` : `wrote ${file}`);
  return options.check && stale.length > 0 ? 1 : 0;
}

/** One line of totals per version, e.g. `2.1.1 (markdown): 14 objects + 20 classes = 34, 177 fields; ...`. */
export function summariseVersion(version: VersionModel): string {
  const totals = countTotals(version);
  return [
    `${version.version} (${version.source.format}):`,
    `${totals.objects} objects + ${totals.classes} classes = ${totals.objectsAndClasses}, ${totals.fields} fields;`,
    `${totals.enums} enums, ${totals.enumValues} values;`,
    `${totals.primitives} primitive types;`,
    `${totals.unnamedStructures} unnamed structures (${totals.unnamedFields} fields);`,
    `${version.unresolved.length} unresolved refs, ${version.diagnostics.length} diagnostics`,
  ].join(' ');
}

function printSummary(model: SpecModel, specDir: string, verbose: boolean, io: CliIo): void {
  io.out(`OCPI spec: ${specDir}`);
  for (const versionName of SPEC_VERSIONS) {
    const version = model.versions[versionName];
    io.out(summariseVersion(version));
    for (const ref of version.unresolved)
      io.err(`  unresolved: ${ref.from} -> ${ref.name} (${ref.file}:${ref.line})`);
    if (!verbose) continue;
    for (const diagnostic of version.diagnostics) {
      io.out(`  ${diagnostic.code}: ${diagnostic.message} (${diagnostic.file}:${diagnostic.line})`);
    }
  }
}

function parseArguments(argv: readonly string[]): CliOptions {
  const positional = argv.filter((argument) => !argument.startsWith('--'));
  return {
    specDir: positional[0],
    json: argv.includes('--json'),
    verbose: argv.includes('--verbose'),
    check: argv.includes('--check'),
  };
}

function hasUnresolvedRefs(model: SpecModel): boolean {
  return SPEC_VERSIONS.some((version) => model.versions[version].unresolved.length > 0);
}

/** True when this file is the script being run (not imported, e.g. by a test). */
function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) process.exitCode = main(process.argv.slice(2));
