// Prints types the way an editor's hover does: each exported constant of a consumer file, type-checked
// against the sources (through the tsconfig paths, as a user would import the package), turned into
// text by the TypeScript checker.
import type * as TypeScript from 'typescript';
import { ts } from './typescript';

/**
 * The checker's text for the type of every `export declare const <name>: ...` or
 * `export const <name> = ...` of the consumer file at `path` (absolute) in `program`; throws on the
 * file's first type error.
 */
export function printExportedTypes(program: TypeScript.Program, path: string): Map<string, string> {
  const checker = program.getTypeChecker();
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
  return printed;
}
