// The registration handler fuzzed in strict mode: see support/registration-fuzz.ts.
import { describe, it } from 'vitest';
import { fuzzRegistrationHandler, RUNS_PER_MODE } from './support/registration-fuzz';

describe('the registration handler under fuzzed partner input', () => {
  it(
    `answers every one of ${RUNS_PER_MODE} hostile requests safely (strict)`,
    () => fuzzRegistrationHandler('strict'),
    600_000,
  );
});
