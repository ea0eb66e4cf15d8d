/**
 * A registrant applies for a name in a TLD's landrush with a maximum bid. Before anyone pays: the
 * registry must be in landrush for the TLD and the name available, and the maximum must cover the
 * landrush (phase) price. The application is a `landrush_application` order item priced and held at
 * the maximum (decision 121): the registrant pays it at checkout, or the reseller's balance holds
 * its wholesale; when the registry's auction clears lower, the difference goes back
 * (../landrush/settle-landrush.ts). The engine sends it (../landrush/provision-landrush.ts).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import type { OrderChannel } from "@/generated/prisma/enums";
import { callRegistry, inRegistryModeOf } from "@/server/registry/access";
import { placeOrder } from "@/server/orders/place-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { encryptAuthCode, generateAuthCode } from "@/server/domains/manage/auth-code";
import { loadPriceContext } from "@/server/pricing/load-price-context";
import { moneyInput } from "@/server/billing/money-input";
import { formatMoney } from "@/lib/money";
import { bidFor, priceOfFee } from "../landrush/bid-price";
import type { LandrushDetails } from "../landrush/landrush-details";

export const landrushApplicationSchema = z.object({
  name: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.[a-z0-9-]{2,63}$/, "A name such as brand.forge"),
  years: z.coerce.number().int().min(1).max(10).default(1),
  maxBid: moneyInput({ min: 1 }),
});

export type ApplyLandrushInput = {
  resellerId: string;
  registrantId: string;
  application: unknown;
  idempotencyKey: string;
  channel: OrderChannel;
  payment: "balance" | "checkout";
};

/** The TLD must be in landrush and the name free; the answer carries the registry's landrush fee. */
async function landrushFee(ctx: ActorContext, resellerId: string, name: string, years: number): Promise<number> {
  const { data } = await inRegistryModeOf(resellerId, () =>
    callRegistry(ctx, { id: null, name, resellerId }, "checkDomains", { names: [name], years }),
  );
  const check = data[0];
  if (check?.phase !== "landrush")
    throw new AppError("INVALID_INPUT", `${name.split(".").slice(1).join(".")} is not in landrush.`, {
      fields: { name: "Not in landrush" },
    });
  if (!check.available)
    throw new AppError("CONFLICT", `${name} is not available${check.reason ? `: ${check.reason}` : ""}.`, {
      fields: { name: "Not available" },
    });
  const fee = check.prices.create;
  if (!fee || fee.currency !== "USD") throw new AppError("REGISTRY_ERROR", "The registry gave no landrush fee.");
  return fee.amount;
}

export async function applyLandrush(ctx: ActorContext, input: ApplyLandrushInput) {
  assertTenant(ctx, input.resellerId);
  if (ctx.kind === "registrant" && ctx.actorId !== input.registrantId) throw new AppError("FORBIDDEN");
  const a = parseInput(landrushApplicationSchema, input.application);
  const tld = a.name.split(".").slice(1).join(".");
  const product = await db.product.findUnique({ where: { code: tld }, select: { id: true } });
  if (!product) throw new AppError("INVALID_INPUT", `We do not sell .${tld}.`, { fields: { name: "Not sold here" } });
  const phaseFeeUsd = await landrushFee(ctx, input.resellerId, a.name, a.years);
  const pc = await loadPriceContext(db, input.resellerId);
  if (!pc.perUsdMicros) throw new AppError("INTERNAL", undefined, { cause: `no exchange rate for ${pc.currency}` });
  const bid = bidFor(pc, phaseFeeUsd, a.maxBid);
  if (bid === null) {
    const least = formatMoney(priceOfFee(pc, phaseFeeUsd).retail, pc.currency);
    throw new AppError("INVALID_INPUT", `The landrush price is ${least}: bid at least that.`, {
      fields: { maxBid: `At least ${least}` },
    });
  }
  const details: LandrushDetails = {
    unicodeName: a.name,
    phaseFeeUsd,
    maxBidUsd: bid,
    maxRetail: a.maxBid,
    authCodeEnc: encryptAuthCode(generateAuthCode()),
  };
  const { order, created } = await placeOrder(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel,
    payment: input.payment,
    items: [
      { kind: "landrush_application", productCode: tld, subject: a.name, period: a.years, premiumFeeUsd: bid, details },
    ],
  });
  if (created && input.payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, order.items));
  return { order };
}
