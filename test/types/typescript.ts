// The TypeScript compiler for the type tests, and the program they check consumer files in.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';

// Required, not imported: Node's ESM loader scans the 9 MB CommonJS file for its export names first,
// which tripled the time to load it.
export const ts: typeof TypeScript = createRequire(import.meta.url)('typescript');

const REPO = new URL('../../', import.meta.url);

/**
 * A program of consumer files (absolute path to text), and of `sources` besides, under the repository's
 * tsconfig, so that the package's entries resolve to the sources as a user's import would. The entries
 * are Web-standard: a consumer gets no Node types (a browser user has none), which also spares reading
 * them.
 */
export function consumerFilesProgram(
  texts: ReadonlyMap<string, string>,
  sources: readonly string[] = [],
): TypeScript.Program {
  const configFile = fileURLToPath(new URL('tsconfig.json', REPO));
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(REPO));
  options.types = [];
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => texts.has(file) || fileExists(file);
  host.readFile = (file) => texts.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = texts.get(file);
    return text === undefined
      ? getSourceFile(file, language, ...rest)
      : ts.createSourceFile(file, text, language, true);
  };
  return ts.createProgram([...texts.keys(), ...sources], options, host);
}
