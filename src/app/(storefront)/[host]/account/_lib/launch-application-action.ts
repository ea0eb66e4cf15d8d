/**
 * What the storefront's launch forms (sunrise, landrush, pre-order) share: the fields every one posts,
 * the registrant contact read as at checkout, and an order placed for the signed-in registrant that is
 * paid on its payment page. Each form adds its own fields and names the service that takes them.
 */
import { z } from "zod";
import type { ActionDef } from "@/server/action-client";
import type { AreaContext } from "@/server/auth/require-context";
import { applicantContact } from "./applicant-contact-input";

/** The order's owner and how it is paid: always the signed-in registrant, at checkout. */
export type LaunchPlacing = {
  resellerId: string;
  registrantId: string;
  idempotencyKey: string;
  channel: "storefront";
  payment: "checkout";
};

type PlaceApplication = (
  ctx: AreaContext<"storefront">,
  placing: LaunchPlacing,
  application: Record<string, unknown>,
) => Promise<{ order: { id: string } }>;

/** A form's own fields beside the shared ones: text inputs, read by its service. */
type OwnFields = Record<string, z.ZodString | z.ZodOptional<z.ZodString>>;

export function launchApplicationAction(own: OwnFields, place: PlaceApplication) {
  // Loose: the registrant contact's inputs come as they are and are read by applicantContact.
  const input = z.looseObject({
    idempotencyKey: z.string().min(8).max(100),
    name: z.string(),
    years: z.string().optional(),
    ...own,
  });
  const def: ActionDef<"storefront", typeof input, { orderId: string }> = {
    area: "storefront",
    input,
    handler: async (ctx, { idempotencyKey, ...fields }) => {
      const application = {
        name: fields.name,
        years: fields.years,
        ...Object.fromEntries(Object.keys(own).map((k) => [k, fields[k]])),
        ...applicantContact(fields),
      };
      const placing: LaunchPlacing = {
        resellerId: ctx.resellerId,
        registrantId: ctx.actorId,
        idempotencyKey,
        channel: "storefront",
        payment: "checkout",
      };
      const { order } = await place(ctx, placing, application);
      return { orderId: order.id };
    },
    redirectTo: (d) => `/orders/${d.orderId}/pay`,
  };
  return def;
}
