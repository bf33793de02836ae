// Reads the OCPI spec sources at test time, on first use: a test that needs no spec runs without it. They
// are never copied into this repository; the folder is found as the generator finds it (OCPI_SPEC_DIR,
// then ../shared/ocpi-spec beside the repository, then the cache `npm run spec:fetch` fills).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import {
  defaultSpecDir,
  resolveSpecDir,
  SPEC_DIR_ENV,
  SPEC_FETCH_COMMAND,
  SpecDirError,
  specCacheDir,
} from '../../scripts/codegen/spec-dir';

/** The spec is needed and was not found: one line saying where it was looked for and how to get it. */
export class SpecNotFoundError extends Error {
  override name = 'SpecNotFoundError';

  constructor(cause: SpecDirError) {
    const guide = 'README, "Set up on a fresh machine"';
    const named = process.env[SPEC_DIR_ENV];
    super(
      named !== undefined && named !== ''
        ? `This test reads the OCPI spec: ${cause.problem}. Correct ${SPEC_DIR_ENV}, or unset it to look ` +
            `beside the checkout and in the cache \`${SPEC_FETCH_COMMAND}\` fills (${guide}).`
        : `This test reads the OCPI spec, which is neither beside the checkout (${defaultSpecDir()}) nor ` +
            `in the cache (${specCacheDir()}): run \`${SPEC_FETCH_COMMAND}\` to download it there, or set ` +
            `${SPEC_DIR_ENV} to a copy (${guide}).`,
    );
    // No stack: the message says all, and a failing file shows it once instead of a trace per import.
    this.stack = `${this.name}: ${this.message}`;
  }
}

let found: string | undefined;

/** The spec folder, looked up on the first call; throws SpecNotFoundError when there is none. */
export function specDir(): string {
  if (found === undefined) {
    try {
      found = resolveSpecDir();
    } catch (error) {
      throw error instanceof SpecDirError ? new SpecNotFoundError(error) : error;
    }
  }
  return found;
}

/** A value read from the spec when a test first asks for it, then kept for the file's other tests. */
export function fromSpec<T>(read: () => T): () => T {
  let value: { read: T } | undefined;
  return () => {
    value ??= { read: read() };
    return value.read;
  };
}

/**
 * A describe block whose tests are made from the spec's content (one per example file, per block...).
 * Without the spec it holds one failing test that says where the spec was looked for, so the file's
 * other tests still run. Only what `body` reads directly is covered: a nested describe that reads the
 * spec needs its own describeWithSpec.
 */
export function describeWithSpec(name: string, body: () => void): void {
  describe(name, () => {
    try {
      body();
    } catch (error) {
      if (!(error instanceof SpecNotFoundError)) throw error;
      it('reads the OCPI spec', () => {
        throw error;
      });
    }
  });
}

export function readSpecFile(version: '2.1.1' | '2.2.1', file: string): string {
  return readFileSync(resolve(specDir(), version, file), 'utf8');
}

/** A JSON example file of the 2.2.1 spec, parsed. */
export function readExample221(name: string): unknown {
  return JSON.parse(readSpecFile('2.2.1', `examples/${name}`));
}

export function listExamples221(): string[] {
  return readdirSync(resolve(specDir(), '2.2.1', 'examples')).filter((name) => name.endsWith('.json'));
}

/** The fenced ```json blocks of a 2.1.1 markdown file, parsed, with the heading they stand under. */
export function fencedJsonBlocks(markdown: string): { heading: string; value: unknown }[] {
  const blocks: { heading: string; value: unknown }[] = [];
  let heading = '';
  let body: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (body) {
      if (line.trim() === '```') {
        blocks.push({ heading, value: JSON.parse(body.join('\n')) });
        body = undefined;
      } else {
        body.push(line);
      }
    } else if (line.trim() === '```json') {
      body = [];
    } else if (line.startsWith('#')) {
      heading = line.replace(/^#+\s*/, '');
    }
  }
  return blocks;
}

/** The lines of the first literal block after `marker` in a spec text (indented or `----` fenced). */
export function literalBlockAfter(text: string, marker: string): string[] {
  const start = text.indexOf(marker);
  if (start === -1) throw new Error(`Spec text has no ${JSON.stringify(marker)}`);
  const lines = text.slice(start).split('\n').slice(1);
  const fenced = lines.findIndex((line) => line.trim() === '----');
  const firstIndented = lines.findIndex((line) => /^ {4}\S/.test(line));
  if (fenced !== -1 && (firstIndented === -1 || fenced < firstIndented)) {
    const end = lines.findIndex((line, index) => index > fenced && line.trim() === '----');
    return lines.slice(fenced + 1, end).map((line) => line.trim());
  }
  const block: string[] = [];
  for (const line of lines.slice(firstIndented)) {
    if (!line.startsWith('    ') || line.trim() === '') break;
    block.push(line.trim());
  }
  return block;
}

/** The inline `[source,json]` blocks of a 2.2.1 asciidoc file (not the `include::` ones), parsed. */
export function asciidocJsonBlocks(text: string): unknown[] {
  const blocks: unknown[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]?.trim() !== '[source,json]' || lines[index + 1]?.trim() !== '----') continue;
    const end = lines.findIndex((line, at) => at > index + 1 && line.trim() === '----');
    const body = lines.slice(index + 2, end).join('\n');
    if (!body.trimStart().startsWith('include::')) blocks.push(JSON.parse(body));
    index = end;
  }
  return blocks;
}
