/** What a `tmch_mark` order item carries: which mark, and whether it pays for its submission or a renewal. */
import { z } from "zod";

export const markItemDetailsSchema = z.object({
  action: z.enum(["submit", "renew"]),
  markId: z.uuid(),
});

export type MarkItemDetails = z.infer<typeof markItemDetailsSchema>;

/** Review states: the TMCH is still working on the mark, so the poll asks often. */
export const UNDER_REVIEW = ["submitted", "verifying", "corrected"] as const;
