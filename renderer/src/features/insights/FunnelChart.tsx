import { STAGE_LABELS } from '#shared/domain/opening';
import type { Funnel } from '#shared/domain/insights';
import { ChartTable } from './ChartTable';
import { linearScale, percent } from './chart-math';
import { useChartWidth } from './useChartWidth';

const ROW = 40;
const BAR = 24;
const LABEL_END = 104;
const BAR_START = 116;
/** Room for the count after the longest bar, and for the share at the right. */
const COUNT_ROOM = 44;
const SHARE_ROOM = 104;

function describe(funnel: Funnel): string {
  const parts = funnel.steps.map((step) => `${step.reached} ${STAGE_LABELS[step.stage].toLowerCase()}${step.fromPrevious === null ? '' : ` (${percent(step.fromPrevious)} of the step before)`}`);
  return `Pipeline funnel of ${funnel.total} ${funnel.total === 1 ? 'opening' : 'openings'}: ${parts.join(', ')}.`;
}

/** How many openings got at least as far as each stage, as bars, with the share that went on from the stage before. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { ref, width: WIDTH } = useChartWidth<HTMLElement>(640, { max: 760 });
  const BAR_END = WIDTH - SHARE_ROOM - COUNT_ROOM;
  const x = linearScale(0, Math.max(1, funnel.total), BAR_START, BAR_END);
  const height = funnel.steps.length * ROW;
  const exits = funnel.exits.rejected + funnel.exits.withdrawn + funnel.exits.dormant;
  return (
    <figure className="chart funnel-chart" ref={ref}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={describe(funnel)} className="chart-svg">
        {funnel.steps.map((step, index) => {
          const top = index * ROW + (ROW - BAR) / 2;
          const middle = index * ROW + ROW / 2;
          const end = step.reached > 0 ? Math.max(BAR_START + 3, x(step.reached)) : BAR_START;
          return (
            <g key={step.stage} className="funnel-step" data-stage={step.stage}>
              <text x={LABEL_END} y={middle} textAnchor="end" dominantBaseline="central" className="chart-label">
                {STAGE_LABELS[step.stage]}
              </text>
              <rect x={BAR_START} y={top} width={BAR_END - BAR_START} height={BAR} rx={4} className="chart-track" />
              {step.reached > 0 && <rect x={BAR_START} y={top} width={end - BAR_START} height={BAR} rx={4} className="funnel-bar" />}
              <text x={end + 8} y={middle} dominantBaseline="central" className="chart-value">
                {step.reached}
              </text>
              {step.fromPrevious !== null && (
                <text x={WIDTH - 4} y={middle} textAnchor="end" dominantBaseline="central" className="chart-note">
                  {percent(step.fromPrevious)} went on
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-caption">
        Each bar counts the openings that got at least that far; the percentage is the share of the bar above that went on to this one.
        {exits > 0 && (
          <>
            {' '}
            Left along the way: {funnel.exits.rejected} rejected, {funnel.exits.withdrawn} withdrawn, {funnel.exits.dormant} resting (dormant).
          </>
        )}
      </figcaption>
      <ChartTable
        summary="Show the funnel as a table"
        caption="Openings that reached each stage"
        head={['Stage', 'Openings that got this far', 'Share of the stage before']}
        rows={funnel.steps.map((step) => [STAGE_LABELS[step.stage], step.reached, step.fromPrevious === null ? '—' : percent(step.fromPrevious)])}
      />
    </figure>
  );
}
