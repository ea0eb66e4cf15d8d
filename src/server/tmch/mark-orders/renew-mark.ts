/** Renewing a verified mark for 1, 3 or 5 more years: a `tmch_mark` item at the product's renew price. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import type { OrderChannel } from "@/generated/prisma/enums";
import { placeOrder } from "@/server/orders/place-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { termYearsSchema } from "../mark-submission";
import { getMarkOrThrow } from "../marks/get-mark";
import { TMCH_PRODUCT } from "./order-mark";

export async function renewMark(
  ctx: ActorContext,
  input: {
    markId: string;
    years: unknown;
    idempotencyKey: string;
    channel: OrderChannel;
    payment: "balance" | "checkout";
  },
) {
  const years = parseInput(termYearsSchema, input.years);
  const mark = await getMarkOrThrow(db, ctx, input.markId);
  if (mark.state !== "verified") throw new AppError("CONFLICT", "Only a verified mark can be renewed.");
  const { order, created } = await placeOrder(ctx, {
    resellerId: mark.resellerId,
    registrantId: mark.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel,
    payment: input.payment,
    items: [
      {
        kind: "tmch_mark",
        productCode: TMCH_PRODUCT,
        subject: mark.markName,
        period: years,
        operation: "renew",
        details: { action: "renew", markId: mark.id },
      },
    ],
  });
  if (created && input.payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, order.items));
  return { mark, order };
}
