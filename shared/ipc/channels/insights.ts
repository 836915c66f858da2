import { insightsOverviewSchema, openingTimelineSchema } from '#shared/domain/insights';
import { dismissTipSchema, tipsStateSchema } from '#shared/domain/tips';
import { byId } from '../by-id';
import { noInput } from '../no-input';

export const insightChannels = {
  /** The pipeline funnel and how long employers took to answer, over every opening not in the trash. */
  'insights.overview': { effect: 'reads', input: noInput, output: insightsOverviewSchema },
  /** One opening's dated events, for its timeline chart. */
  'insights.timeline': { effect: 'reads', input: byId, output: openingTimelineSchema },
  /** Which tips the user has dismissed; kept in the vault's settings table. */
  'tips.get': { effect: 'reads', input: noInput, output: tipsStateSchema },
  'tips.dismiss': { effect: 'writes', input: dismissTipSchema, output: tipsStateSchema },
  /** "Show tips again": every tip comes back. */
  'tips.reset': { effect: 'writes', input: noInput, output: tipsStateSchema },
} as const;
