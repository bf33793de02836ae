/** The errata diffs rebuilt as git prints them: the spec's own, and a small made-up change. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctedSpecFile, ERRATA_FILES, readErrata } from '../../../scripts/codegen/errata';
import { SPEC_VERSIONS } from '../../../scripts/codegen/model';
import { blobId, gitDiffFile } from '../../../scripts/spec/git-diff';
import { readManifest, sha256 } from '../../../scripts/spec/manifest';
import { specDir } from '../../support/spec';

// Indented body lines, so that only the headings qualify as git's function-name line.
const before = ['Heading one', ...range(1, 14), 'Section two', ...range(15, 40)];
const after = before.map((line) =>
  ['  body 5', '  body 10', '  body 20', '  body 32'].includes(line) ? `${line} changed` : line,
);

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `  body ${from + index}`);
}

describe('gitDiffFile', () => {
  it('prints what `git diff` prints for the same change (made with git 2.39, written out here)', () => {
    const diff = gitDiffFile(
      'a.txt',
      Buffer.from(`${before.join('\n')}\n`),
      Buffer.from([...after, '  appended'].join('\n')),
    );
    expect(diff.toString('utf8').split('\n')).toEqual([
      'diff --git a/a.txt b/a.txt',
      'index 46bc9cc..2ab4d19 100644',
      '--- a/a.txt',
      '+++ b/a.txt',
      // Changes 4 unchanged lines apart share a hunk; 7 apart they do not (git joins up to 6).
      '@@ -3,12 +3,12 @@ Heading one',
      ...['  body 2', '  body 3', '  body 4'].map((line) => ` ${line}`),
      '-  body 5',
      '+  body 5 changed',
      ...['  body 6', '  body 7', '  body 8', '  body 9'].map((line) => ` ${line}`),
      '-  body 10',
      '+  body 10 changed',
      ...['  body 11', '  body 12', '  body 13'].map((line) => ` ${line}`),
      '@@ -19,7 +19,7 @@ Section two',
      ...['  body 17', '  body 18', '  body 19'].map((line) => ` ${line}`),
      '-  body 20',
      '+  body 20 changed',
      ...['  body 21', '  body 22', '  body 23'].map((line) => ` ${line}`),
      // No heading since the last hunk: git keeps the one it found before.
      '@@ -31,7 +31,7 @@ Section two',
      ...['  body 29', '  body 30', '  body 31'].map((line) => ` ${line}`),
      '-  body 32',
      '+  body 32 changed',
      ...['  body 33', '  body 34', '  body 35'].map((line) => ` ${line}`),
      '@@ -40,3 +40,4 @@ Section two',
      ...['  body 38', '  body 39', '  body 40'].map((line) => ` ${line}`),
      '+  appended',
      '\\ No newline at end of file',
      '',
    ]);
  });

  it('is empty for an unchanged file', () => {
    expect(gitDiffFile('a.txt', Buffer.from('same\n'), Buffer.from('same\n'))).toHaveLength(0);
  });

  it("names blobs as git does (SHA-1 of 'blob <size>\\0<bytes>', 7 digits)", () => {
    // `git hash-object` of an empty file and of "hello\n".
    expect(blobId(new Uint8Array())).toBe('e69de29');
    expect(blobId(Buffer.from('hello\n'))).toBe('ce01362');
  });

  it.each(SPEC_VERSIONS)(
    'rebuilds the %s errata diff byte for byte from the tagged and corrected files',
    (version) => {
      const dir = specDir();
      const files = readErrata(dir, version).map((diff) => diff.file);
      const rebuilt = Buffer.concat(
        files.map((file) =>
          gitDiffFile(
            file,
            readFileSync(path.join(dir, version, file)),
            Buffer.from(correctedSpecFile(dir, version, file)),
          ),
        ),
      );
      const published = readFileSync(path.join(dir, 'errata', ERRATA_FILES[version]));
      expect(rebuilt.equals(published)).toBe(true);
      expect(sha256(rebuilt)).toBe(readManifest().versions[version].errata.diff);
    },
  );
});
