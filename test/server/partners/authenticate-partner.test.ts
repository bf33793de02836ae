import { describe, expect, it } from 'vitest';
import { incomingTokenKind } from '../../../src/server/partners/authenticate-partner';
import type { PartnerRecord } from '../../../src/server/partners/partner-store';

const partner: PartnerRecord = {
  id: 'partner-1',
  status: 'registered',
  incomingToken: 'C'.repeat(43),
  previousIncomingToken: 'A'.repeat(43),
  previousIncomingTokenExpiresAt: '2026-12-01T10:15:00.000Z',
};
const WITHIN_WINDOW = Date.parse('2026-12-01T10:14:59.999Z');

/** A token that counts how many of its characters are read. */
function counted(text: string) {
  const token = Object.assign(new String(text), {
    reads: 0,
    charCodeAt(index: number) {
      token.reads++;
      return String.prototype.charCodeAt.call(text, index);
    },
  });
  return token;
}

describe('incomingTokenKind', () => {
  it('tells the current token from the previous one', () => {
    expect(incomingTokenKind(partner, 'C'.repeat(43), WITHIN_WINDOW)).toBe('current');
    expect(incomingTokenKind(partner, 'A'.repeat(43), WITHIN_WINDOW)).toBe('previous');
    expect(incomingTokenKind(partner, 'B'.repeat(43), WITHIN_WINDOW)).toBeUndefined();
    expect(incomingTokenKind({ ...partner, rotationPending: true }, 'A'.repeat(43))).toBe('current');
  });

  it('counts the previous token as nothing once its recovery window has ended', () => {
    const ended = Date.parse('2026-12-01T10:15:00.000Z');
    expect(incomingTokenKind(partner, 'A'.repeat(43), ended)).toBeUndefined();
    expect(incomingTokenKind(partner, 'C'.repeat(43), ended)).toBe('current');
    const unreadable = { ...partner, previousIncomingTokenExpiresAt: 'soon' };
    expect(incomingTokenKind(unreadable, 'A'.repeat(43), WITHIN_WINDOW)).toBeUndefined();
  });

  it('compares in constant time: every character is read against both tokens, wherever a guess is wrong', () => {
    // Issue #10, finding 15: `===` stops at the first wrong character, which timing can reveal.
    const reads = (guess: string) => {
      const token = counted(guess);
      incomingTokenKind(partner, token as unknown as string, WITHIN_WINDOW);
      return token.reads;
    };
    const full = reads('C'.repeat(43));
    expect(full).toBe(86);
    expect(reads(`X${'C'.repeat(42)}`)).toBe(full);
    expect(reads(`${'C'.repeat(42)}X`)).toBe(full);
    expect(reads('A'.repeat(43))).toBe(full);
  });
});
