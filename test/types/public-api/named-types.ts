// A spec object type shows by its name: a consumer hovering a `Location` sees `Location`, not the whole
// expanded object, and declarations that mention it stay short. Checked with the TypeScript checker on a
// small consumer file that imports each version entry as a user would.
import type * as TypeScript from 'typescript';
import { describe, expect, it } from 'vitest';
import { consumerProgram, declarationOf, specTypeNames, VERSIONS } from '../consumer-program';
import { ts } from '../typescript';

/**
 * How the checker prints each declaration's type, for the names whose type is an object (all of them,
 * or only those the generator declares).
 */
function printedObjectTypes(
  entry: (typeof VERSIONS)[number],
  prefix: string,
  which: 'all' | 'generated' = 'all',
): Map<string, string> {
  const consumer = consumerProgram(entry);
  const printed = new Map<string, string>();
  for (const name of specTypeNames(entry)) {
    if (which === 'generated' && !isGenerated(consumer.checker, declarationOf(consumer, `value_${name}`)))
      continue;
    const declaration = declarationOf(consumer, `${prefix}${name}`);
    const type = consumer.checker.getTypeAtLocation(declaration.name);
    // Unions, enums and primitives stay type aliases: only objects are compared.
    if (!(type.flags & ts.TypeFlags.Object)) continue;
    printed.set(name, consumer.checker.typeToString(type));
  }
  return printed;
}

/** Whether the type of a `value_X` declaration is declared in a generated file. */
function isGenerated(checker: TypeScript.TypeChecker, declaration: TypeScript.VariableDeclaration): boolean {
  const type = checker.getTypeAtLocation(declaration.name);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  return (symbol?.declarations ?? []).some((node) =>
    /[\\/]generated[\\/]/.test(node.getSourceFile().fileName),
  );
}

describe.each(VERSIONS)('spec object types of %s', (entry) => {
  it('print as their own name, not as an expanded object', () => {
    const printed = printedObjectTypes(entry, 'value_');
    // The check must cover the objects users meet most, whole and as PATCH bodies.
    expect([...printed.keys()]).toEqual(
      expect.arrayContaining(['Location', 'EVSE', 'Connector', 'Session', 'CDR', 'Tariff', 'Token']),
    );
    expect(printed.has('LocationPatch')).toBe(true);
    const expanded = [...printed].filter(([name, text]) => text !== name);
    expect(expanded).toEqual([]);
  }, 60_000);

  it('are what their schema parses to, by name, for every object the generator declares', () => {
    // Curated objects (PATCH bodies, queries, open enums) keep zod's inferred output.
    const printed = printedObjectTypes(entry, 'output_', 'generated');
    expect([...printed.keys()]).toEqual(expect.arrayContaining(['Location', 'EVSE', 'CDR', 'Tariff']));
    expect([...printed].filter(([name, text]) => text !== name)).toEqual([]);
  }, 60_000);
});
