// hashToken's SHA-256 comes from @noble/hashes, not Web Crypto (whose round trip per token cost many times
// the hash): it must give Web Crypto's digest for every input, at every length around the block boundaries.
import { hashToken } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/server/partners/sha256';

async function webCryptoHex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const ascii = (text: string) => new TextEncoder().encode(text);

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('gives the digest of the FIPS 180-4 example %j', (text, expected) => {
    expect(sha256Hex(ascii(text))).toBe(expected);
  });

  it('gives the digest of a million "a" (the long FIPS example)', () => {
    expect(sha256Hex(ascii('a'.repeat(1_000_000)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it("gives Web Crypto's digest of random bytes of every length from 0 to 200", async () => {
    for (let length = 0; length <= 200; length++) {
      for (let sample = 0; sample < 3; sample++) {
        const bytes = crypto.getRandomValues(new Uint8Array(length));
        expect(sha256Hex(bytes), `length ${length}`).toBe(await webCryptoHex(bytes));
      }
    }
  });
});

describe('hashToken', () => {
  it("gives Web Crypto's digest of the token's UTF-8 bytes, whatever its characters", async () => {
    for (const token of ['token-c', 'A'.repeat(64), '\u00e9t\u00e9', '\u{1f511}-key', 'x'.repeat(100_000)]) {
      expect(await hashToken(token)).toBe(await webCryptoHex(ascii(token)));
    }
  });
});
