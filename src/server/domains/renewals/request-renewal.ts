/**
 * Renew or restore through an order (money's placeOrder), so every renewal is priced, held and
 * captured like any sale. The reseller's balance pays for console, bulk and auto-renewals, and the
 * item is fulfilled at once so the page shows the registry's answer; a registrant pays at checkout
 * and the fulfilment job runs the same provisioner after payment.
 */
import type { ActorContext } from "@/server/context";
import type { OrderChannel } from "@/generated/prisma/enums";
import { AppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { addYears, platformNow } from "../lifecycle/clock";
import { fulfilNow, type Fulfilment } from "@/server/fulfilment/run-fulfilment";
import { getDomainOrThrow } from "../manage/get-domain-or-throw";

export type RenewalRequest = {
  domainId: string;
  years: number;
  idempotencyKey: string;
  payment?: "balance" | "checkout";
  /** Where the order came from when not the actor's own area (the reseller API says "api"). */
  channel?: OrderChannel;
};
export type RenewalOutcome = {
  orderId: string;
  itemId: string;
  payment: "balance" | "checkout";
  result: Fulfilment | null;
};

function paymentFor(ctx: ActorContext, asked?: "balance" | "checkout"): "balance" | "checkout" {
  if (ctx.kind === "registrant") return "checkout";
  return asked ?? "balance";
}

export async function requestRenewal(ctx: ActorContext, input: RenewalRequest): Promise<RenewalOutcome> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  if (domain.state !== "active" && domain.state !== "expired")
    throw new AppError("CONFLICT", `A domain that is ${domain.state.replaceAll("_", " ")} cannot be renewed.`);
  if (!Number.isInteger(input.years) || input.years < 1 || input.years > 10)
    throw new AppError("INVALID_INPUT", "Renew for 1 to 10 years.", { fields: { years: "Choose 1 to 10 years." } });
  const expiry = domain.expiresAt ?? platformNow();
  if (addYears(expiry, input.years) > addYears(platformNow(), 10)) {
    throw new AppError("INVALID_INPUT", "A registration cannot run more than 10 years ahead.", {
      fields: { years: "That would take the expiry more than 10 years ahead." },
    });
  }
  const payment = paymentFor(ctx, input.payment);
  const { order } = await placeOrder(ctx, {
    resellerId: domain.resellerId,
    registrantId: domain.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel ?? (ctx.kind === "registrant" ? "storefront" : "console"),
    payment,
    items: [
      {
        kind: "domain_renew",
        productCode: domain.tld,
        subject: domain.name,
        period: input.years,
        details: { domainId: domain.id, currentExpiry: expiry.toISOString() },
      },
    ],
  });
  const item = order.items[0];
  const result = payment === "balance" && item.state === "paid" ? await fulfilNow(item.id, ctx) : null;
  return { orderId: order.id, itemId: item.id, payment, result };
}

export async function requestRestore(ctx: ActorContext, input: Omit<RenewalRequest, "years">): Promise<RenewalOutcome> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  if (domain.state !== "redemption")
    throw new AppError("CONFLICT", "Only a domain in its redemption period can be restored.");
  const payment = paymentFor(ctx, input.payment);
  const { order } = await placeOrder(ctx, {
    resellerId: domain.resellerId,
    registrantId: domain.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel ?? (ctx.kind === "registrant" ? "storefront" : "console"),
    payment,
    items: [
      {
        kind: "domain_restore",
        productCode: domain.tld,
        subject: domain.name,
        period: 1,
        details: { domainId: domain.id },
      },
    ],
  });
  const item = order.items[0];
  const result = payment === "balance" && item.state === "paid" ? await fulfilNow(item.id, ctx) : null;
  return { orderId: order.id, itemId: item.id, payment, result };
}
