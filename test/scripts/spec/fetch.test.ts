/**
 * `npm run spec:fetch` against archives served from 127.0.0.1: what it downloads, what it accepts and
 * writes, and what it refuses (leaving nothing behind). GitHub itself is never called: the real URL is
 * checked as a string. The first block uses a small made-up spec; the last one the real spec folder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { applyErrata, correctedSpecFile, ERRATA_FILES, readErrata } from '../../../scripts/codegen/errata';
import { SPEC_VERSIONS, type SpecVersion } from '../../../scripts/codegen/model';
import { readSpec } from '../../../scripts/codegen/read-spec';
import { resolveSpecDir } from '../../../scripts/codegen/spec-dir';
import { readSpecPin, type SpecPin } from '../../../scripts/codegen/spec-pin';
import { fetchSpec, fetchSpecCli, githubArchiveUrl, SpecFetchError } from '../../../scripts/spec/fetch';
import { gitDiffFile } from '../../../scripts/spec/git-diff';
import { compareSpecDir, readManifest, type SpecManifest, sha256 } from '../../../scripts/spec/manifest';
import { closeServersAfterEach, listenLocally } from '../../support/local-server';
import { specDir } from '../../support/spec';
import { githubLikeArchive, tarOf } from './support/archive';

closeServersAfterEach();
const scratch = mkdtempSync(path.join(tmpdir(), 'ocpi-spec-fetch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
/** A cache path in a fresh parent folder, so that leftovers of a refused fetch would show. */
const freshCache = () => path.join(scratch, `run-${++folders}`, 'cache');

type Files = Map<string, Uint8Array>;

/** A commit's archive; `archive` may be any bytes, to serve damaged ones. */
interface Served {
  commit: string;
  archive: Buffer;
}

/** Serves each archive at `/<repository>/<commit>` and records the paths asked for. */
async function serveArchives(served: readonly Served[]) {
  const requested: string[] = [];
  const { origin } = await listenLocally((request, response) => {
    requested.push(request.url ?? '');
    const found = served.find(({ commit }) => request.url === `/ocpi/ocpi/${commit}`);
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/gzip' }).end(found.archive);
  });
  return {
    requested,
    archiveUrl: (repository: string, commit: string) => `${origin}/${repository}/${commit}`,
  };
}

/** Every file below `dir`, as paths with `/`. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(path.join(dir, name)).isDirectory()
      ? filesBelow(path.join(dir, name), `${prefix}${name}/`)
      : [`${prefix}${name}`],
  );
}

function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

// ---------------------------------------------------------------------------------------------------
// A made-up spec: two versions of two files each, the bugfix branch changing one line of one file.

const TAG_COMMITS = { '2.1.1': '1'.repeat(40), '2.2.1': '2'.repeat(40) };
const BRANCH_COMMITS = { '2.1.1': 'b1b1b1b1', '2.2.1': 'b2b2b2b2' };

function madeUpTagged(version: SpecVersion): Files {
  return new Map([
    ['mod_widgets.md', Buffer.from(`# Widgets ${version}\n\n| name | string(45) |\n| size | int |\n`)],
    ['examples/widget.json', Buffer.from('{"name": "W1"}\n')],
    // In the repository, not pinned: must not reach the cache.
    ['images/widget.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ]);
}

function madeUpBranch(version: SpecVersion): Files {
  const files = madeUpTagged(version);
  files.set(
    'mod_widgets.md',
    Buffer.from(`# Widgets ${version}\n\n| name | string(255) |\n| size | int |\n`),
  );
  return files;
}

const pinned = ['examples/widget.json', 'mod_widgets.md'];

function madeUpManifest(): SpecManifest {
  const entry = (version: SpecVersion) => {
    const tagged = madeUpTagged(version);
    const branch = madeUpBranch(version);
    const changed = branch.get('mod_widgets.md') as Uint8Array;
    return {
      tag: `t${version}`,
      commit: TAG_COMMITS[version],
      files: Object.fromEntries(pinned.map((name) => [name, sha256(tagged.get(name) as Uint8Array)])),
      errata: {
        branch: `fixes-${version}`,
        commit: BRANCH_COMMITS[version],
        diff: sha256(gitDiffFile('mod_widgets.md', tagged.get('mod_widgets.md') as Uint8Array, changed)),
        files: { 'mod_widgets.md': sha256(changed) },
      },
    };
  };
  return { repository: 'ocpi/ocpi', versions: { '2.1.1': entry('2.1.1'), '2.2.1': entry('2.2.1') } };
}

const madeUpPins: SpecPin[] = SPEC_VERSIONS.map((version) => ({
  version,
  tag: `t${version}`,
  commit: TAG_COMMITS[version],
}));

/** The four archives of the made-up spec, as GitHub would serve them (the branch's comment is its full id). */
function madeUpArchives(change: (version: SpecVersion, files: Files) => void = () => {}): Served[] {
  return SPEC_VERSIONS.flatMap((version) => {
    const tagged = madeUpTagged(version);
    change(version, tagged);
    const branchCommit = `${BRANCH_COMMITS[version]}${'0'.repeat(32)}`;
    return [
      { commit: TAG_COMMITS[version], archive: githubLikeArchive(TAG_COMMITS[version], tagged) },
      { commit: BRANCH_COMMITS[version], archive: githubLikeArchive(branchCommit, madeUpBranch(version)) },
    ];
  });
}

describe('fetchSpec', () => {
  it('downloads the GitHub archive of a commit', () => {
    expect(githubArchiveUrl('ocpi/ocpi', TAG_COMMITS['2.1.1'])).toBe(
      `https://github.com/ocpi/ocpi/archive/${TAG_COMMITS['2.1.1']}.tar.gz`,
    );
  });

  it('downloads the tagged and the branch archive of each version and writes only the pinned files and the rebuilt errata', async () => {
    const { requested, archiveUrl } = await serveArchives(madeUpArchives());
    const cacheDir = freshCache();
    const manifest = madeUpManifest();
    const log: string[] = [];
    const found = await fetchSpec({
      manifest,
      pins: madeUpPins,
      cacheDir,
      archiveUrl,
      log: (line) => log.push(line),
    });

    expect(found).toBe(cacheDir);
    expect(requested).toEqual([
      `/ocpi/ocpi/${TAG_COMMITS['2.1.1']}`,
      `/ocpi/ocpi/${BRANCH_COMMITS['2.1.1']}`,
      `/ocpi/ocpi/${TAG_COMMITS['2.2.1']}`,
      `/ocpi/ocpi/${BRANCH_COMMITS['2.2.1']}`,
    ]);
    expect(filesBelow(cacheDir).sort()).toEqual(
      [
        ...SPEC_VERSIONS.flatMap((version) => pinned.map((name) => `${version}/${name}`)),
        ...SPEC_VERSIONS.map((version) => `errata/${ERRATA_FILES[version]}`),
      ].sort(),
    );
    // The tagged text, and the branch's change as a diff the generator applies.
    expect(readFileSync(path.join(cacheDir, '2.1.1', 'mod_widgets.md'), 'utf8')).toContain('string(45)');
    expect(readErrata(cacheDir, '2.1.1').map(({ file }) => file)).toEqual(['mod_widgets.md']);
    expect(correctedSpecFile(cacheDir, '2.1.1', 'mod_widgets.md')).toContain('string(255)');
    expect(compareSpecDir(manifest, cacheDir)).toEqual([]);
    expect(readdirSync(path.dirname(cacheDir))).toEqual(['cache']);
    expect(log.at(-1)).toBe(`OCPI spec fetched and verified: ${cacheDir}`);
  });

  it('refuses a file that differs from its digest, naming it, and writes nothing', async () => {
    const archives = madeUpArchives((version, files) => {
      if (version === '2.2.1') files.set('examples/widget.json', Buffer.from('{"name": "W2"}\n'));
    });
    const { archiveUrl } = await serveArchives(archives);
    const cacheDir = freshCache();
    const error = await errorOf(
      fetchSpec({ manifest: madeUpManifest(), pins: madeUpPins, cacheDir, archiveUrl }),
    );
    expect(error).toBeInstanceOf(SpecFetchError);
    expect((error as Error).message).toBe(
      'The downloaded spec does not match spec-files.json, nothing written: 2.2.1/examples/widget.json: differs from its pinned digest',
    );
    expect(existsSync(path.dirname(cacheDir))).toBe(false);
  });

  it('refuses an archive without a pinned file', async () => {
    const { archiveUrl } = await serveArchives(
      madeUpArchives((version, files) => {
        if (version === '2.1.1') files.delete('mod_widgets.md');
      }),
    );
    const error = await errorOf(
      fetchSpec({ manifest: madeUpManifest(), pins: madeUpPins, cacheDir: freshCache(), archiveUrl }),
    );
    expect((error as Error).message).toContain(
      `2.1.1/mod_widgets.md: not in the archive of ${TAG_COMMITS['2.1.1']}`,
    );
  });

  it('refuses the archive of another commit, by the commit id git archive writes in it', async () => {
    const [first, ...rest] = madeUpArchives();
    const other = {
      commit: TAG_COMMITS['2.1.1'],
      archive: githubLikeArchive('f'.repeat(40), madeUpTagged('2.1.1')),
    };
    const { archiveUrl } = await serveArchives([other, ...rest]);
    expect(first?.commit).toBe(other.commit);
    const cacheDir = freshCache();
    const error = await errorOf(
      fetchSpec({ manifest: madeUpManifest(), pins: madeUpPins, cacheDir, archiveUrl }),
    );
    expect((error as Error).message).toMatch(
      new RegExp(`is not the archive of commit ${TAG_COMMITS['2.1.1']} \\(it says f{40}\\)$`),
    );
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('refuses a damaged download, an archive cut short, an HTTP error and an archive over the limit', async () => {
    const archives = madeUpArchives();
    const good = archives[0] as Served;
    const cases: [Buffer | undefined, RegExp, number?][] = [
      [Buffer.from(good.archive).fill(0x41, 100, 140), /is not a readable \.tar\.gz archive/],
      [
        gzipSync(tarOf('top', madeUpTagged('2.1.1')).subarray(0, 1500)),
        /is not a readable \.tar\.gz archive/,
      ],
      [undefined, /: HTTP 404$/],
      [good.archive, /is larger than 100 bytes$/, 100],
    ];
    for (const [archive, message, maxArchiveBytes] of cases) {
      const served = archive ? [{ commit: good.commit, archive }] : [];
      const { archiveUrl } = await serveArchives(served);
      const cacheDir = freshCache();
      const error = await errorOf(
        fetchSpec({
          manifest: madeUpManifest(),
          pins: madeUpPins,
          cacheDir,
          archiveUrl,
          ...(maxArchiveBytes !== undefined && { maxArchiveBytes }),
        }),
      );
      expect(error).toBeInstanceOf(SpecFetchError);
      expect((error as Error).message).toMatch(message);
      expect(existsSync(cacheDir)).toBe(false);
    }
  });

  it('refuses digests recorded for another commit than SPEC_VERSION pins, before downloading', async () => {
    const { requested, archiveUrl } = await serveArchives(madeUpArchives());
    const pins = madeUpPins.map((pin) => ({ ...pin, commit: '9'.repeat(40) }));
    const error = await errorOf(
      fetchSpec({ manifest: madeUpManifest(), pins, cacheDir: freshCache(), archiveUrl }),
    );
    expect((error as Error).message).toMatch(
      /^2\.1\.1: SPEC_VERSION pins 9{40}, the digests in spec-files\.json are for 1{40}/,
    );
    expect(requested).toEqual([]);
  });

  it('downloads nothing when the cache is there, unless forced', async () => {
    const { requested, archiveUrl } = await serveArchives(madeUpArchives());
    const options = { manifest: madeUpManifest(), pins: madeUpPins, cacheDir: freshCache(), archiveUrl };
    await fetchSpec(options);
    requested.length = 0;
    await fetchSpec(options);
    expect(requested).toEqual([]);
    await fetchSpec({ ...options, force: true });
    expect(requested).toHaveLength(4);
    expect(compareSpecDir(options.manifest, options.cacheDir)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The real spec: archives built from the spec folder (the tagged files, and the same files with the
// errata applied for the bugfix branch), checked against the committed spec-files.json.

function realArchives(change: (version: SpecVersion, files: Files) => void = () => {}): Served[] {
  const manifest = readManifest();
  const dir = specDir();
  return SPEC_VERSIONS.flatMap((version) => {
    const tagged: Files = new Map(
      filesBelow(path.join(dir, version)).map((name) => [name, readFileSync(path.join(dir, version, name))]),
    );
    const branch: Files = new Map(tagged);
    for (const { file } of readErrata(dir, version)) {
      branch.set(file, Buffer.from(correctedSpecFile(dir, version, file)));
    }
    change(version, tagged);
    const { commit, errata } = manifest.versions[version];
    return [
      { commit, archive: githubLikeArchive(commit, tagged) },
      { commit: errata.commit, archive: githubLikeArchive(`${errata.commit}${'0'.repeat(32)}`, branch) },
    ];
  });
}

describe('fetchSpec with the real pinned spec', () => {
  it('writes a folder the generator and the tests find third, and read as the spec beside the checkout', async () => {
    const { archiveUrl } = await serveArchives(realArchives());
    const cacheDir = freshCache();
    await fetchSpec({ manifest: readManifest(), pins: readSpecPin(), cacheDir, archiveUrl });

    expect(compareSpecDir(readManifest(), cacheDir)).toEqual([]);
    const nowhere = path.join(scratch, 'nothing-beside');
    expect(resolveSpecDir({ env: {}, defaultDir: nowhere, cacheDir })).toBe(cacheDir);
    const fromCache = applyErrata(readSpec(cacheDir), cacheDir);
    const beside = applyErrata(readSpec(specDir()), specDir());
    expect(fromCache.model).toEqual(beside.model);
    expect(fromCache.changes).toEqual(beside.changes);
  });

  it('refuses it when one example differs from the official one', async () => {
    const { archiveUrl } = await serveArchives(
      realArchives((version, files) => {
        const file = files.get('examples/cdr_example.json');
        if (version === '2.2.1' && file) files.set('examples/cdr_example.json', Buffer.from(` ${file}`));
      }),
    );
    const cacheDir = freshCache();
    const error = await errorOf(
      fetchSpec({ manifest: readManifest(), pins: readSpecPin(), cacheDir, archiveUrl }),
    );
    expect((error as Error).message).toContain(
      '2.2.1/examples/cdr_example.json: differs from its pinned digest',
    );
    expect(existsSync(cacheDir)).toBe(false);
  });
});

describe('npm run spec:fetch', () => {
  const output = () => {
    const lines: string[] = [];
    return {
      lines,
      out: (line: string) => lines.push(`out: ${line}`),
      err: (line: string) => lines.push(`err: ${line}`),
    };
  };

  it('only checks the spec it finds beside the checkout, downloading nothing', async () => {
    const { requested, archiveUrl } = await serveArchives([]);
    const { lines, out, err } = output();
    const lookup = { env: {}, defaultDir: specDir(), cacheDir: freshCache() };
    expect(await fetchSpecCli([], { lookup, archiveUrl, out, err })).toBe(0);
    expect(lines).toEqual([`out: OCPI spec found at ${specDir()}, as pinned; nothing to fetch.`]);
    expect(requested).toEqual([]);
  });

  it('names what differs when the spec it finds is not the pinned one', async () => {
    const { lines, out, err } = output();
    const lookup = { env: {}, defaultDir: specDir(), cacheDir: freshCache() };
    const manifest = madeUpManifest();
    expect(await fetchSpecCli([], { lookup, manifest, out, err })).toBe(1);
    expect(lines).toContain(`err: OCPI spec found at ${specDir()}, but it is not the pinned one:`);
    expect(lines).toContain('err:   2.1.1/mod_widgets.md: missing');
  });

  it('downloads into the cache when the spec is nowhere, and finds it there the next time', async () => {
    const { requested, archiveUrl } = await serveArchives(madeUpArchives());
    const lookup = { env: {}, defaultDir: path.join(scratch, 'nothing-here'), cacheDir: freshCache() };
    const options = { lookup, manifest: madeUpManifest(), pins: madeUpPins, archiveUrl };
    const first = output();
    expect(await fetchSpecCli([], { ...options, ...first })).toBe(0);
    expect(first.lines.at(-1)).toBe(`out: OCPI spec fetched and verified: ${lookup.cacheDir}`);
    expect(requested).toHaveLength(4);
    const second = output();
    expect(await fetchSpecCli([], { ...options, ...second })).toBe(0);
    expect(second.lines).toEqual([
      `out: OCPI spec found at ${lookup.cacheDir}, as pinned; nothing to fetch.`,
    ]);
    expect(requested).toHaveLength(4);
  });

  it('fetches nothing for a missing OCPI_SPEC_DIR, which the tests would still read', async () => {
    const { requested, archiveUrl } = await serveArchives(madeUpArchives());
    const missing = path.join(scratch, 'typo');
    const { lines, out, err } = output();
    const lookup = { env: { OCPI_SPEC_DIR: missing }, defaultDir: specDir(), cacheDir: freshCache() };
    expect(await fetchSpecCli([], { lookup, archiveUrl, out, err })).toBe(1);
    expect(lines).toEqual([
      `err: OCPI spec folder not found: ${missing} (from OCPI_SPEC_DIR). Correct OCPI_SPEC_DIR, or unset it to use the spec beside the checkout or the cache.`,
    ]);
    expect(requested).toEqual([]);
  });
});
