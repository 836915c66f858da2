/** One line of the bench's table and of test-results/bench.json. */
export interface Row {
  name: string;
  target: string;
  targetMs: number | null;
  measured: string;
  value: number | null;
  baseline: number | null;
  met: boolean | null;
  note?: string;
  /** Medians beside the target's percentile: on a shared machine the tail is mostly other people's work. */
  p50?: number;
  baselineP50?: number | null;
  /** A second baseline: the same measure where the page does nothing (the browser's own share). */
  floorP50?: number;
  floorP95?: number;
}

/** The nearest-rank percentile of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
