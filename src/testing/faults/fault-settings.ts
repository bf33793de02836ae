/** How strong some faults are; each setting matters only when its fault is on. */
export interface FaultSettings {
  /** `latency`: how long every answer is held back, in ms. Default 100. */
  latencyMs?: number;
  /** `busy-bursts`: every this many requests, a burst begins. Default 7. */
  burstEvery?: number;
  /** `busy-bursts`: how many requests in a row a burst answers 503. Default 2. */
  burstLength?: number;
  /** `busy-bursts`: the `Retry-After` of those answers, in seconds (0 for tests). Default 1. */
  retryAfterSeconds?: number;
}
