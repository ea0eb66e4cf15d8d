/** A company asks to become a reseller (public). The applicant gets a receipt by mail. */
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { applicationInput, type ApplicationInput } from "./application-input";
import { parseInput } from "@/server/parse-input";
import { applicationAgreement } from "@/server/reseller-agreements/application-agreement";
import { isSlugTaken } from "./slug-available";

/** `origin.clientAddress`: where the form came from, kept with the agreement acceptance (decision 127). */
export async function submitResellerApplication(
  ctx: ActorContext,
  input: ApplicationInput,
  origin: { clientAddress: string } = { clientAddress: "" },
) {
  const data = parseInput(applicationInput, input);
  // The page showed one version; the registrar may have published another since.
  if (data.agreementVersion !== (await applicationAgreement()).version) {
    throw new AppError("INVALID_INPUT", "The reseller agreement has changed.", {
      fields: {
        agreementVersion: "The reseller agreement has changed; please read the current version and accept it again.",
      },
    });
  }
  return db.$transaction(async (tx) => {
    if (await isSlugTaken(tx, data.desiredSlug)) {
      throw new AppError("CONFLICT", "That storefront name is already taken.", {
        fields: { desiredSlug: "That name is already taken; please choose another." },
      });
    }
    const { acceptAgreement: _accepted, ...fields } = data;
    const application = await tx.resellerApplication.create({ data: { ...fields, acceptedAt: new Date() } });
    await tx.applicantAgreementAcceptance.create({
      data: { applicationId: application.id, clientAddress: origin.clientAddress },
    });
    await recordAudit(tx, ctx, {
      action: "reseller_application.submit",
      entity: "resellerApplication",
      entityId: application.id,
      resellerId: null,
      after: {
        companyName: data.companyName,
        desiredSlug: data.desiredSlug,
        contactEmail: data.contactEmail,
        agreementVersion: data.agreementVersion,
      },
    });
    await queueMail(tx, {
      to: data.contactEmail,
      subject: "We received your reseller application",
      text: `Hello ${data.contactName},\n\nThank you for applying to become a reseller as ${data.companyName}. We review applications within two business days and will write to you at this address.\n\nYou accepted reseller agreement version ${data.agreementVersion}.`,
      kind: "reseller_application.received",
    });
    return application;
  });
}
