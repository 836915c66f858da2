import type { TimelineEventKind } from '#shared/domain/insights';

/**
 * One shape per kind of event, so the chart reads without colour: a ring for
 * the application, a diamond for an interview, a dot for a thank-you, a
 * triangle up for a message sent, down for one received, a square for the outcome.
 */
export function EventMarker({ kind, x, y, size = 6 }: { kind: TimelineEventKind; x: number; y: number; size?: number }) {
  const className = `event-marker marker-${kind}`;
  switch (kind) {
    case 'applied':
      return <circle cx={x} cy={y} r={size - 1} className={className} />;
    case 'interview':
      return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`} className={className} />;
    case 'thank_you':
      return <circle cx={x} cy={y} r={size - 1} className={className} />;
    case 'touchpoint':
      return <polygon points={`${x},${y - size} ${x + size},${y + size - 1} ${x - size},${y + size - 1}`} className={className} />;
    case 'answer':
      return <polygon points={`${x - size},${y - size + 1} ${x + size},${y - size + 1} ${x},${y + size}`} className={className} />;
    case 'outcome':
      return <rect x={x - size + 1} y={y - size + 1} width={(size - 1) * 2} height={(size - 1) * 2} rx={1.5} className={className} />;
  }
}
