// Reads the inline JSON examples of the 2.1.1 spec at test time. 2.1.1 has no example files: its examples
// are ```json blocks in the markdown, read here from the text as corrected by the published errata and
// never copied into this repository. Many are not plain JSON as written (a request line before the
// body, a fragment without braces), so each is taken out the way its table entry says.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HttpMethod } from '@org/ocpi';
import { correctedSpecFile } from '../../scripts/codegen/errata';
import { readSpecFile, specDir } from './spec';

/** One ```json block of a 2.1.1 markdown file, as written. */
export interface SpecBlock211 {
  file: string;
  /** Its position among the file's ```json blocks, from 0. */
  index: number;
  /** The heading it stands under, without the `#`s. */
  heading: string;
  /** The line of its opening fence, in the text read. */
  line: number;
  text: string;
}

/**
 * How to take the example's value out of its block: the block is the `body` itself; a `request` line
 * (`PATCH To URL: https://...`) and a blank line stand before the body; or it is a `fragment`
 * (`"energy_mix": {...}`) whose value is under `key` once wrapped in braces.
 */
export type Extraction =
  | { from: 'body' }
  | { from: 'request'; method: HttpMethod }
  | { from: 'fragment'; key: string };

/** What a block holds once taken out: the value, and the request line's method and URL if it had one. */
export interface Extracted {
  value: unknown;
  request?: { method: string; url: string };
}

/** The markdown files of the 2.1.1 spec folder. */
export function specFiles211(): string[] {
  return readdirSync(resolve(specDir(), '2.1.1'))
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** The ```json blocks of a 2.1.1 file: from the errata-corrected text, or the tagged text when `tagged`. */
export function jsonBlocks211(file: string, options: { tagged?: boolean } = {}): SpecBlock211[] {
  const text = options.tagged ? readSpecFile('2.1.1', file) : correctedSpecFile(specDir(), '2.1.1', file);
  const blocks: SpecBlock211[] = [];
  let heading = '';
  let open: { line: number; body: string[] } | undefined;
  text.split('\n').forEach((line, at) => {
    if (open) {
      if (line.trim() === '```') {
        blocks.push({ file, index: blocks.length, heading, line: open.line, text: open.body.join('\n') });
        open = undefined;
      } else {
        open.body.push(line);
      }
    } else if (line.trim() === '```json') {
      open = { line: at + 1, body: [] };
    } else if (line.startsWith('#')) {
      heading = line.replace(/^#+\s*/, '').trim();
    }
  });
  if (open) throw new Error(`${file}: the block opened at line ${open.line} is never closed`);
  return blocks;
}

/** One block of a file, by index; throws when there is none. */
export function jsonBlock211(file: string, index: number, options: { tagged?: boolean } = {}): SpecBlock211 {
  const block = jsonBlocks211(file, options)[index];
  if (!block) throw new Error(`${file} has no JSON block ${index}`);
  return block;
}

const REQUEST_LINE = /^\s*(\w+) To URL: (\S+)\s*\n\s*\n/;
const FRAGMENT = /^\s*"(\w+)"\s*:/;

/**
 * Takes the value out of a block as `how` says, and refuses a block of another shape: a body with a
 * request line before it, a request without one, or a fragment under another key. JSON errors throw.
 */
export function extract(block: Pick<SpecBlock211, 'text'>, how: Extraction): Extracted {
  const request = REQUEST_LINE.exec(block.text);
  const fragment = FRAGMENT.exec(block.text);
  switch (how.from) {
    case 'body':
      if (request || fragment) throw new Error('The block is not a bare JSON value');
      return { value: JSON.parse(block.text) };
    case 'request': {
      if (!request) throw new Error('The block has no request line');
      const [line, method = '', url = ''] = request;
      if (method !== how.method) throw new Error(`The request line says ${method}, not ${how.method}`);
      return { value: JSON.parse(block.text.slice(line.length)), request: { method, url } };
    }
    case 'fragment': {
      if (fragment?.[1] !== how.key) throw new Error(`The block is not a "${how.key}" fragment`);
      const wrapped = JSON.parse(`{${block.text}}`) as Record<string, unknown>;
      if (Object.keys(wrapped).length !== 1) throw new Error('The fragment has more than one key');
      return { value: wrapped[how.key] };
    }
  }
}

/** The value of one example, taken out of the corrected spec text. */
export function readExample211(file: string, index: number, how: Extraction): unknown {
  return extract(jsonBlock211(file, index), how).value;
}

/**
 * The path of a request line's URL below the module's endpoint: `/NL/TNM/1012/3255` for
 * `https://www.server.com/ocpi/emsp/2.0/locations/NL/TNM/1012/3255` in module `locations`.
 */
export function pathBelowModule(url: string, module: string): string {
  const { pathname } = new URL(url);
  const at = pathname.indexOf(`/${module}`);
  if (at === -1) throw new Error(`${url} is not below a ${module} endpoint`);
  return pathname.slice(at + module.length + 1);
}

/** True when `path` fills the placeholders of an operation path (`/{country_code}/{party_id}/...`). */
export function matchesTemplate(path: string, template: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}
