import { scrub } from './ocpi-error';

/** What stands in for the part of a partner's data an error does not keep. */
export const TRUNCATED = '[TRUNCATED]';

// An error's data is a hint for a human (often the field that was wrong), not a payload to process:
// a few levels, a few hundred values and a few KB of text say all that is worth logging, and bound what
// one error holds in memory whatever the partner sent.
const MAX_DEPTH = 8;
const MAX_VALUES = 500;
const MAX_STRING = 1_000;
const MAX_TEXT = 16_384;

interface Budget {
  values: number;
  text: number;
}

/**
 * A copy of a partner's data fit to keep on an error: every string (object keys included) with the known
 * secrets removed, and the copy bounded in depth, number of values and length of text, what goes past a
 * bound replaced by {@link TRUNCATED}. Only JSON's kinds of values are copied; any other object becomes
 * its tag (`[object Request]`), so no runtime object ever rides along.
 */
export function scrubData(value: unknown, secrets: readonly string[] | undefined): unknown {
  return copy(value, secrets, 0, { values: MAX_VALUES, text: MAX_TEXT });
}

function copy(
  value: unknown,
  secrets: readonly string[] | undefined,
  depth: number,
  budget: Budget,
): unknown {
  if (budget.values <= 0) return TRUNCATED;
  budget.values--;
  switch (typeof value) {
    case 'string':
      return text(value, secrets, budget);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return String(value);
    case 'object':
      break;
    default:
      return Object.prototype.toString.call(value);
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return TRUNCATED;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      if (budget.values <= 0) {
        items.push(TRUNCATED);
        break;
      }
      items.push(copy(item, secrets, depth + 1, budget));
    }
    return items;
  }
  if (!isPlainObject(value)) return Object.prototype.toString.call(value);
  const entries: [string, unknown][] = [];
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (budget.values <= 0) {
      entries.push([TRUNCATED, TRUNCATED]);
      break;
    }
    entries.push([text(key, secrets, budget), copy(value[key], secrets, depth + 1, budget)]);
  }
  // fromEntries defines each key as data: a `__proto__` key stays a key, never a prototype.
  return Object.fromEntries(entries);
}

function text(value: string, secrets: readonly string[] | undefined, budget: Budget): string {
  if (budget.text <= 0) return TRUNCATED;
  const clean = scrub(value, secrets);
  const max = Math.min(MAX_STRING, budget.text);
  budget.text -= Math.min(clean.length, max);
  return clean.length > max ? `${clean.slice(0, max)}${TRUNCATED}` : clean;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
