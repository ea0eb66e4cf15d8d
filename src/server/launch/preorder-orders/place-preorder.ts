/**
 * A binding pre-order: a registrant orders a name in a TLD that is not open to everyone yet (announced,
 * sunrise or landrush) and pays now; the money is held until the TLD enters claims or general
 * availability on the registry's clock, when the name goes to the registry in the order pre-orders
 * were received (submit-preorders.ts). A name on the Clearinghouse's list needs its claims notice
 * accepted now, as checkout asks; the registrant contact is chosen as at checkout. The item is a
 * `pre_registration` at the TLD's register price; the engine queues it (provision-preorder.ts).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import type { OrderChannel } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { placeOrder } from "@/server/orders/place-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { acceptedNotice } from "@/server/domains/checkout/claims-notice";
import { defaultNameservers } from "@/server/domains/checkout/place-domain-order";
import { registrantContactInput, resolveRegistrantContact } from "@/server/contacts/registrant-contact";
import { checkPreorderName } from "./preorder-check";
import type { PreorderDetails } from "@/server/launch/preorder/preorder-details";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const preorderSchema = z.object({
  name: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.[a-z0-9-]{2,63}$/, "A name such as brand.nova"),
  years: z.coerce.number().int().min(1).max(10).default(1),
  /** The noticeId of the claims notice the registrant accepted, for a name on the Clearinghouse's list. */
  claimsNoticeId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  ...registrantContactInput,
});

export type PlacePreorderInput = {
  resellerId: string;
  registrantId: string;
  preorder: unknown;
  idempotencyKey: string;
  channel: OrderChannel;
  payment: "balance" | "checkout";
};

export async function placePreorder(ctx: ActorContext, input: PlacePreorderInput) {
  assertTenant(ctx, input.resellerId);
  if (ctx.kind === "registrant" && ctx.actorId !== input.registrantId) throw new AppError("FORBIDDEN");
  const p = parseInput(preorderSchema, input.preorder);
  const existing = await db.order.findUnique({
    where: { resellerId_idempotencyKey: { resellerId: input.resellerId, idempotencyKey: input.idempotencyKey } },
    select: { id: true },
  });
  if (existing) return placeOrderAgain(ctx, input, p.name);
  const tld = p.name.split(".").slice(1).join(".");
  const product = await db.product.findUnique({ where: { code: tld }, select: { id: true } });
  if (!product) throw new AppError("INVALID_INPUT", `We do not sell .${tld}.`, { fields: { name: "Not sold here" } });
  const check = await checkPreorderName(ctx, input.resellerId, p.name);
  let claimAccepted: PreorderDetails["claimAccepted"];
  if (check.claims) {
    const accepted = acceptedNotice(check.claims, p.claimsNoticeId);
    if (!accepted)
      throw new AppError("INVALID_INPUT", "Read and accept the trademark notice to pre-order this name.", {
        fields: { claimsNoticeId: "Accept the trademark notice" },
      });
    claimAccepted = {
      claimKey: accepted.claimKey,
      noticeId: accepted.noticeId,
      acceptedAt: new Date().toISOString(),
    };
  }
  const contactId = await resolveRegistrantContact(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    contactId: p.contactId,
    contact: p.contact,
  });
  const details: PreorderDetails = {
    unicodeName: p.name,
    privacy: false,
    nameservers: defaultNameservers(),
    contactId,
    placedInPhase: check.phase,
    claimAccepted,
    sent: false,
    tries: 0,
  };
  const { order, created } = await placeOrder(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel,
    payment: input.payment,
    items: [
      {
        kind: "pre_registration",
        productCode: tld,
        subject: p.name,
        period: p.years,
        details: details as Prisma.InputJsonValue,
      },
    ],
  });
  if (created && input.payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, order.items));
  return { order };
}

/** A retried form (same idempotency key) gets its first order back, without asking the registry again. */
async function placeOrderAgain(ctx: ActorContext, input: PlacePreorderInput, name: string) {
  const { order } = await placeOrder(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel,
    payment: input.payment,
    items: [{ kind: "pre_registration", productCode: name.split(".").slice(1).join("."), subject: name }],
  });
  return { order };
}
