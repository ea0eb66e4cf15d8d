/**
 * What a `landrush_application` order item carries (OrderItem.details) from the application to the
 * auction's outcome. The item is priced and held at the registrant's maximum bid; what the registry
 * says (application id, status, clearing price) is written back here for the storefront.
 */
import { z } from "zod";
import { APPLICATION_STATUSES } from "@/server/launch/shared/application-statuses";
import { claimsNoticeSchema } from "@/server/domains/provisioners/item-details";

export const landrushDetailsSchema = z.object({
  unicodeName: z.string(),
  /** The registry's landrush fee for the period (USD minor units): the least a bid can be. */
  phaseFeeUsd: z.number().int().positive(),
  /** The sealed bid sent to the registry (USD minor units): the most the registry may charge. */
  maxBidUsd: z.number().int().positive(),
  /** The registrant's maximum as they typed it, in the order's currency (what is held or authorised). */
  maxRetail: z.number().int().positive(),
  /** The registrant's contact, sent as registrant, admin and tech; null on items placed before applications carried one. */
  contactId: z.string().nullable().default(null),
  /** The trademark claims notice the registrant accepted for a name on the DNL, sent with the application. */
  claims: claimsNoticeSchema.optional(),
  /** Fixed when the order is placed, so a repeated create is recognised as the same application. */
  authCodeEnc: z.string(),
  applicationId: z.string().optional(),
  applicationStatus: z.enum(APPLICATION_STATUSES).optional(),
  /** Set when the name is allocated: what the registry charged in all (USD minor units). */
  clearingPriceUsd: z.number().int().positive().optional(),
  /** What a card payer is owed back above the clearing price, until the payment provider took it. */
  excessRefund: z.object({ amount: z.number().int().positive(), sent: z.boolean() }).optional(),
});

export type LandrushDetails = z.infer<typeof landrushDetailsSchema>;

/** The clearing price the mock registry states in the allocated status's text ("clearing price 52.00 USD"). */
export function clearingPriceOf(statusText: string | undefined): number | undefined {
  const m = /clearing price (\d{1,9})\.(\d{2}) USD/.exec(statusText ?? "");
  return m ? Number(m[1]) * 100 + Number(m[2]) : undefined;
}
