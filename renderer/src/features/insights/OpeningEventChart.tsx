import { useCallback } from 'react';
import { TIMELINE_EVENT_KINDS, TIMELINE_EVENT_LABELS, type TimelineEvent } from '#shared/domain/insights';
import { call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { formatCalendarDate, formatDateTime } from '#renderer/ui/format';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { ChartTable } from './ChartTable';
import { EventMarker } from './EventMarker';
import { labelWidth, linearScale, placeLabels } from './chart-math';
import { useChartWidth } from './useChartWidth';
import './insights.css';

const LEFT = 16;
const STACK_STEP = 14;
const MAX_STACK = 4;
const LANES = 3;
const LANE_HEIGHT = 16;
/** Markers closer than this (in chart units) share one column and one label. */
const CLUSTER = 12;
const DAY = 86_400_000;

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

interface Cluster {
  x: number;
  events: TimelineEvent[];
}

function whenText(event: TimelineEvent): string {
  return event.date ? formatCalendarDate(event.date) : formatDateTime(event.at);
}

const PLURALS: Record<TimelineEvent['kind'], string> = {
  applied: 'applications',
  interview: 'interviews',
  thank_you: 'thank-yous',
  touchpoint: 'messages sent',
  answer: 'answers',
  outcome: 'outcomes',
};

/** "Round 1", or for events too close to tell apart, what they were: "Round 1 + 2 thank-yous". */
function clusterLabel(cluster: Cluster): string {
  const kinds = [...new Set(cluster.events.map((event) => event.kind))];
  return kinds
    .map((kind) => {
      const ofKind = cluster.events.filter((event) => event.kind === kind);
      return ofKind.length === 1 ? ofKind[0]!.label : `${ofKind.length} ${PLURALS[kind]}`;
    })
    .join(' + ');
}

/** The span the axis covers: every event and today, padded, never shorter than a few days. */
function domain(events: TimelineEvent[], now: number): [number, number] {
  const times = [...events.map((event) => Date.parse(event.at)), now];
  let start = Math.min(...times);
  let end = Math.max(...times);
  if (end - start < 4 * DAY) {
    const middle = (start + end) / 2;
    start = middle - 2 * DAY;
    end = middle + 2 * DAY;
  }
  const pad = (end - start) * 0.04;
  return [start - pad, end + pad];
}

function ticksBetween(start: number, end: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => start + ((end - start) * (index + 0.5)) / count);
}

function describe(events: TimelineEvent[], now: number): string {
  const parts = events.map((event) => `${event.label}, ${event.date ? formatCalendarDate(event.date) : dayFormat.format(new Date(event.at))}`);
  return `Timeline of this opening: ${parts.join('; ')}. Today is ${dayFormat.format(new Date(now))}.`;
}

/** The opening's story on a line of time: what happened when, and where today falls. */
export function EventTimeline({ events, now }: { events: TimelineEvent[]; now: number }) {
  const { ref, width: WIDTH } = useChartWidth<HTMLDivElement>(720);
  if (events.length === 0) {
    return (
      <p className="chart-empty event-timeline-empty">
        Nothing to draw yet. As you log the date you applied, interviews, thank-you notes, follow-ups and their answers, each appears here on a line, with today marked.
      </p>
    );
  }
  return <EventTimelineDrawing events={events} now={now} width={WIDTH} measureRef={ref} />;
}

function EventTimelineDrawing({ events, now, width: WIDTH, measureRef }: { events: TimelineEvent[]; now: number; width: number; measureRef: (element: HTMLDivElement | null) => void }) {
  const RIGHT = WIDTH - 16;
  const [start, end] = domain(events, now);
  const x = linearScale(start, end, LEFT, RIGHT);

  const clusters: Cluster[] = [];
  for (const event of events) {
    const at = x(Date.parse(event.at));
    const last = clusters.at(-1);
    if (last && at - last.x < CLUSTER) last.events.push(event);
    else clusters.push({ x: at, events: [event] });
  }
  const labels = clusters.map(clusterLabel);
  const lanes = placeLabels(
    clusters.map((cluster) => cluster.x),
    labels.map((label) => labelWidth(label)),
    LANES,
  );
  const tallest = Math.min(MAX_STACK, Math.max(...clusters.map((cluster) => cluster.events.length)));
  const todayTextY = 14;
  const laneBase = todayTextY + 8 + LANES * LANE_HEIGHT;
  const axisY = laneBase + 10 + tallest * STACK_STEP;
  const height = axisY + 30;
  const todayX = x(now);
  const longSpan = end - start > 200 * DAY;
  const kinds = TIMELINE_EVENT_KINDS.filter((kind) => events.some((event) => event.kind === kind));

  return (
    <div className="chart event-timeline" ref={measureRef}>
      <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={describe(events, now)} className="chart-svg">
        <line x1={LEFT} x2={RIGHT} y1={axisY} y2={axisY} className="chart-axis" />
        {ticksBetween(start, end, Math.max(2, Math.min(6, Math.floor(WIDTH / 120)))).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={axisY} y2={axisY + 4} className="chart-axis" />
            <text x={x(tick)} y={axisY + 18} textAnchor="middle" className="chart-note">
              {(longSpan ? monthFormat : dayFormat).format(new Date(tick))}
            </text>
          </g>
        ))}
        <line x1={todayX} x2={todayX} y1={todayTextY + 6} y2={axisY + 6} className="today-line" />
        <text x={Math.min(Math.max(todayX, LEFT + 20), RIGHT - 20)} y={todayTextY} textAnchor="middle" className="today-label">
          Today
        </text>
        {clusters.map((cluster, index) => {
          const lane = lanes[index]!.lane;
          const markersTop = axisY - 8 - (Math.min(cluster.events.length, MAX_STACK) - 1) * STACK_STEP;
          const labelY = laneBase - (lane ?? 0) * LANE_HEIGHT;
          const width = labelWidth(labels[index]!);
          const labelX = Math.min(Math.max(cluster.x, LEFT + width / 2), RIGHT - width / 2);
          return (
            <g key={`${cluster.x}-${index}`} className="event-cluster" data-kinds={cluster.events.map((event) => event.kind).join(' ')}>
              {lane !== null && (
                <>
                  <line x1={cluster.x} x2={cluster.x} y1={labelY + 4} y2={markersTop - 8} className="leader-line" />
                  <text x={labelX} y={labelY} textAnchor="middle" className="event-label">
                    {labels[index]}
                  </text>
                </>
              )}
              {cluster.events.slice(0, MAX_STACK).map((event, stack) =>
                stack === MAX_STACK - 1 && cluster.events.length > MAX_STACK ? (
                  <text key="more" x={cluster.x} y={axisY - 8 - stack * STACK_STEP} textAnchor="middle" dominantBaseline="central" className="chart-note">
                    +{cluster.events.length - MAX_STACK + 1}
                  </text>
                ) : (
                  <g key={`${event.kind}-${event.at}-${stack}`}>
                    <EventMarker kind={event.kind} x={cluster.x} y={axisY - 8 - stack * STACK_STEP} />
                    <title>{`${event.label} — ${whenText(event)}`}</title>
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-caption">
        {kinds.map((kind) => (
          <span key={kind} className="legend-item">
            <svg width="14" height="14" aria-hidden="true">
              <EventMarker kind={kind} x={7} y={7} size={5} />
            </svg>
            {TIMELINE_EVENT_LABELS[kind]}
          </span>
        ))}
        <span className="legend-item">
          <svg width="14" height="14" aria-hidden="true">
            <line x1="7" x2="7" y1="0" y2="14" className="today-line" />
          </svg>
          Today
        </span>
      </figcaption>
      </figure>
      <ChartTable
        summary="Show the timeline as a table"
        caption="What happened on this opening, oldest first"
        head={['When', 'What']}
        rows={events.map((event) => [whenText(event), event.label])}
      />
    </div>
  );
}

/** Loads the opening's events; `version` changes whenever the page learns that something was logged. */
export function OpeningEventChart({ openingId, version, now }: { openingId: string; version: string; now: number }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the signal to load again
  const load = useCallback(() => call('insights.timeline', { id: openingId }), [openingId, version]);
  const { data, error } = useAsyncData(load);
  if (error && !data) return <Alert tone="error">The timeline could not be drawn: {error}</Alert>;
  if (!data) return null;
  return <EventTimeline events={data.events} now={now} />;
}
