// The `@example` blocks of the sources' JSDoc, each turned into a consumer file: the example's code with
// the names a reader takes as given (the entry's exports, `client`, `error`, `token`...) declared before
// it, so that the type checker holds every example to the API it shows.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = new URL('../../', import.meta.url);

export interface JsdocExample {
  /** Where the example is: `src/v221/client.ts:12`. */
  where: string;
  /** The consumer file's absolute path, and its text. */
  path: string;
  text: string;
}

type Entry = 'v211' | 'v221' | 'node' | 'testing';

// What examples use without defining it, as a reader of the surrounding code would have it. `client` is
// a client of the example's version, `error` anything caught.
const GIVEN = (version: 'v211' | 'v221') => `
declare const error: unknown;
declare const token: string;
declare const tokenA: string;
declare const versionsUrl: string;
declare const body: unknown;
declare const page: unknown;
declare const request: Request;
declare const details: { endpoints: Endpoint[] };
declare const client: ${version === 'v221' ? 'Client221' : 'Client211'};
declare const config: RegistrationHandlerConfig;
declare const handlerConfig: OcpiHandlerConfig;
declare const store: PartnerStore;
declare const record: PartnerRecord;
declare const tokenFromHeader: string;
declare const inbox: CommandInbox<${version === 'v221' ? 'CommandResult' : 'unknown'}>;
declare const startSession: StartSession;
declare const ourRole: ${version === 'v221' ? 'CredentialsRole' : 'never'};
declare const findPartnerByToken: TokenLookup<PartnerRecord>;
declare const log: { warn(...values: unknown[]): void };
declare const Deno: { serve(handler: (request: Request) => Promise<Response>): void };
// The app's own database, as examples of module implementations call it.
declare const db: { locations(query: unknown): any; location(id: string): any; save(item: unknown): Promise<void> };
declare function sql(text: TemplateStringsArray, ...values: unknown[]): Promise<unknown[]>;
declare function reRegister(): Promise<void>;
declare function save(item: unknown): void;
declare function done(item: unknown): boolean;
declare function ok(): Response;
declare function notFound(): Response;
declare function unauthorized(): Response;
declare function serveCdrs(request: Request, partner: PartnerRecord): Promise<{ response: Response; statusCode: number }>;
`;

/** The sources' examples, as consumer files (one each), in a directory that does not exist. */
export function jsdocExamples(): JsdocExample[] {
  const exportLists = {
    root: exportList('root'),
    v211: exportList('v211'),
    v221: exportList('v221'),
    node: exportList('node'),
    testing: exportList('testing'),
  };
  const src = fileURLToPath(new URL('src/', REPO));
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.includes('generated/'))
    .sort()
    .flatMap((file) => {
      const source = readFileSync(`${src}${file}`, 'utf8');
      const entry: Entry = file.startsWith('v211/')
        ? 'v211'
        : file.startsWith('node/')
          ? 'node'
          : file.startsWith('testing/')
            ? 'testing'
            : 'v221';
      return examplesIn(source).map(({ line, code }, index) => {
        const version = entry === 'v211' ? 'v211' : 'v221';
        // The entries' names, but for those the example imports itself.
        const own = new Set(
          [...code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap((match) =>
            (match[1] ?? '').split(',').map((name) => name.replace(/^\s*type\s+/, '').trim()),
          ),
        );
        const names = (list: readonly string[]) =>
          list.filter((name) => !own.has(name.replace(/^type /, '')));
        const imports = [
          importFrom('@org/ocpi', names(exportLists.root)),
          importFrom(`@org/ocpi/${version}`, names(exportLists[version])),
          entry === 'node' ? importFrom('@org/ocpi/node', names(exportLists.node)) : '',
          entry === 'testing' ? importFrom('@org/ocpi/testing', names(exportLists.testing)) : '',
          "import * as z from 'zod/mini';",
        ].join('\n');
        const name = `${file.replaceAll('/', '__').replace(/\.ts$/, '')}__${index}.ts`;
        return {
          where: `src/${file}:${line}`,
          path: fileURLToPath(new URL(`test/types/jsdoc-examples/${name}`, REPO)),
          text: consumerText(imports, GIVEN(version), code, file, entry === 'node'),
        };
      });
    });
}

/**
 * What the Node entry's examples use of Node itself, declared in a file of the program: referencing
 * @types/node would put all of Node's types in the one program every public-API suite reads (a second
 * of the test run), and the examples are checked for our API, not Node's.
 */
export const NODE_HTTP_STAND_IN = {
  path: fileURLToPath(new URL('test/types/jsdoc-examples/node-http.d.ts', REPO)),
  text: [
    "declare module 'node:http' {",
    '  export function createServer(listener: (request: never, response: never) => unknown): {',
    '    listen(port: number): void;',
    '  };',
    '}',
  ].join('\n'),
};

// The example's imports first, then the body inside an async function, where `await` and `return` work
// and the names it declares may shadow the given ones. An example of a module that no entry exports
// (an internal helper) also sees that module's own exports. The Node entry's get a stand-in for node:http.
function consumerText(imports: string, given: string, code: string, file: string, node: boolean): string {
  const lines = code.split('\n');
  const isImport = (line: string) => /^import\s/.test(line);
  const module = readFileSync(new URL(`src/${file}`, REPO), 'utf8');
  const ownExports = [...module.matchAll(/^export (?:async )?(?:function|class|const) (\w+)/gm)].map(
    (match) => match[1] as string,
  );
  const internal = ownExports.filter((name) => !PUBLIC_NAMES.has(name));
  return [
    node ? `/// <reference path="${NODE_HTTP_STAND_IN.path}" />` : '',
    imports,
    internal.length > 0
      ? `import { ${internal.join(', ')} } from '../../../src/${file.replace(/\.ts$/, '')}';`
      : '',
    ...lines.filter(isImport),
    given,
    'export async function example(): Promise<unknown> {',
    ...lines.filter((line) => !isImport(line)),
    '  return undefined;',
    '}',
  ].join('\n');
}

// Every name an entry exports.
const PUBLIC_NAMES = new Set(
  ['root', 'v211', 'v221', 'node', 'testing'].flatMap((entry) =>
    exportList(entry).map((name) => name.replace(/^type /, '')),
  ),
);

// The names an entry exports (values and types), from its export list.
function exportList(entry: string): string[] {
  return readFileSync(new URL(`test/exports/${entry}.txt`, REPO), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function importFrom(specifier: string, names: readonly string[]): string {
  return `import { ${names.join(', ')} } from '${specifier}';`;
}

// Each `@example` block: the comment lines after the tag, up to the next tag or the comment's end, with
// the leading ` * ` taken off.
function examplesIn(source: string): { line: number; code: string }[] {
  const lines = source.split('\n');
  const found: { line: number; code: string }[] = [];
  lines.forEach((text, index) => {
    if (!/^\s*\* @example\s*$/.test(text)) return;
    const code: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if (/^\s*\*\/|^\s*\* @\w+/.test(next)) break;
      code.push(next.replace(/^\s*\* ?/, ''));
    }
    found.push({ line: index + 1, code: code.join('\n') });
  });
  return found;
}
