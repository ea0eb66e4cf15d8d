/**
 * A registrant applies for a name in a TLD's landrush with a maximum bid and a registrant contact (a
 * saved one or new details, as at checkout). Before anyone pays: the registry must be in landrush for
 * the TLD and the name available, a name on the Trademark Clearinghouse's list must come with its
 * claims notice accepted (./landrush-check.ts), and the maximum must cover the landrush (phase)
 * price. The application is a `landrush_application` order item priced and held at the maximum
 * (decision 121): the registrant pays it at checkout, or the reseller's balance holds its wholesale;
 * when the registry's auction clears lower, the difference goes back (../landrush/settle-landrush.ts).
 * The engine sends it (../landrush/provision-landrush.ts).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import type { OrderChannel } from "@/generated/prisma/enums";
import { placeOrder } from "@/server/orders/place-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { encryptAuthCode, generateAuthCode } from "@/server/domains/manage/auth-code";
import { loadPriceContext } from "@/server/pricing/load-price-context";
import { moneyInput } from "@/server/billing/money-input";
import { formatMoney } from "@/lib/money";
import { bidFor, priceOfFee } from "../landrush/bid-price";
import { acceptedNotice } from "@/server/domains/checkout/claims-notice";
import { registrantContactInput, resolveRegistrantContact } from "@/server/contacts/registrant-contact";
import type { LandrushDetails } from "../landrush/landrush-details";
import { checkLandrushName } from "./landrush-check";
import { existingOrder, CONTACT_FIELD_PREFIX } from "./applicant-contact";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const landrushApplicationSchema = z.object({
  name: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.[a-z0-9-]{2,63}$/, "A name such as brand.forge"),
  years: z.coerce.number().int().min(1).max(10).default(1),
  maxBid: moneyInput({ min: 1 }),
  /** The noticeId of the claims notice the registrant accepted, for a name on the DNL. */
  claimsNoticeId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  ...registrantContactInput,
});

export type ApplyLandrushInput = {
  resellerId: string;
  registrantId: string;
  application: unknown;
  idempotencyKey: string;
  channel: OrderChannel;
  payment: "balance" | "checkout";
};

export async function applyLandrush(ctx: ActorContext, input: ApplyLandrushInput) {
  assertTenant(ctx, input.resellerId);
  if (ctx.kind === "registrant" && ctx.actorId !== input.registrantId) throw new AppError("FORBIDDEN");
  const a = parseInput(landrushApplicationSchema, input.application);
  const tld = a.name.split(".").slice(1).join(".");
  const product = await db.product.findUnique({ where: { code: tld }, select: { id: true } });
  if (!product) throw new AppError("INVALID_INPUT", `We do not sell .${tld}.`, { fields: { name: "Not sold here" } });
  const placed = await existingOrder(input.resellerId, input.idempotencyKey);
  if (placed) return { order: placed };
  const { phaseFeeUsd, notice } = await checkLandrushName(ctx, input.resellerId, a.name, a.years);
  const accepted = notice ? acceptedNotice(notice, a.claimsNoticeId) : null;
  if (notice && !accepted)
    throw new AppError("INVALID_INPUT", "Read and accept the trademark notice to apply for this name.", {
      fields: { claimsNoticeId: "Read and accept the trademark notice" },
    });
  const pc = await loadPriceContext(db, input.resellerId);
  if (!pc.perUsdMicros) throw new AppError("INTERNAL", undefined, { cause: `no exchange rate for ${pc.currency}` });
  const bid = bidFor(pc, phaseFeeUsd, a.maxBid);
  if (bid === null) {
    const least = formatMoney(priceOfFee(pc, phaseFeeUsd).retail, pc.currency);
    throw new AppError("INVALID_INPUT", `The landrush price is ${least}: bid at least that.`, {
      fields: { maxBid: `At least ${least}` },
    });
  }
  const contactId = await resolveRegistrantContact(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    contactId: a.contactId,
    contact: a.contact,
    fieldPrefix: CONTACT_FIELD_PREFIX,
  });
  const details: LandrushDetails = {
    unicodeName: a.name,
    contactId,
    claims: accepted
      ? { noticeId: accepted.noticeId, notAfter: accepted.notAfter, acceptedDate: new Date().toISOString() }
      : undefined,
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
