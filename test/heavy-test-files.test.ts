// The configuration runs the test files that take seconds first (vitest.config.ts): its list must name
// files that exist, or a renamed heavy file would silently run last again on a fresh clone.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAVY_TEST_FILES } from '../vitest.config';

describe('the heavy test files the configuration runs first', () => {
  it('are test files that exist', () => {
    const root = new URL('../', import.meta.url);
    expect(HEAVY_TEST_FILES.length).toBeGreaterThan(0);
    expect(
      HEAVY_TEST_FILES.filter((file) => !file.endsWith('.test.ts') || !existsSync(new URL(file, root))),
    ).toEqual([]);
  });
});
