import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { submitResellerApplication } from "@/server/tenancy/submit-reseller-application";
import { declineResellerApplication } from "@/server/tenancy/decline-reseller-application";
import { listResellerApplications } from "@/server/tenancy/list-reseller-applications";
import { createRegistrarStaff, createReseller } from "../../support/factories";
import { publishAgreement } from "@/server/reseller-agreements/publish-agreement";
import { applicationAgreement } from "@/server/reseller-agreements/application-agreement";
import { applicationInput } from "./fixtures";

describe("reseller applications", () => {
  it("stores a submitted application with the agreement version and mails the applicant a receipt", async () => {
    const app = await submitResellerApplication(systemContext(), applicationInput());
    expect(app).toMatchObject({
      status: "pending",
      desiredSlug: "orbit",
      country: "GB",
      expectedVolume: 250,
      agreementVersion: "2026-01",
    });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "olivia@orbit.test" } });
    expect(mail.kind).toBe("reseller_application.received");
    expect(await db.auditEntry.count({ where: { action: "reseller_application.submit" } })).toBe(1);
  });

  it("asks applicants to accept the version the registrar published last, and refuses the one it replaced", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    await publishAgreement(admin.ctx, {
      version: "2026-12",
      title: "Reseller agreement, December 2026",
      summary: "Privacy reveal requests",
      body: "1. Sponsoring registrar. The registrar sponsors every name.\n\n2. Reveal requests. You pass them on within a day.",
      acceptBy: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const shown = await applicationAgreement();
    expect(shown).toMatchObject({ version: "2026-12", title: "Reseller agreement, December 2026" });
    expect(shown.sections.map((s) => s.text)).toEqual([
      "1. Sponsoring registrar. The registrar sponsors every name.",
      "2. Reveal requests. You pass them on within a day.",
    ]);
    await expect(submitResellerApplication(systemContext(), applicationInput())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { agreementVersion: expect.stringMatching(/has changed/) },
    });
    const app = await submitResellerApplication(systemContext(), applicationInput({ agreementVersion: "2026-12" }));
    expect(app.agreementVersion).toBe("2026-12");
  });

  it("refuses an application without acceptance of the agreement, naming the field", async () => {
    await expect(
      submitResellerApplication(systemContext(), applicationInput({ acceptAgreement: undefined })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { acceptAgreement: expect.stringMatching(/accept the reseller agreement/) },
    });
  });

  it("refuses a storefront name already used by a reseller", async () => {
    await createReseller({ slug: "orbit" });
    await expect(submitResellerApplication(systemContext(), applicationInput())).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { desiredSlug: expect.any(String) },
    });
  });

  it("declines with a reason that is mailed to the applicant", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const app = await submitResellerApplication(systemContext(), applicationInput());
    const declined = await declineResellerApplication(ctx, {
      applicationId: app.id,
      reason: "We could not verify the company registration.",
    });
    expect(declined).toMatchObject({ status: "declined", decidedById: ctx.actorId });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "reseller_application.declined" } });
    expect(mail.textBody).toContain("We could not verify the company registration.");
    await expect(
      declineResellerApplication(ctx, { applicationId: app.id, reason: "A second decision is refused." }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("does not let an auditor decline an application", async () => {
    const { ctx } = await createRegistrarStaff("registrar_auditor");
    const app = await submitResellerApplication(systemContext(), applicationInput());
    await expect(
      declineResellerApplication(ctx, { applicationId: app.id, reason: "Auditors cannot decide." }),
    ).rejects.toMatchObject({ code: "READ_ONLY" });
    expect((await db.resellerApplication.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("pending");
  });

  it("lists pending applications first, oldest first, then decided ones", async () => {
    const { ctx } = await createRegistrarStaff("registrar_admin");
    const first = await submitResellerApplication(systemContext(), applicationInput({ desiredSlug: "first" }));
    const second = await submitResellerApplication(systemContext(), applicationInput({ desiredSlug: "second" }));
    const third = await submitResellerApplication(systemContext(), applicationInput({ desiredSlug: "third" }));
    await declineResellerApplication(ctx, { applicationId: first.id, reason: "Declined for the ordering test." });
    const page1 = await listResellerApplications(ctx, { pageSize: 2 });
    expect(page1.items.map((a) => a.id)).toEqual([second.id, third.id]);
    expect(page1).toMatchObject({ total: 3, pageCount: 2 });
    const page2 = await listResellerApplications(ctx, { pageSize: 2, page: 2 });
    expect(page2.items.map((a) => a.id)).toEqual([first.id]);
  });
});
