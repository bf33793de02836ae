import type { Timings } from './check-report';

/** Count, median, 95th percentile and maximum of response times, rounded to whole ms. */
export function timingsOf(ms: readonly number[]): Timings {
  if (ms.length === 0) return { count: 0, medianMs: 0, p95Ms: 0, maxMs: 0 };
  const sorted = [...ms].sort((a, b) => a - b);
  // Nearest rank: the smallest value at or above the share asked.
  const at = (share: number) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length,
    medianMs: Math.round(at(0.5)),
    p95Ms: Math.round(at(0.95)),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
  };
}
