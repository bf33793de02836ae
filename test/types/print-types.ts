// Prints types the way an editor's hover does: a consumer file is type-checked against the sources
// (through the tsconfig paths, as a user would import the package) and each exported constant's type is
// turned into text by the TypeScript checker.
import { fileURLToPath } from 'node:url';
import { consumerFilesProgram, ts } from './typescript';

const REPO = new URL('../../', import.meta.url);

/**
 * The checker's text for the type of every `export declare const <name>: ...` or
 * `export const <name> = ...` of each consumer file (name under `test/types/` to text), all checked in
 * one program so that what they share is checked once.
 */
export function printExportedTypes(files: ReadonlyMap<string, string>): Map<string, Map<string, string>> {
  const paths = new Map(
    [...files.keys()].map((name) => [name, fileURLToPath(new URL(`test/types/${name}`, REPO))]),
  );
  const program = consumerFilesProgram(
    new Map([...files].map(([name, text]) => [paths.get(name) ?? name, text])),
  );
  const checker = program.getTypeChecker();
  const printedByFile = new Map<string, Map<string, string>>();
  for (const [name, path] of paths) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`consumer file ${path} not loaded`);
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
    printedByFile.set(name, printed);
  }
  return printedByFile;
}
