import type { AnsweredWait, ResponseTimes } from '#shared/domain/insights';
import { ChartTable } from './ChartTable';
import { days, linearScale, niceTicks } from './chart-math';
import { useChartWidth } from './useChartWidth';

const LEFT = 24;
const DOT = 6;
const STEP = 15;
/** Above this many on one day, the column stops growing and says how many it holds. */
const MAX_STACK = 6;

const FROM_LABELS: Record<AnsweredWait['from'], string> = { application: 'after applying', interview: 'after an interview' };

function describe(times: ResponseTimes): string {
  const waiting = times.waiting > 0 ? ` ${times.waiting} still waiting.` : '';
  if (times.median === null) return `No answers recorded yet.${waiting}`;
  return `${times.answered.length} ${times.answered.length === 1 ? 'answer' : 'answers'}: median ${days(times.median)}, middle half between ${days(times.q1!)} and ${days(times.q3!)}, fastest ${days(times.answered[0]!.days)}, slowest ${days(times.answered.at(-1)!.days)}.${waiting}`;
}

function WaitingLine({ times }: { times: ResponseTimes }) {
  if (times.waiting === 0) return null;
  return (
    <p className="chart-waiting">
      <strong>{times.waiting === 1 ? '1 opening is' : `${times.waiting} openings are`} still waiting</strong> to hear back
      {times.longestWaitDays !== null && <>; the longest for {days(times.longestWaitDays)}</>}.
    </p>
  );
}

/**
 * How long employers took to answer: one dot per wait on a line of days, the
 * middle half of the waits shaded and the median marked.
 */
export function ResponseTimesChart({ times }: { times: ResponseTimes }) {
  const { ref, width: WIDTH } = useChartWidth<HTMLDivElement>(640, { max: 760 });
  const RIGHT = WIDTH - 24;
  const undated =
    times.undated > 0 ? (
      <p className="field-hint">
        {times.undated === 1 ? '1 opening has' : `${times.undated} openings have`} no application date, so no wait can be counted for {times.undated === 1 ? 'it' : 'them'}. Add
        the date on the opening to include it.
      </p>
    ) : null;

  if (times.answered.length === 0) {
    return (
      <div className="chart response-chart" ref={ref}>
        <p className="chart-empty">
          No answers recorded yet. When an employer gets back to you, log it on the opening as a touchpoint from them, or record the outcome: the time it took shows up here.
        </p>
        <WaitingLine times={times} />
        {undated}
      </div>
    );
  }

  const ticks = niceTicks(times.answered.at(-1)!.days, 6);
  const x = linearScale(0, ticks.at(-1)!, LEFT, RIGHT);
  const columns = new Map<number, AnsweredWait[]>();
  for (const wait of times.answered) columns.set(wait.days, [...(columns.get(wait.days) ?? []), wait]);
  const tallest = Math.min(MAX_STACK, Math.max(...[...columns.values()].map((column) => column.length)));
  const medianTop = 18;
  const plotTop = medianTop + 14;
  const baseline = plotTop + tallest * STEP + 6;
  const height = baseline + 44;
  const q1 = x(times.q1!);
  const q3 = x(times.q3!);
  const median = x(times.median!);

  return (
    <div className="chart response-chart" ref={ref}>
      <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={describe(times)} className="chart-svg">
        <rect x={Math.min(q1, q3 - 2)} y={plotTop - 4} width={Math.max(4, q3 - q1)} height={baseline - plotTop + 4} rx={4} className="iqr-band" />
        <line x1={median} x2={median} y1={medianTop + 4} y2={baseline} className="median-line" />
        <text x={Math.min(Math.max(median, LEFT + 50), RIGHT - 50)} y={medianTop - 2} textAnchor="middle" className="chart-value">
          median {days(times.median!)}
        </text>
        <line x1={LEFT} x2={RIGHT} y1={baseline} y2={baseline} className="chart-axis" />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={baseline} y2={baseline + 5} className="chart-axis" />
            <text x={x(tick)} y={baseline + 18} textAnchor="middle" className="chart-note">
              {tick}
            </text>
          </g>
        ))}
        <text x={(LEFT + RIGHT) / 2} y={baseline + 36} textAnchor="middle" className="chart-note">
          days until they answered
        </text>
        {[...columns.entries()].map(([day, waits]) =>
          waits.slice(0, MAX_STACK).map((wait, index) => {
            const cy = baseline - 6 - DOT - index * STEP;
            const title = `${wait.name}: ${days(wait.days)} ${FROM_LABELS[wait.from]}`;
            const overflow = index === MAX_STACK - 1 && waits.length > MAX_STACK;
            if (overflow) {
              return (
                <text key={`${day}-more`} x={x(day)} y={cy} textAnchor="middle" dominantBaseline="central" className="chart-value wait-more">
                  +{waits.length - MAX_STACK + 1}
                </text>
              );
            }
            return wait.from === 'application' ? (
              <circle key={`${wait.openingId}-${wait.from}-${index}`} cx={x(day)} cy={cy} r={DOT} className="wait-dot from-application">
                <title>{title}</title>
              </circle>
            ) : (
              <rect key={`${wait.openingId}-${wait.from}-${index}`} x={x(day) - DOT} y={cy - DOT} width={DOT * 2} height={DOT * 2} rx={2} className="wait-dot from-interview">
                <title>{title}</title>
              </rect>
            );
          }),
        )}
      </svg>
      <figcaption className="chart-caption">
        <span className="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" className="wait-dot from-application" />
          </svg>
          after applying
        </span>
        <span className="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <rect x="1" y="1" width="10" height="10" rx="2" className="wait-dot from-interview" />
          </svg>
          after an interview
        </span>
        <span className="legend-item">
          <svg width="18" height="12" aria-hidden="true">
            <rect x="1" y="1" width="16" height="10" rx="2" className="iqr-band" />
          </svg>
          the middle half of the waits ({days(times.q1!)} to {days(times.q3!)})
        </span>
      </figcaption>
      </figure>
      <WaitingLine times={times} />
      {undated}
      <ChartTable
        summary="Show the waits as a table"
        caption="Days each employer took to answer"
        head={['Opening', 'Counted from', 'Days to an answer']}
        rows={times.answered.map((wait) => [wait.name, FROM_LABELS[wait.from], wait.days])}
      />
    </div>
  );
}
