/** Reading the tar archives GitHub serves: entries, pax headers, and damaged archives refused. */
import { describe, expect, it } from 'vitest';
import { readTar, TarError } from '../../../scripts/spec/tar';
import { tarOf } from './support/archive';

const files = new Map([
  ['README.md', Buffer.from('# read me\n')],
  [`examples/${'long_name_'.repeat(12)}.json`, Buffer.from('{"a": 1}\n')],
  ['empty.txt', Buffer.alloc(0)],
]);

describe('readTar', () => {
  it('reads each file with its path and bytes, a long path from its pax header, and the global comment', () => {
    const archive = readTar(tarOf('ocpi-abc', files, 'abc1234'));
    expect(archive.comment).toBe('abc1234');
    expect(archive.entries.map(({ path, type }) => `${type} ${path}`)).toEqual([
      'directory ocpi-abc',
      'file ocpi-abc/README.md',
      `file ocpi-abc/examples/${'long_name_'.repeat(12)}.json`,
      'file ocpi-abc/empty.txt',
    ]);
    for (const [name, bytes] of files) {
      const entry = archive.entries.find(({ path }) => path === `ocpi-abc/${name}`);
      expect(Buffer.from(entry?.data ?? []).equals(bytes)).toBe(true);
    }
  });

  it('has no comment when the archive carries none', () => {
    expect(readTar(tarOf('top', files)).comment).toBeUndefined();
  });

  it('refuses a header whose checksum does not match, naming where', () => {
    const damaged = tarOf('top', files);
    damaged[512 + 10] = 0x41; // a byte of the second header's name
    expect(() => readTar(damaged)).toThrow(new TarError('The header at byte 512 fails its checksum'));
  });

  it('refuses an archive cut short, inside an entry or before its end block', () => {
    const whole = tarOf('top', files);
    expect(() => readTar(whole.subarray(0, 512 * 3 + 4))).toThrow(/cut short|end-of-archive/);
    expect(() => readTar(whole.subarray(0, whole.length - 1024))).toThrow(
      new TarError('The archive ends without its end-of-archive block'),
    );
  });
});
