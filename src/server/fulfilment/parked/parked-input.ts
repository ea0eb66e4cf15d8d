/** What a person types when deciding a parked item, checked the same at the action and in the service. */
import { z } from "zod";

export const PARKED_OUTCOMES = ["done", "failed"] as const;
export type ParkedOutcome = (typeof PARKED_OUTCOMES)[number];

/** Required when resolving: the audit log must say what the person checked before deciding. */
export const resolveNote = z
  .string({ error: "Write a note: what you checked and why you decided this." })
  .trim()
  .min(3, "Write a note of at least 3 characters: what you checked and why you decided this.")
  .max(500, "Keep the note to 500 characters.");

/** Optional when retrying: trying again decides nothing about the money. */
export const retryNote = z.string().trim().max(500, "Keep the note to 500 characters.").default("");

export const resolveOptions = z.object({
  outcome: z.enum(PARKED_OUTCOMES, { error: "Choose whether it was done or failed." }),
  note: resolveNote,
});

export const retryParkedInput = z.object({ itemId: z.uuid(), note: retryNote });
export const resolveParkedInput = resolveOptions.extend({ itemId: z.uuid() });
