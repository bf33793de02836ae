// Reads the OCPI spec sources at test time. They are never copied into this repository: the path comes
// from OCPI_SPEC_DIR, by default ../shared/ocpi-spec beside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveSpecDir } from '../../scripts/codegen/spec-dir';

/** The spec folder, found as the generator finds it; a clear error when it is missing. */
export const SPEC_DIR = resolveSpecDir();

export function readSpecFile(version: '2.1.1' | '2.2.1', file: string): string {
  return readFileSync(resolve(SPEC_DIR, version, file), 'utf8');
}

/** A JSON example file of the 2.2.1 spec, parsed. */
export function readExample221(name: string): unknown {
  return JSON.parse(readSpecFile('2.2.1', `examples/${name}`));
}

export function listExamples221(): string[] {
  return readdirSync(resolve(SPEC_DIR, '2.2.1', 'examples')).filter((name) => name.endsWith('.json'));
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
