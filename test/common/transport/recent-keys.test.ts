// The memory of a paginated read: the last URLs fetched and objects yielded, bounded.
import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src/common/transport/recent-keys';

describe('RecentKeys', () => {
  it('holds the keys added, up to its size, forgetting the oldest first', () => {
    const recent = new RecentKeys(3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) recent.add(key);
    expect(['a', 'b', 'c', 'd', 'e'].filter((key) => recent.has(key))).toEqual(['c', 'd', 'e']);
    expect(recent.size).toBe(3);
  });

  it('keeps a key added again in its place, counted once', () => {
    const recent = new RecentKeys(3);
    for (const key of ['a', 'b', 'a', 'c', 'd']) recent.add(key);
    expect(['a', 'b', 'c', 'd'].filter((key) => recent.has(key))).toEqual(['b', 'c', 'd']);
    expect(recent.size).toBe(3);
  });

  it('stays within its size over many rounds of the ring', () => {
    const recent = new RecentKeys(4);
    for (let index = 0; index < 1_001; index++) recent.add(`key ${index}`);
    expect(recent.size).toBe(4);
    expect([997, 998, 999, 1_000].every((index) => recent.has(`key ${index}`))).toBe(true);
    expect(recent.has('key 996')).toBe(false);
  });
});
