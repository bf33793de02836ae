/**
 * Reads the entries of a tar archive (ustar, with the pax headers `git archive` writes), enough for the
 * GitHub archives of the spec repository; no dependency. Each header's checksum is verified, so a
 * damaged archive throws instead of yielding garbled entries.
 */

const BLOCK = 512;

export interface TarEntry {
  /** Path as stored (pax `path` when given), without a trailing `/`. */
  path: string;
  type: 'file' | 'directory' | 'other';
  data: Uint8Array;
}

export interface TarArchive {
  entries: TarEntry[];
  /** The pax global `comment`: `git archive` puts the commit id of the archived tree there. */
  comment: string | undefined;
}

export class TarError extends Error {
  override name = 'TarError';
}

/** The entries of an uncompressed tar archive, in order. */
export function readTar(archive: Uint8Array): TarArchive {
  const entries: TarEntry[] = [];
  let comment: string | undefined;
  let next: Record<string, string> = {};
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return { entries, comment };
    verifyChecksum(header, offset);
    const size = readNumber(header, 124, 12, offset);
    const start = offset + BLOCK;
    const end = start + size;
    if (end > archive.length) throw new TarError(`The entry at byte ${offset} is cut short`);
    const data = archive.subarray(start, end);
    const flag = String.fromCharCode(header[156] ?? 0);
    if (flag === 'g') {
      comment = readPax(data).comment ?? comment;
    } else if (flag === 'x') {
      next = readPax(data);
    } else {
      const name = next.path ?? joinName(readString(header, 345, 155), readString(header, 0, 100));
      const type = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'directory' : 'other';
      entries.push({ path: name.replace(/\/$/, ''), type, data });
      next = {};
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new TarError('The archive ends without its end-of-archive block');
}

function joinName(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`;
}

function readString(header: Uint8Array, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8');
}

function readNumber(header: Uint8Array, start: number, length: number, at: number): number {
  const text = readString(header, start, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarError(`The header at byte ${at} has a malformed number`);
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function verifyChecksum(header: Uint8Array, at: number): void {
  const stored = readNumber(header, 148, 8, at);
  let sum = 0;
  // The checksum field itself counts as eight spaces.
  header.forEach((byte, index) => {
    sum += index >= 148 && index < 156 ? 0x20 : byte;
  });
  if (sum !== stored) throw new TarError(`The header at byte ${at} fails its checksum`);
}

/** pax records: `<length> <key>=<value>\n`, the length counting the whole record. */
function readPax(data: Uint8Array): Record<string, string> {
  const records: Record<string, string> = {};
  const bytes = Buffer.from(data);
  let offset = 0;
  while (offset < bytes.length) {
    const space = bytes.indexOf(0x20, offset);
    const length = Number(bytes.subarray(offset, space).toString('latin1'));
    if (space === -1 || !Number.isInteger(length) || length <= 0 || offset + length > bytes.length) {
      throw new TarError('A pax header is malformed');
    }
    const record = bytes.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}
