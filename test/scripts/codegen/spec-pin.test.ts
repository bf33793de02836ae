/** SPEC_VERSION pins the spec input; it must name the tags and commits of the spec folder in use. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSpecDir } from '../../../scripts/codegen/spec-dir';
import { comparePinWithSpecDir, parseSpecPin, readSpecPin } from '../../../scripts/codegen/spec-pin';

describe('SPEC_VERSION', () => {
  const pins = readSpecPin();
  const specDir = resolveSpecDir();

  it('pins both versions', () => {
    expect(pins.map((pin) => [pin.version, pin.tag])).toEqual([
      ['2.1.1', '2.1.1-d2'],
      ['2.2.1', 'v2.2.1-d2'],
    ]);
  });

  it('matches the spec folder (inventory.json sources and README)', () => {
    expect(comparePinWithSpecDir(pins, specDir)).toEqual([]);
    const readme = readFileSync(path.join(specDir, 'README.md'), 'utf8');
    for (const pin of pins) {
      expect(readme).toContain(`\`${pin.tag}\``);
      expect(readme).toContain(`\`${pin.commit}\``);
    }
  });

  it('reports a pin that differs from the spec folder', () => {
    const [first] = pins;
    if (!first) throw new Error('no pin');
    const wrong = { ...first, commit: '0'.repeat(40) };
    expect(comparePinWithSpecDir([wrong], specDir)).toHaveLength(1);
  });

  it('rejects malformed lines', () => {
    expect(() => parseSpecPin('2.1.1 2.1.1-d2 not-a-commit')).toThrow(/SPEC_VERSION/);
    expect(() => parseSpecPin(`3.0 v3 ${'a'.repeat(40)}`)).toThrow(/SPEC_VERSION/);
    expect(parseSpecPin(`# comment\n\n2.2.1 v2.2.1-d2 ${'b'.repeat(40)}\n`)).toEqual([
      { version: '2.2.1', tag: 'v2.2.1-d2', commit: 'b'.repeat(40) },
    ]);
  });
});
