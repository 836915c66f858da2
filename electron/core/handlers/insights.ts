import { AppError } from '../errors';
import { buildTimeline } from '../insights/timeline';
import { computeFunnel } from '../insights/funnel';
import { computeResponseTimes } from '../insights/response-times';
import { createInsightRows } from '../vault/read-models/insight-rows';
import { createTipsRepository } from '../settings/tips';
import { systemTimeZone } from '../system-time-zone';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type InsightChannel = 'insights.overview' | 'insights.timeline' | 'tips.get' | 'tips.dismiss' | 'tips.reset';

export function insightHandlers({ vault, now }: Services): HandlersFor<InsightChannel> {
  const rows = createInsightRows(vault.db);
  const tips = createTipsRepository(vault.db);
  return {
    'insights.overview': () => {
      const all = rows.all();
      return { funnel: computeFunnel(all), responseTimes: computeResponseTimes(all, now(), systemTimeZone()) };
    },
    'insights.timeline': ({ id }) => {
      const own = rows.of(id);
      if (!own) throw new AppError('NOT_FOUND', 'That opening is not here; it may have been deleted.');
      return { events: buildTimeline(own, systemTimeZone()) };
    },
    'tips.get': () => tips.get(),
    'tips.dismiss': ({ id }) => tips.dismiss(id),
    'tips.reset': () => tips.reset(),
  };
}
