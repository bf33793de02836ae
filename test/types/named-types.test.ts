// A spec object type shows by its name: a consumer hovering a `Location` sees `Location`, not the whole
// expanded object, and declarations that mention it stay short. Checked with the TypeScript checker on a
// small consumer file that imports each version entry as a user would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = new URL('../../', import.meta.url);
const VERSIONS = ['v211', 'v221'] as const;

/** The type-only names of an entry's export list that have a schema beside them (`X` and `XSchema`). */
function specTypeNames(entry: string): string[] {
  const lines = readFileSync(new URL(`test/exports/${entry}.txt`, REPO), 'utf8').split('\n');
  const values = new Set(lines.filter((line) => line !== '' && !line.startsWith('type ')));
  return lines
    .filter((line) => line.startsWith('type '))
    .map((line) => line.slice('type '.length))
    .filter((name) => values.has(`${name}Schema`));
}

/** How the checker prints each name's type in a consumer file, for the names whose type is an object. */
function printedObjectTypes(entry: string, names: readonly string[]): Map<string, string> {
  const configFile = fileURLToPath(new URL('tsconfig.json', REPO));
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(REPO));
  const consumer = fileURLToPath(new URL(`test/types/consumer-${entry}.ts`, REPO));
  const text = [
    `import type { ${names.join(', ')} } from '@org/ocpi/${entry}';`,
    ...names.map((name) => `export declare const value_${name}: ${name};`),
  ].join('\n');
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file === consumer || fileExists(file);
  host.readFile = (file) => (file === consumer ? text : readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === consumer
      ? ts.createSourceFile(file, text, language, true)
      : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([consumer], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(consumer);
  if (!source) throw new Error(`consumer file ${consumer} not loaded`);
  const printed = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations[0];
    if (!declaration || !ts.isIdentifier(declaration.name)) continue;
    const type = checker.getTypeAtLocation(declaration.name);
    // Unions, enums and primitives stay type aliases: an interface can only describe an object.
    if (!(type.flags & ts.TypeFlags.Object)) continue;
    printed.set(declaration.name.text.slice('value_'.length), checker.typeToString(type));
  }
  return printed;
}

describe.each(VERSIONS)('spec object types of %s', (entry) => {
  it('print as their own name, not as an expanded object', () => {
    const printed = printedObjectTypes(entry, specTypeNames(entry));
    // The check must cover the objects users meet most, whole and as PATCH bodies.
    expect([...printed.keys()]).toEqual(
      expect.arrayContaining(['Location', 'EVSE', 'Connector', 'Session', 'CDR', 'Tariff', 'Token']),
    );
    expect(printed.has('LocationPatch')).toBe(true);
    const expanded = [...printed].filter(([name, text]) => text !== name);
    expect(expanded).toEqual([]);
  }, 60_000);
});
