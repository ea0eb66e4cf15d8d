/**
 * What a `pre_registration` order item carries (OrderItem.details) from the pre-order to the
 * registry's answer, parsed with zod on the way out. It is a registration waiting for its phase: the
 * register details (contact, nameservers) plus the claims acceptance given when the order was placed
 * and, once sent, the registry's outcome for the storefront.
 */
import { z } from "zod";
import { registerDetailsSchema } from "@/server/domains/provisioners/item-details";

/** Phases in which anyone may register: a pre-order goes to the registry when its TLD enters one. */
export const OPEN_PHASES = ["claims", "open"] as const;

export const isOpenPhase = (phase: string | undefined): boolean => OPEN_PHASES.some((p) => p === (phase ?? "open"));

export const preorderOutcomeSchema = z.object({
  result: z.enum(["registered", "refused"]),
  message: z.string(),
  code: z.number().int().nullable(),
  at: z.string(),
});

export const preorderDetailsSchema = registerDetailsSchema.extend({
  /** The TLD's phase when the pre-order was placed. */
  placedInPhase: z.string(),
  /** The DNL claim the registrant accepted the notice of when placing it; the create repeats it. */
  claimAccepted: z.object({ claimKey: z.string(), noticeId: z.string(), acceptedAt: z.string() }).optional(),
  /**
   * The create's other objects, already at the registry (made when the pre-order was queued), so at the
   * phase start only the domain create is sent: the registrant's handle there and the hosts made.
   */
  prepared: z.object({ registrant: z.string().optional(), nameservers: z.array(z.string()) }).optional(),
  /** A create was sent and its answer may be lost: the next run asks the registry before sending again. */
  sent: z.boolean().default(false),
  /** Sends that ended without an answer; at the engine's attempt cap the pre-order is parked (decision 074). */
  tries: z.number().int().min(0).default(0),
  /** A runner is sending it until then (ISO); another runner leaves it alone meanwhile. */
  leaseUntil: z.string().optional(),
  outcome: preorderOutcomeSchema.optional(),
});

export type PreorderDetails = z.infer<typeof preorderDetailsSchema>;
export type PreorderOutcome = z.infer<typeof preorderOutcomeSchema>;
