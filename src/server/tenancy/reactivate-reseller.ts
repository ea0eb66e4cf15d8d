/** The registrar lifts a suspension: the storefront sells again and the console is writable. */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { requireRegistrarAdmin } from "./guards";
import { parseInput } from "@/server/parse-input";
import { mailResellerManagers } from "./mail-reseller-managers";

export const reactivateResellerInput = z.object({ resellerId: z.uuid() });

export async function reactivateReseller(ctx: ActorContext, input: z.input<typeof reactivateResellerInput>) {
  requireRegistrarAdmin(ctx);
  const { resellerId } = parseInput(reactivateResellerInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.reseller.findUnique({ where: { id: resellerId } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.status !== "suspended")
      throw new AppError("CONFLICT", `Only a suspended reseller can be reactivated; this one is ${before.status}.`);
    const after = await tx.reseller.update({
      where: { id: resellerId },
      data: { status: "active", suspendedAt: null, suspendReason: null },
    });
    await recordAudit(tx, ctx, {
      action: "reseller.reactivate",
      entity: "reseller",
      entityId: resellerId,
      resellerId,
      before: { status: before.status, reason: before.suspendReason },
      after: { status: "active" },
    });
    await mailResellerManagers(tx, resellerId, (to) =>
      queueMail(tx, {
        to,
        resellerId,
        subject: `${before.displayName} is active again`,
        text: `Your reseller account ${before.displayName} has been reactivated. Your storefront takes orders again and your console is writable.`,
        kind: "reseller.reactivated",
      }),
    );
    return after;
  });
}
