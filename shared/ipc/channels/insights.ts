import { insightsOverviewSchema, openingTimelineSchema } from '../../domain/insights';
import { dismissTipSchema, tipsStateSchema } from '../../domain/tips';
import { byId } from '../by-id';
import { noInput } from '../no-input';

export const insightChannels = {
  /** The pipeline funnel and how long employers took to answer, over every opening not in the trash. */
  'insights.overview': { input: noInput, output: insightsOverviewSchema },
  /** One opening's dated events, for its timeline chart. */
  'insights.timeline': { input: byId, output: openingTimelineSchema },
  /** Which tips the user has dismissed; kept in the vault's settings table. */
  'tips.get': { input: noInput, output: tipsStateSchema },
  'tips.dismiss': { input: dismissTipSchema, output: tipsStateSchema },
  /** "Show tips again": every tip comes back. */
  'tips.reset': { input: noInput, output: tipsStateSchema },
} as const;
