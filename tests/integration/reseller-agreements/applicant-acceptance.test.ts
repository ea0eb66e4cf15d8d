/**
 * The agreement an applicant accepted on /apply binds the reseller the approval creates: its owner is
 * not asked again, and the record says which version, when, who and from which address.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { testRequest } from "@/server/action-client";
import { submitApplication } from "@/app/(console)/apply/actions";
import { approveResellerApplication } from "@/server/onboarding/approve-reseller-application";
import { agreementStanding } from "@/server/reseller-agreements/agreement-status";
import { createRegistrarStaff } from "../../support/factories";
import { applicationInput } from "../tenancy/fixtures";

const DAY = 86_400_000;

async function publish(version: string, publishedAt: Date) {
  return db.resellerAgreementVersion.create({
    data: {
      version,
      title: `Reseller agreement ${version}`,
      body: "1. The reseller sells under the registrar's accreditation.",
      publishedAt,
      acceptBy: new Date(publishedAt.getTime() + 14 * DAY),
      publishedById: "registrar-admin",
    },
  });
}

async function apply(version: string) {
  const sent = await submitApplication.run(
    testRequest({ clientAddress: "198.51.100.23" }),
    applicationInput({ agreementVersion: version }),
  );
  if (!sent.ok) throw new Error(sent.message);
  return sent.data.id;
}

describe("an approved applicant's agreement acceptance", () => {
  it("becomes the new reseller's acceptance of that version, with the time, the person and the address", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const version = await publish("2026-12", new Date(Date.now() - DAY));
    const applicationId = await apply("2026-12");
    const application = await db.resellerApplication.findUniqueOrThrow({ where: { id: applicationId } });

    const { reseller } = await approveResellerApplication(ctx, { applicationId });

    const standing = await agreementStanding(reseller.id);
    expect(standing).toEqual({
      state: "accepted",
      version: "2026-12",
      acceptedAt: application.acceptedAt,
      acceptedByEmail: "olivia@orbit.test",
    });
    const acceptance = await db.resellerAgreementAcceptance.findUniqueOrThrow({
      where: { resellerId_versionId: { resellerId: reseller.id, versionId: version.id } },
    });
    const origin = await db.applicantAgreementAcceptance.findUniqueOrThrow({ where: { applicationId } });
    expect(origin).toMatchObject({ clientAddress: "198.51.100.23", acceptanceId: acceptance.id });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "agreement.accept", resellerId: reseller.id },
    });
    expect(audit.after).toMatchObject({
      version: "2026-12",
      acceptedBy: "olivia@orbit.test",
      acceptedByName: "Olivia Orbit",
      clientAddress: "198.51.100.23",
      viaApplication: applicationId,
    });
  });

  it("carries only the version the applicant accepted: one published while the application waited is still asked of the owner", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const first = await publish("2026-12", new Date(Date.now() - 2 * DAY));
    const applicationId = await apply("2026-12");
    await publish("2027-01", new Date(Date.now() - DAY));

    const { reseller } = await approveResellerApplication(ctx, { applicationId });

    expect(await agreementStanding(reseller.id)).toMatchObject({ state: "due", version: "2027-01" });
    const kept = await db.resellerAgreementAcceptance.findMany({ where: { resellerId: reseller.id } });
    expect(kept.map((a) => a.versionId)).toEqual([first.id]);
  });
});
