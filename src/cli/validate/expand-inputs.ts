// The inputs named on the command line: `-` for stdin, paths, and glob patterns (tinyglobby, since
// Node 20's fs has none) expanded in order, each file once.
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { glob, isDynamicPattern } from 'tinyglobby';

/** One input to read: its name in the report, and how to open it. */
export interface InputSource {
  /** As given (a path relative to the working directory), or `<stdin>`. */
  readonly name: string;
  open(): Readable;
}

/** What the arguments name: the inputs, and the arguments that named nothing readable. */
export interface ExpandedInputs {
  readonly sources: readonly InputSource[];
  readonly missing: readonly { readonly argument: string; readonly problem: string }[];
}

/** The name of standard input in reports. */
export const STDIN_NAME = '<stdin>';

/** Expands `args` against `cwd`: a path that exists is taken as it is, else a pattern is globbed. */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  stdin: Readable,
): Promise<ExpandedInputs> {
  const sources: InputSource[] = [];
  const missing: { argument: string; problem: string }[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const path = resolve(cwd, name);
    if (seen.has(path)) return;
    seen.add(path);
    sources.push({ name, open: () => createReadStream(path) });
  };
  for (const argument of args) {
    if (argument === '-') {
      if (!seen.has(STDIN_NAME)) sources.push({ name: STDIN_NAME, open: () => stdin });
      seen.add(STDIN_NAME);
      continue;
    }
    const kind = kindOf(resolve(cwd, argument));
    if (kind === 'file') add(argument);
    else if (kind === 'directory')
      missing.push({ argument, problem: 'is a directory: name its files, or a glob such as dir/*.json' });
    else if (isDynamicPattern(argument)) {
      const matches = await glob(argument, { cwd, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) missing.push({ argument, problem: 'no file matches this pattern' });
      for (const match of matches.sort()) add(match);
    } else {
      missing.push({ argument, problem: 'no such file' });
    }
  }
  return { sources, missing };
}

function kindOf(path: string): 'file' | 'directory' | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return undefined;
  return stats.isDirectory() ? 'directory' : 'file';
}
