/** SPEC_VERSION pins the spec input; the spec folder in use must hold the pinned files. */
import { describe, expect, it } from 'vitest';
import { comparePinWithSpecDir, parseSpecPin, readSpecPin } from '../../../scripts/codegen/spec-pin';
import { readManifest } from '../../../scripts/spec/manifest';
import { specDir } from '../../support/spec';

describe('SPEC_VERSION', () => {
  const pins = readSpecPin();

  it('pins both versions, the commits spec-files.json holds the digests of', () => {
    expect(pins.map((pin) => [pin.version, pin.tag])).toEqual([
      ['2.1.1', '2.1.1-d2'],
      ['2.2.1', 'v2.2.1-d2'],
    ]);
    const manifest = readManifest();
    for (const pin of pins) {
      expect(manifest.versions[pin.version]).toMatchObject({ tag: pin.tag, commit: pin.commit });
    }
  });

  it('matches the spec folder: every pinned file and errata diff has its digest', () => {
    expect(comparePinWithSpecDir(pins, specDir())).toEqual([]);
  });

  it('reports a pin that differs from the digests', () => {
    const [first] = pins;
    if (!first) throw new Error('no pin');
    const wrong = { ...first, commit: '0'.repeat(40) };
    expect(comparePinWithSpecDir([wrong], specDir())).toEqual([
      `${first.version}: SPEC_VERSION pins ${first.tag} ${'0'.repeat(40)}, spec-files.json has the digests of ${first.tag} ${first.commit}`,
    ]);
  });

  it('rejects malformed lines', () => {
    expect(() => parseSpecPin('2.1.1 2.1.1-d2 not-a-commit')).toThrow(/SPEC_VERSION/);
    expect(() => parseSpecPin(`3.0 v3 ${'a'.repeat(40)}`)).toThrow(/SPEC_VERSION/);
    expect(parseSpecPin(`# comment\n\n2.2.1 v2.2.1-d2 ${'b'.repeat(40)}\n`)).toEqual([
      { version: '2.2.1', tag: 'v2.2.1-d2', commit: 'b'.repeat(40) },
    ]);
  });
});
