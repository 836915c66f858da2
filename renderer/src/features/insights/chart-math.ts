/** Small, pure helpers the hand-drawn charts share. */

/** Maps a value in [domainMin, domainMax] onto [rangeMin, rangeMax]; a flat domain maps to the range's middle. */
export function linearScale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number) {
  const span = domainMax - domainMin;
  return (value: number) => (span === 0 ? (rangeMin + rangeMax) / 2 : rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin));
}

/** Round tick values from 0 to at least `max`, about `count` of them (steps of 1, 2, 5 × 10ⁿ). */
export function niceTicks(max: number, count = 5): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const wholeStep = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let value = 0; value < max + wholeStep; value += wholeStep) ticks.push(value);
  return ticks;
}

/** A share (0–1) as a whole percentage: "67%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 day", "2.5 days". */
export function days(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

export interface Placed {
  index: number;
  /** Which label row (0 is nearest the axis); null when no row had room and the label is left to the table. */
  lane: number | null;
}

/**
 * Puts labels centred at the given x positions into as few rows as possible
 * without overlap: each goes to the first row whose last label ends before it
 * starts. `widths` are estimated label widths in the same units.
 */
export function placeLabels(xs: readonly number[], widths: readonly number[], lanes: number, gap = 6): Placed[] {
  const order = xs.map((x, index) => ({ x, index })).sort((a, b) => a.x - b.x || a.index - b.index);
  const laneEnds = Array.from({ length: lanes }, () => Number.NEGATIVE_INFINITY);
  const placed: Placed[] = [];
  for (const { x, index } of order) {
    const half = widths[index]! / 2;
    const lane = laneEnds.findIndex((end) => end + gap <= x - half);
    if (lane >= 0) laneEnds[lane] = x + half;
    placed.push({ index, lane: lane >= 0 ? lane : null });
  }
  return placed.sort((a, b) => a.index - b.index);
}

/** A rough width for an SVG text label at the charts' font size, for layout only. */
export function labelWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * 0.56;
}
