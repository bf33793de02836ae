// Builds .tar.gz archives shaped like GitHub's (`git archive` output: a pax global header whose comment
// is the commit id, every file below one top folder), to serve the spec fetcher from a local server.
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

/** One ustar header block; `name` must fit its 100 bytes (longer ones go in a pax header first). */
function header(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  block.write('00000000000\0', 136, 'latin1');
  block.write(type, 156, 'latin1');
  block.write('ustar\0' + '00', 257, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

function padded(data: Uint8Array): Buffer {
  const size = Math.ceil(data.length / BLOCK) * BLOCK;
  const out = Buffer.alloc(size);
  out.set(data);
  return out;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length++;
  return `${length}${body}`;
}

function entry(name: string, data: Uint8Array, type = '0'): Buffer[] {
  const blocks: Buffer[] = [];
  if (Buffer.byteLength(name) > 100) {
    const pax = Buffer.from(paxRecord('path', name));
    blocks.push(header('pax-header', pax.length, 'x'), padded(pax));
  }
  blocks.push(header(name.slice(0, 100), data.length, type), padded(data));
  return blocks;
}

/** An uncompressed tar of `files` (path -> bytes) below `top/`, with `comment` as its pax global comment. */
export function tarOf(top: string, files: ReadonlyMap<string, Uint8Array>, comment?: string): Buffer {
  const blocks: Buffer[] = [];
  if (comment !== undefined) {
    const pax = Buffer.from(paxRecord('comment', comment));
    blocks.push(header('pax_global_header', pax.length, 'g'), padded(pax));
  }
  blocks.push(...entry(`${top}/`, new Uint8Array(), '5'));
  for (const [name, data] of files) blocks.push(...entry(`${top}/${name}`, data));
  blocks.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(blocks);
}

/** The .tar.gz GitHub serves for `commit`: top folder `<repo>-<commit>`, the commit id as comment. */
export function githubLikeArchive(commit: string, files: ReadonlyMap<string, Uint8Array>): Buffer {
  return gzipSync(tarOf(`ocpi-${commit}`, files, commit));
}
