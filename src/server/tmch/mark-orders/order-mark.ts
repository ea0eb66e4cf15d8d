/**
 * Recording a mark is bought like anything else: a `tmch_mark` order item at the catalog's
 * "tmch-mark" product, priced per year of the term with the reseller's markup, fulfilled by the
 * engine (src/server/tmch/marks/provision-mark.ts). The mark's row exists from the order on, so the
 * registrant sees it "ordered" until the TMCH has it.
 */
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import type { OrderChannel } from "@/generated/prisma/enums";
import { placeOrder } from "@/server/orders/place-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { deriveLabels, LabelDerivationError } from "../standin/derive-labels";
import { markSubmissionSchema, proofOfUseSchema, termYearsSchema } from "../mark-submission";

export const TMCH_PRODUCT = "tmch-mark";

export type OrderMarkInput = {
  resellerId: string;
  registrantId: string;
  submission: unknown;
  termYears: unknown;
  proofOfUse?: unknown;
  idempotencyKey: string;
  channel: OrderChannel;
  payment: "balance" | "checkout";
};

/** The labels the TMCH will derive, checked before anyone pays: a mark with none cannot be recorded. */
function labelsOf(name: string, asked: string[] | undefined): string[] {
  let derived: string[];
  try {
    derived = deriveLabels(name);
  } catch (e) {
    if (e instanceof LabelDerivationError)
      throw new AppError("INVALID_INPUT", e.message, { fields: { name: e.message } });
    throw e;
  }
  const foreign = (asked ?? []).filter((l) => !derived.includes(l));
  if (foreign.length)
    throw new AppError("INVALID_INPUT", `These labels do not follow from the mark: ${foreign.join(", ")}.`, {
      fields: { labels: "Not derived from the mark" },
    });
  if (!derived.length)
    throw new AppError("INVALID_INPUT", "The mark yields no domain label.", { fields: { name: "No label" } });
  return asked?.length ? asked : derived;
}

export async function orderMark(ctx: ActorContext, input: OrderMarkInput) {
  assertTenant(ctx, input.resellerId);
  if (ctx.kind === "registrant" && ctx.actorId !== input.registrantId) throw new AppError("FORBIDDEN");
  const submission = parseInput(markSubmissionSchema, input.submission);
  const termYears = parseInput(termYearsSchema, input.termYears);
  const proof = input.proofOfUse === undefined ? undefined : parseInput(proofOfUseSchema, input.proofOfUse);
  const labels = labelsOf(submission.name, submission.labels);
  const registrant = await db.registrant.findFirst({ where: { id: input.registrantId, resellerId: input.resellerId } });
  if (!registrant) throw new AppError("NOT_FOUND", "No such customer.");

  const prior = await db.tmchMark.findFirst({
    where: { resellerId: input.resellerId, registrantId: input.registrantId, orderKey: input.idempotencyKey },
  });
  const mark =
    prior ??
    (await db.tmchMark.create({
      data: {
        resellerId: input.resellerId,
        registrantId: input.registrantId,
        orderKey: input.idempotencyKey,
        markName: submission.name,
        markType: submission.details.type,
        submission,
        pendingProofOfUse: proof ?? Prisma.DbNull,
        hasProofOfUse: !!proof,
        labels,
        termYears,
      },
    }));
  try {
    const { order, created } = await placeOrder(ctx, {
      resellerId: input.resellerId,
      registrantId: input.registrantId,
      idempotencyKey: input.idempotencyKey,
      channel: input.channel,
      payment: input.payment,
      items: [
        {
          kind: "tmch_mark",
          productCode: TMCH_PRODUCT,
          subject: submission.name,
          period: termYears,
          operation: "register",
          details: { action: "submit", markId: mark.id },
        },
      ],
    });
    if (created && input.payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, order.items));
    return { mark, order };
  } catch (e) {
    // Nothing was ordered: the row would otherwise sit "ordered" for ever.
    if (!prior) await db.tmchMark.delete({ where: { id: mark.id } });
    throw e;
  }
}
