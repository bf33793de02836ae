// The one TypeScript program of the public-API tests, built with the repository's tsconfig (the entry
// names resolve to src/): every entry's source, for its export list; for each version entry, a consumer
// file that imports every spec type and schema as a user would; and the client consumer files
// (client-consumer.ts), and the sources' JSDoc examples (jsdoc-examples.ts). All are checked by one checker, so that the libraries, zod and the sources are
// read and checked once for every suite.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { clientConsumerTexts } from './client-consumer';
import { jsdocExamples, NODE_HTTP_STAND_IN } from './jsdoc-examples';
import { consumerFilesProgram, ts } from './typescript';

const REPO = new URL('../../', import.meta.url);

export const VERSIONS = ['v211', 'v221'] as const;
export type VersionEntry = (typeof VERSIONS)[number];

/** The type-only names of an entry's export list that have a schema beside them (`X` and `XSchema`). */
export function specTypeNames(entry: VersionEntry): string[] {
  const lines = readFileSync(new URL(`test/exports/${entry}.txt`, REPO), 'utf8').split('\n');
  const values = new Set(lines.filter((line) => line !== '' && !line.startsWith('type ')));
  return lines
    .filter((line) => line.startsWith('type '))
    .map((line) => line.slice('type '.length))
    .filter((name) => values.has(`${name}Schema`));
}

export interface Consumer {
  checker: TypeScript.TypeChecker;
  program: TypeScript.Program;
  source: TypeScript.SourceFile;
  /** The consumer's declarations by name (`value_Location`, `output_Location`, ...). */
  declarations: Map<string, TypeScript.VariableDeclaration>;
}

let program: TypeScript.Program | undefined;

/** The entry points' sources, by the export list that names what each exports. */
export const ENTRY_SOURCES = {
  root: 'src/index.ts',
  v211: 'src/v211/index.ts',
  v221: 'src/v221/index.ts',
  node: 'src/node/index.ts',
  testing: 'src/testing/index.ts',
} as const;

/** The absolute path of a file of the repository. */
export const repoPath = (path: string) => fileURLToPath(new URL(path, REPO));

/** The program of the entries and of every consumer file the public-API tests read, built on first use. */
export function editorProgram(): TypeScript.Program {
  program ??= consumerFilesProgram(
    new Map([
      ...specConsumerTexts(),
      ...clientConsumerTexts(),
      ...jsdocExamples().map(({ path, text }) => [path, text] as const),
      [NODE_HTTP_STAND_IN.path, NODE_HTTP_STAND_IN.text],
    ]),
    Object.values(ENTRY_SOURCES).map(repoPath),
  );
  return program;
}

const specConsumerPath = (entry: VersionEntry) =>
  fileURLToPath(new URL(`test/types/consumer-${entry}.ts`, REPO));

function specConsumerTexts(): Map<string, string> {
  return new Map(VERSIONS.map((entry) => [specConsumerPath(entry), consumerText(entry)]));
}

let consumers: Map<VersionEntry, Consumer> | undefined;

/**
 * For every spec type `X` of the entry: `value_X`, a value of the type; `output_X`, a value parsed by
 * `XSchema`; and `same_X`, true only when `X` is assignable both ways to `z.output<typeof XSchema>`
 * and, for an object schema, to what zod itself infers from its shape.
 */
export function consumerProgram(entry: VersionEntry): Consumer {
  consumers ??= buildConsumers();
  const consumer = consumers.get(entry);
  if (!consumer) throw new Error(`no consumer for ${entry}`);
  return consumer;
}

function buildConsumers(): Map<VersionEntry, Consumer> {
  const program = editorProgram();
  const checker = program.getTypeChecker();
  return new Map(
    VERSIONS.map((entry) => {
      const file = specConsumerPath(entry);
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`consumer file ${file} not loaded`);
      const declarations = new Map<string, TypeScript.VariableDeclaration>();
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const declaration = statement.declarationList.declarations[0];
        if (declaration && ts.isIdentifier(declaration.name))
          declarations.set(declaration.name.text, declaration);
      }
      return [entry, { checker, program, source, declarations }];
    }),
  );
}

function consumerText(entry: VersionEntry): string {
  const names = specTypeNames(entry);
  return [
    "import type * as z from 'zod/mini';",
    `import { ${names.flatMap((name) => [`type ${name}`, `${name}Schema`]).join(', ')} } from '@org/ocpi/${entry}';`,
    // What zod infers from an object schema's shape alone, without the named output the generator
    // declares (read from the shape, so that it holds even when the declared output does not fit).
    'type Inferred<Shape extends z.core.$ZodShape> = z.output<z.ZodMiniObject<Shape, z.core.$strict>>;',
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    // Both the schema's declared output and, for an object, zod's inference from its shape.
    'type Both<A extends boolean, B extends boolean> = A extends true ? B : false;',
    'type Matches<S, T> = Both<',
    '  Same<z.output<S>, T>,',
    '  S extends { shape: infer Shape extends z.core.$ZodShape } ? Same<Inferred<Shape>, T> : true',
    '>;',
    ...names.flatMap((name) => [
      `export declare const value_${name}: ${name};`,
      `export const output_${name} = ${name}Schema.parse(undefined);`,
      `export const same_${name}: Matches<typeof ${name}Schema, ${name}> = true;`,
    ]),
  ].join('\n');
}

/** The consumer's declaration of `name`; throws when the consumer has none. */
export function declarationOf(consumer: Consumer, name: string): TypeScript.VariableDeclaration {
  const declaration = consumer.declarations.get(name);
  if (!declaration) throw new Error(`the consumer declares no ${name}`);
  return declaration;
}
