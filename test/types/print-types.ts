// Prints types the way an editor's hover does: a consumer file is type-checked against the sources
// (through the tsconfig paths, as a user would import the package) and each exported constant's type is
// turned into text by the TypeScript checker.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';

// Required, not imported: Node's ESM loader scans the 9 MB CommonJS file for its export names first,
// which tripled the time to load it.
const ts: typeof TypeScript = createRequire(import.meta.url)('typescript');

const REPO = new URL('../../', import.meta.url);

// The last program, whose unchanged files (the standard library, the sources) the next one reuses
// instead of reading and parsing them again.
let previous: TypeScript.Program | undefined;

/**
 * The checker's text for the type of every `export declare const <name>: ...` or
 * `export const <name> = ...` of a consumer file written under `test/types/`.
 */
export function printExportedTypes(fileName: string, text: string): Map<string, string> {
  const configFile = fileURLToPath(new URL('tsconfig.json', REPO));
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(REPO));
  // The entries are Web-standard: a consumer needs no Node types (a browser user has none), and reading
  // them was most of the time of a program; the consumer must still compile without them (checked below).
  options.types = [];
  const consumer = fileURLToPath(new URL(`test/types/${fileName}`, REPO));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file === consumer || fileExists(file);
  host.readFile = (file) => (file === consumer ? text : readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === consumer
      ? ts.createSourceFile(file, text, language, true)
      : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([consumer], options, host, previous);
  previous = program;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(consumer);
  if (!source) throw new Error(`consumer file ${consumer} not loaded`);
  const errors = ts.getPreEmitDiagnostics(program, source);
  if (errors.length > 0) {
    throw new Error(ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? '', '\n'));
  }
  const printed = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const type = checker.getTypeAtLocation(declaration.name);
      printed.set(
        declaration.name.text,
        checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation),
      );
    }
  }
  return printed;
}
