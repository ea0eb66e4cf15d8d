/**
 * The registrar suspends a reseller: its storefront then sells nothing and shows a notice, and its
 * console becomes read-only. The reseller's owners and admins are told why by mail.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { requireRegistrarAdmin } from "./guards";
import { parseInput } from "@/server/parse-input";
import { mailResellerManagers } from "./mail-reseller-managers";

export const suspendResellerInput = z.object({
  resellerId: z.uuid(),
  reason: z.string().trim().min(5, "Give a reason of at least 5 characters; the reseller will see it.").max(1000),
});

export async function suspendReseller(ctx: ActorContext, input: z.input<typeof suspendResellerInput>) {
  requireRegistrarAdmin(ctx);
  const { resellerId, reason } = parseInput(suspendResellerInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.reseller.findUnique({ where: { id: resellerId } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.status !== "active") throw new AppError("CONFLICT", `This reseller is already ${before.status}.`);
    const after = await tx.reseller.update({
      where: { id: resellerId },
      data: { status: "suspended", suspendedAt: new Date(), suspendReason: reason },
    });
    await recordAudit(tx, ctx, {
      action: "reseller.suspend",
      entity: "reseller",
      entityId: resellerId,
      resellerId,
      before: { status: before.status },
      after: { status: "suspended", reason },
    });
    await mailResellerManagers(tx, resellerId, (to) =>
      queueMail(tx, {
        to,
        resellerId,
        subject: `${before.displayName} has been suspended`,
        text: `Your reseller account ${before.displayName} has been suspended by the registrar.\n\nReason: ${reason}\n\nWhile suspended, your storefront takes no orders and your console is read-only. Domains you manage stay registered. Reply to this message to resolve the matter.`,
        kind: "reseller.suspended",
      }),
    );
    return after;
  });
}
