// ky is how the client sends, not part of what it promises: no type a user's TypeScript can reach from
// an entry point is declared by ky, so that a new major version of ky cannot change our public types.
// Walked with the checker from every export of every entry: each exported type and value, the types of
// their members, signatures, type arguments and aliases, into every declaration of ours; a type declared
// by another package is checked itself and by its type arguments, not walked into.
import type * as TypeScript from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENTRY_SOURCES, editorProgram, repoPath } from '../consumer-program';
import { ts } from '../typescript';

const ENGINE = /[\\/]node_modules[\\/]ky[\\/]/;
const PACKAGE = /[\\/]node_modules[\\/]/;

interface Reach {
  /** `entry: Name > member > ...` for each ky declaration reached. */
  engineTypes: string[];
  /** The names of our own declarations reached, to show that the walk went somewhere. */
  ours: Set<string>;
}

function reachableFromEntries(): Reach {
  const program = editorProgram();
  const checker = program.getTypeChecker();
  const reach: Reach = { engineTypes: [], ours: new Set() };
  const seenTypes = new Set<TypeScript.Type>();
  const seenSymbols = new Set<TypeScript.Symbol>();

  const declaredIn = (symbol: TypeScript.Symbol | undefined) =>
    (symbol?.declarations ?? []).map((node) => node.getSourceFile().fileName);

  // Whether to walk into what the symbol declares: ours yes, another package's no (ky's is reported).
  function checkSymbol(symbol: TypeScript.Symbol | undefined, path: string): boolean {
    if (!symbol) return true;
    const files = declaredIn(symbol);
    if (files.some((file) => ENGINE.test(file))) {
      reach.engineTypes.push(`${path} (ky's ${symbol.name})`);
      return false;
    }
    return !files.some((file) => PACKAGE.test(file));
  }

  function visitSymbol(symbol: TypeScript.Symbol, path: string): void {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (seenSymbols.has(target)) return;
    seenSymbols.add(target);
    if (!checkSymbol(target, path)) return;
    reach.ours.add(target.name);
    const declaration = target.declarations?.[0];
    if (target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Class)) {
      visitType(checker.getDeclaredTypeOfSymbol(target), path);
    }
    if (declaration && target.flags & ts.SymbolFlags.Value) {
      visitType(checker.getTypeOfSymbolAtLocation(target, declaration), path);
    }
  }

  function visitType(type: TypeScript.Type, path: string): void {
    if (seenTypes.has(type)) return;
    seenTypes.add(type);
    if (type.aliasSymbol && !checkSymbol(type.aliasSymbol, path)) {
      for (const argument of type.aliasTypeArguments ?? []) visitType(argument, `${path}<>`);
      return;
    }
    for (const argument of type.aliasTypeArguments ?? []) visitType(argument, `${path}<>`);
    if (type.isUnionOrIntersection()) {
      for (const member of type.types) visitType(member, path);
      return;
    }
    const symbol = type.getSymbol();
    const reference = type.flags & ts.TypeFlags.Object ? (type as TypeScript.TypeReference) : undefined;
    const typeArguments =
      reference && (reference as TypeScript.ObjectType).objectFlags & ts.ObjectFlags.Reference
        ? checker.getTypeArguments(reference)
        : [];
    for (const argument of typeArguments) visitType(argument, `${path}<>`);
    if (!checkSymbol(symbol, path) || !(type.flags & ts.TypeFlags.Object)) return;
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.declarations?.[0];
      if (!checkSymbol(property, `${path}.${property.name}`) || !declaration) continue;
      reach.ours.add(property.name);
      visitType(checker.getTypeOfSymbolAtLocation(property, declaration), `${path}.${property.name}`);
    }
    const signatures = [
      ...checker.getSignaturesOfType(type, ts.SignatureKind.Call),
      ...checker.getSignaturesOfType(type, ts.SignatureKind.Construct),
    ];
    for (const signature of signatures) {
      for (const parameter of signature.getParameters()) {
        const declaration = parameter.valueDeclaration ?? parameter.declarations?.[0];
        if (declaration) {
          visitType(checker.getTypeOfSymbolAtLocation(parameter, declaration), `${path}(${parameter.name})`);
        }
      }
      visitType(signature.getReturnType(), `${path}()`);
    }
    for (const info of checker.getIndexInfosOfType(type)) visitType(info.type, `${path}[]`);
  }

  for (const [list, source] of Object.entries(ENTRY_SOURCES)) {
    const file = program.getSourceFile(repoPath(source));
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`TypeScript found no module in ${source}`);
    for (const symbol of checker.getExportsOfModule(module)) visitSymbol(symbol, `${list}: ${symbol.name}`);
  }
  return reach;
}

describe('the public types and the HTTP engine', () => {
  const reach = reachableFromEntries();

  it('reaches the client options and their members', () => {
    for (const name of ['Client221Options', 'Client211Options', 'RetryPolicy', 'Middleware', 'onRequest']) {
      expect(reach.ours, name).toContain(name);
    }
  });

  it('mentions no type of ky anywhere a user can reach', () => {
    expect(reach.engineTypes).toEqual([]);
  });
});
