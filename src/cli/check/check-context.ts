import type { ExchangeRecorder } from './exchange-recorder';

/** What every step of a check shares. */
export interface CheckContext {
  readonly recorder: ExchangeRecorder;
  /** The tokens in play: kept out of every message. */
  readonly secrets: readonly string[];
  /** The most pages read of one list. */
  readonly maxPages: number;
  readonly signal: AbortSignal;
  /** A line of progress (redrawn in place on a terminal). */
  progress(text: string): void;
}
