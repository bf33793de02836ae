// What makes the package adoptable (issue #15): `npm pack` and `npm publish` build it first, it ships the
// build with its license and changelog and nothing of the repository, and says where it comes from. The
// tarball of a real build is checked by scripts/check-pack.mjs in CI; here, without a build, what decides
// its contents: the scripts, the `files` field, and npm's own listing (scripts skipped, so no build runs).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPOSITORY = 'https://github.com/org/ocpi';
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));

/** The files `npm pack` would put in the tarball now, as npm lists them. */
async function packList(): Promise<string[]> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { stdout } = await promisify(execFile)(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
  });
  const [packed] = JSON.parse(stdout) as [{ files: { path: string }[] }];
  return packed.files.map((file) => file.path);
}

describe('the published package', () => {
  it('is built by npm pack and npm publish, from a clean dist/', () => {
    expect(manifest.scripts.prepack).toBe('npm run build');
    expect(manifest.scripts.build).toMatch(/rmSync\('dist'.*&& tsup$/);
  });

  it('ships the build and its changelog; npm adds the README, LICENSE and package.json', () => {
    expect(manifest.files).toEqual(['dist', 'CHANGELOG.md']);
  });

  it('holds nothing but those files, as npm lists them', async () => {
    const files = await packList();
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']));
    const BUILD_OUTPUT = /^dist\/(?:[\w-]+\/)*[\w-]+\.(?:js|cjs|d\.ts|d\.cts)$/;
    const others = files.filter(
      (file) =>
        !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file) && !BUILD_OUTPUT.test(file),
    );
    expect(others).toEqual([]);
  });

  it('is MIT licensed, in the manifest and in a LICENSE file', () => {
    expect(manifest.license).toBe('MIT');
    const license = read('LICENSE');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) the @org\/ocpi authors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });

  it('names its repository, home page and issue tracker, all in one repository', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git` });
    expect(manifest.homepage).toBe(`${REPOSITORY}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` });
  });
});

describe('releases', () => {
  it('are versioned and published by changesets, publicly, from main', () => {
    const config = JSON.parse(read('.changeset/config.json'));
    expect(config).toMatchObject({
      baseBranch: 'main',
      access: 'public',
      changelog: '@changesets/cli/changelog',
    });
    expect(manifest.scripts).toMatchObject({
      changeset: 'changeset',
      'version-packages': 'changeset version',
      release: 'changeset publish',
    });
    expect(existsSync(join(ROOT, 'CHANGELOG.md'))).toBe(true);
    expect(read('CHANGELOG.md')).toMatch(/^# @org\/ocpi\n/);
  });

  it('are checked in CI: the tarball after the build, and the API reference', () => {
    const ci = read('.ci/run');
    expect(manifest.scripts['check:package']).toContain('node scripts/check-pack.mjs');
    expect(ci).toMatch(/^npm pack --dry-run$/m);
    expect(ci).toMatch(/^npm run check:package$/m);
    expect(ci).toMatch(/^npm run docs:api$/m);
    expect(ci.indexOf('npm pack --dry-run')).toBeLessThan(ci.indexOf('npm run check:package'));
  });
});
