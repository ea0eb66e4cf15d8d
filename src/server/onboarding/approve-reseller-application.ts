/**
 * The registrar approves an application: one transaction creates the reseller, its default branding,
 * its platform host `<slug>.<STOREFRONT_BASE_DOMAIN>` (verified: the platform owns that name) and an
 * owner invitation for the applicant's contact, mailed through the outbox; and, when the registrar
 * has a wholesale tier, its billing account on the standard tier. The agreement version the applicant
 * accepted is carried to the reseller as its acceptance record (decision 127).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { createInvitation } from "@/server/auth/create-invitation";
import { openResellerBilling } from "@/server/billing/open-reseller-billing";
import { newVerificationToken } from "@/server/tenancy/add-host-name";
import { requireRegistrarAdmin } from "@/server/tenancy/guards";
import { parseInput } from "@/server/parse-input";
import { carryApplicantAcceptance } from "@/server/reseller-agreements/carry-applicant-acceptance";

export const approveApplicationInput = z.object({ applicationId: z.uuid() });

export async function approveResellerApplication(ctx: ActorContext, input: z.input<typeof approveApplicationInput>) {
  requireRegistrarAdmin(ctx);
  const { applicationId } = parseInput(approveApplicationInput, input);
  return db.$transaction(async (tx) => {
    const application = await tx.resellerApplication.findUnique({ where: { id: applicationId } });
    if (!application) throw new AppError("NOT_FOUND");
    if (application.status !== "pending")
      throw new AppError("CONFLICT", `This application was already ${application.status}.`);
    const slug = application.desiredSlug;
    if (await tx.reseller.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError(
        "CONFLICT",
        `The storefront name "${slug}" has been taken since this application was made; decline it and ask the applicant to apply with another name.`,
      );
    }
    const host = `${slug}.${env().STOREFRONT_BASE_DOMAIN}`;
    const reseller = await tx.reseller.create({
      data: {
        slug,
        legalName: application.companyName,
        displayName: application.companyName.slice(0, 60),
        branding: { create: { supportEmail: application.contactEmail, supportPhone: application.contactPhone } },
        hostNames: {
          create: { host, kind: "platform", verificationToken: newVerificationToken(), verifiedAt: new Date() },
        },
      },
    });
    // The guarded update makes a concurrent second approval fail instead of creating a second reseller.
    await tx.resellerApplication.update({
      where: { id: applicationId, status: "pending" },
      data: { status: "approved", decidedAt: new Date(), decidedById: ctx.actorId, resellerId: reseller.id },
    });
    await recordAudit(tx, ctx, {
      action: "reseller_application.approve",
      entity: "resellerApplication",
      entityId: applicationId,
      resellerId: reseller.id,
      before: { status: "pending" },
      after: { status: "approved", resellerId: reseller.id },
    });
    await recordAudit(tx, ctx, {
      action: "reseller.create",
      entity: "reseller",
      entityId: reseller.id,
      resellerId: reseller.id,
      after: { slug, host, status: "active" },
    });
    await carryApplicantAcceptance(tx, ctx, application, reseller.id);
    // A new reseller starts on the registrar's standard tier so it can sell at once; a deployment
    // with no tier yet opens billing later, when the registrar assigns one.
    if (await tx.wholesaleTier.findFirst({ select: { id: true } })) {
      await openResellerBilling(tx, ctx, { resellerId: reseller.id });
    }
    const { invitation } = await createInvitation(
      ctx,
      { email: application.contactEmail, role: "owner", resellerId: reseller.id },
      { tx },
    );
    return { reseller, host, invitationId: invitation.id };
  });
}
