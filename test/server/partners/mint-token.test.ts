import { describe, expect, it } from 'vitest';
import { mintToken } from '../../../src/server/partners/mint-token';

describe('mintToken', () => {
  it('gives 43 URL-safe characters: 256 bits, printable ASCII, no whitespace, within 64', () => {
    const token = mintToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1_000 }, () => mintToken()));
    expect(tokens.size).toBe(1_000);
  });
});
