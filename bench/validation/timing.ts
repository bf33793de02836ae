// Times the cases: each warmed up, then timed in rounds that take turns across all cases, so that drift
// (other processes, heap growth) hits them alike; a case's time is its median round. Progress goes to
// stderr, so that stdout holds the report alone.
import { performance } from 'node:perf_hooks';
import { median } from '../report';

/** One timed row. */
export interface Case {
  /** The page it belongs to (`2.2.1 Locations`). */
  page: string;
  name: string;
  bytes: number;
  /** The JSON.parse case of the same text, for the ratio; none for a JSON.parse case itself. */
  baseline?: Case;
  /** The ceiling for the ratio to the baseline, printed with `met` or `over`. */
  target?: number;
  run: () => unknown;
}

/** How long to time. */
export interface Schedule {
  warmUpMs: number;
  roundMs: number;
  rounds: number;
}

/** A case's timing: the median round and the fastest and slowest, in ms per run. */
export interface Timing {
  ms: number;
  min: number;
  max: number;
}

let sink: unknown;

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1e3).toFixed(0)} s`;

/** Times every case on `schedule`, reporting progress on stderr. */
export function timeCases(cases: readonly Case[], schedule: Schedule): Map<Case, Timing> {
  const started = performance.now();
  // Warm-up, which also sizes each case's rounds to about roundMs.
  const iterations = new Map<Case, number>();
  cases.forEach((entry, index) => {
    progress(`warm-up ${index + 1}/${cases.length}: ${entry.page}: ${entry.name} (${seconds(started)})`);
    const start = performance.now();
    let runs = 0;
    // At least one run: the checks of the pages already ran every path, and the slowest cases take
    // longer than a whole warm-up.
    while (runs < 1 || performance.now() - start < schedule.warmUpMs) {
      sink = entry.run();
      runs++;
    }
    iterations.set(entry, Math.max(1, Math.round(schedule.roundMs / ((performance.now() - start) / runs))));
  });

  const samples = new Map<Case, number[]>(cases.map((entry) => [entry, []]));
  for (let round = 0; round < schedule.rounds; round++) {
    progress(`round ${round + 1}/${schedule.rounds} of ${cases.length} cases (${seconds(started)})`);
    for (const entry of cases) {
      const times = iterations.get(entry) ?? 1;
      const start = performance.now();
      for (let i = 0; i < times; i++) sink = entry.run();
      samples.get(entry)?.push((performance.now() - start) / times);
    }
  }
  if (sink === undefined) throw new Error('nothing was run');
  progress(`timed in ${seconds(started)}`);
  return new Map(
    cases.map((entry) => {
      const times = samples.get(entry) ?? [];
      return [entry, { ms: median(times), min: Math.min(...times), max: Math.max(...times) }];
    }),
  );
}
