/** The registrar declines an application with a reason, which is mailed to the applicant. */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { requireRegistrarAdmin } from "./guards";
import { parseInput } from "@/server/parse-input";

export const declineApplicationInput = z.object({
  applicationId: z.uuid(),
  reason: z.string().trim().min(10, "Give the applicant a reason of at least 10 characters.").max(2000),
});

export async function declineResellerApplication(ctx: ActorContext, input: z.input<typeof declineApplicationInput>) {
  requireRegistrarAdmin(ctx);
  const { applicationId, reason } = parseInput(declineApplicationInput, input);
  return db.$transaction(async (tx) => {
    const application = await tx.resellerApplication.findUnique({ where: { id: applicationId } });
    if (!application) throw new AppError("NOT_FOUND");
    if (application.status !== "pending")
      throw new AppError("CONFLICT", `This application was already ${application.status}.`);
    const updated = await tx.resellerApplication.update({
      where: { id: applicationId, status: "pending" },
      data: { status: "declined", decidedAt: new Date(), decidedById: ctx.actorId, declineReason: reason },
    });
    await recordAudit(tx, ctx, {
      action: "reseller_application.decline",
      entity: "resellerApplication",
      entityId: applicationId,
      resellerId: null,
      before: { status: "pending" },
      after: { status: "declined", reason },
    });
    await queueMail(tx, {
      to: application.contactEmail,
      subject: "Your reseller application",
      text: `Hello ${application.contactName},\n\nThank you for your interest in becoming a reseller as ${application.companyName}. We are unable to approve your application at this time.\n\nReason: ${reason}\n\nYou are welcome to apply again once this has been addressed.`,
      kind: "reseller_application.declined",
    });
    return updated;
  });
}
