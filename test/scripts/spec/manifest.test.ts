/** spec-files.json: its shape, and that it pins exactly the spec folder the tests and the generator read. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ERRATA_FILES } from '../../../scripts/codegen/errata';
import { SPEC_VERSIONS } from '../../../scripts/codegen/model';
import {
  compareSpecDir,
  isSafeRelativePath,
  parseManifest,
  pinnedFileNames,
  readManifest,
  SpecManifestError,
} from '../../../scripts/spec/manifest';
import { recordDigests } from '../../../scripts/spec/record-digests';
import { specDir } from '../../support/spec';

const scratch = mkdtempSync(path.join(tmpdir(), 'ocpi-spec-manifest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('spec-files.json', () => {
  it('reads as a manifest of both versions', () => {
    const manifest = readManifest();
    expect(manifest.repository).toBe('ocpi/ocpi');
    expect(Object.keys(manifest.versions)).toEqual([...SPEC_VERSIONS]);
    expect(Object.keys(manifest.versions['2.2.1'].files)).toContain('examples/cdr_example.json');
  });

  it('refuses a path that leaves its folder, a malformed digest or a corrected file that is not pinned', () => {
    const valid = readManifest();
    const withFiles = (files: Record<string, string>) =>
      JSON.stringify({
        ...valid,
        versions: { ...valid.versions, '2.1.1': { ...valid.versions['2.1.1'], files } },
      });
    const digest = 'a'.repeat(64);
    expect(() => parseManifest(withFiles({ '../outside.md': digest }))).toThrow(
      new SpecManifestError('spec-files.json: 2.1.1.files: unsafe path "../outside.md"'),
    );
    expect(() => parseManifest(withFiles({ 'a.md': 'abc' }))).toThrow(
      /2\.1\.1\.files\["a\.md"\] must be a SHA-256/,
    );
    expect(() => parseManifest(withFiles({ 'a.md': digest }))).toThrow(
      /2\.1\.1\.errata\.files: \S+ is not a pinned file/,
    );
    for (const unsafe of ['', '/etc/passwd', 'a/../b', 'a\\b', './a', 'a//b']) {
      expect(isSafeRelativePath(unsafe), unsafe).toBe(false);
    }
    expect(isSafeRelativePath('examples/cdr_example.json')).toBe(true);
  });

  it('pins every file of the spec folder that is read: each top-level file and example of both versions', () => {
    const manifest = readManifest();
    for (const version of SPEC_VERSIONS) {
      expect(Object.keys(manifest.versions[version].files)).toEqual(
        pinnedFileNames(path.join(specDir(), version)),
      );
    }
  });

  it('is what record-digests.ts records from the spec folder, so it can be recorded again', () => {
    expect(recordDigests(specDir())).toEqual(readManifest());
  });

  it('finds the spec folder as pinned, and names a missing file and a changed one', () => {
    const manifest = readManifest();
    expect(compareSpecDir(manifest, specDir())).toEqual([]);
    // A writable copy of what is pinned (the spec folder itself may be read-only).
    const copy = path.join(scratch, 'copy');
    for (const version of SPEC_VERSIONS) {
      for (const name of Object.keys(manifest.versions[version].files)) {
        mkdirSync(path.dirname(path.join(copy, version, name)), { recursive: true });
        copyFileSync(path.join(specDir(), version, name), path.join(copy, version, name));
      }
    }
    mkdirSync(path.join(copy, 'errata'));
    for (const name of Object.values(ERRATA_FILES)) {
      copyFileSync(path.join(specDir(), 'errata', name), path.join(copy, 'errata', name));
    }
    expect(compareSpecDir(manifest, copy)).toEqual([]);
    rmSync(path.join(copy, '2.1.1', 'mod_cdrs.md'));
    rmSync(path.join(copy, '2.2.1', 'examples', 'cdr_example.json'));
    writeFileSync(path.join(copy, '2.2.1', 'examples', 'cdr_example.json'), '{}');
    expect(compareSpecDir(manifest, copy)).toEqual([
      '2.1.1/mod_cdrs.md: missing',
      '2.2.1/examples/cdr_example.json: not the pinned file',
    ]);
  });
});
