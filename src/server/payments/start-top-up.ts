/** A reseller tops up its prepaid balance through the payment provider's checkout. */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { requireBillingWriter } from "@/server/billing/guards";
import { formatMoney } from "@/lib/money";
import { paymentProvider } from "./get-payment-provider";

export const MIN_TOP_UP = 1_000;
export const MAX_TOP_UP = 10_000_000;

/** `consoleOrigin` is the absolute origin of the console, e.g. "https://console.example". */
export async function startTopUp(
  ctx: ActorContext,
  input: { resellerId: string; amount: number; consoleOrigin: string },
): Promise<{ paymentId: string; url: string }> {
  requireBillingWriter(ctx, input.resellerId);
  if (!Number.isSafeInteger(input.amount) || input.amount < MIN_TOP_UP || input.amount > MAX_TOP_UP) {
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { amount: "Enter an amount between 10.00 and 100,000.00." },
    });
  }
  const reseller = await db.reseller.findUniqueOrThrow({
    where: { id: input.resellerId },
    select: { currency: true, locale: true, displayName: true },
  });
  const paymentId = randomUUID();
  const provider = paymentProvider();
  const base = `${input.consoleOrigin}/console/billing`;
  const session = await provider.createCheckout({
    paymentId,
    amount: input.amount,
    currency: reseller.currency,
    description: `Prepaid balance top-up for ${reseller.displayName}`,
    successUrl: `${base}?topup=success`,
    cancelUrl: `${base}?topup=canceled`,
    testCheckoutUrl: `${base}/top-up/test-checkout/${paymentId}`,
  });
  await db.$transaction(async (tx) => {
    await tx.payment.create({
      data: {
        id: paymentId,
        resellerId: input.resellerId,
        purpose: "topup",
        provider: provider.name,
        providerRef: session.providerRef,
        amount: input.amount,
        currency: reseller.currency,
        checkoutUrl: session.url,
        createdById: ctx.actorId,
      },
    });
    await recordAudit(tx, ctx, {
      action: "billing.top-up.start",
      entity: "payment",
      entityId: paymentId,
      resellerId: input.resellerId,
      after: { amount: formatMoney(input.amount, reseller.currency, reseller.locale), provider: provider.name },
    });
  });
  return { paymentId, url: session.url };
}
