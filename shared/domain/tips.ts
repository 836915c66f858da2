import { z } from 'zod';

/** The in-app tips, each shown where its advice matters until the user dismisses it. */
export const TIP_IDS = ['thank_within_a_day', 'linkedin_after_process', 'when_to_move_on', 'ask_references_first'] as const;
export type TipId = (typeof TIP_IDS)[number];
export const tipIdSchema = z.enum(TIP_IDS, { error: 'That tip does not exist.' });

export const tipsStateSchema = z.object({
  /** Dismissed tips, in the order they were dismissed. */
  dismissed: z.array(tipIdSchema),
});
export type TipsState = z.infer<typeof tipsStateSchema>;

export const dismissTipSchema = z.object({ id: tipIdSchema }).strict();
