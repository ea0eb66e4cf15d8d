/**
 * Auto-renews one domain from its reseller's balance: a renew order placed by the system with an
 * idempotency key per expiry date (a second sweep finds the same order), fulfilled at once. An
 * unfunded reseller is recorded on the domain's lifecycle row and tried again the next day.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { placeOrder } from "@/server/orders/place-order";
import { fulfilNow } from "@/server/fulfilment/run-fulfilment";
import type { Domain } from "@/generated/prisma/client";

export type AutoRenewOutcome = "renewed" | "unfunded" | "failed" | "skipped";

export async function autoRenewDomain(domain: Domain, now: Date): Promise<AutoRenewOutcome> {
  if (!domain.expiresAt) return "skipped";
  const ctx = systemContext(domain.resellerId);
  const key = `auto-renew:${domain.id}:${domain.expiresAt.toISOString().slice(0, 10)}`;
  const mark = (failure: string | null) =>
    db.domainLifecycle.upsert({
      where: { domainId: domain.id },
      create: { domainId: domain.id, resellerId: domain.resellerId, autoRenewTriedAt: now, autoRenewFailure: failure },
      update: { autoRenewTriedAt: now, autoRenewFailure: failure },
    });
  try {
    const { order } = await placeOrder(ctx, {
      resellerId: domain.resellerId,
      registrantId: domain.registrantId,
      idempotencyKey: key,
      channel: "console",
      payment: "balance",
      items: [
        {
          kind: "domain_renew",
          productCode: domain.tld,
          subject: domain.name,
          period: 1,
          details: { domainId: domain.id, currentExpiry: domain.expiresAt.toISOString(), auto: true },
        },
      ],
    });
    const item = order.items[0];
    if (item.state === "completed") return "renewed";
    if (item.state !== "paid" && item.state !== "provisioning") {
      await mark(`The auto-renewal order is ${item.state}.`);
      return "failed";
    }
    const result = await fulfilNow(item.id, ctx);
    if (!result.ok) await mark(result.message);
    return result.ok ? "renewed" : "failed";
  } catch (e) {
    if (isAppError(e) && e.code === "INSUFFICIENT_BALANCE") {
      await mark("The reseller's balance does not cover the renewal.");
      return "unfunded";
    }
    if (isAppError(e)) {
      await mark(e.userMessage);
      return "failed";
    }
    throw e;
  }
}
