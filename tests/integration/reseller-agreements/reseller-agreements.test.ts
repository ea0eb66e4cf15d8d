import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { setPlatformClock } from "@/server/domains/lifecycle/clock";
import { agreementStanding } from "@/server/reseller-agreements/agreement-status";
import { acceptResellerAgreement } from "@/app/(console)/console/agreement/actions";
import { publishResellerAgreement } from "@/app/(registrar)/registrar/agreements/actions";
import { withdrawInvitation } from "@/app/(console)/console/staff/actions";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

// The staff action re-renders its page after a change; outside Next there is no page to re-render.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const DAY = 86_400_000;
const BODY = "1. The reseller sells registrations under the registrar's accreditation and follows RAA 3.12.";

afterEach(() => setPlatformClock(null));

function inDays(n: number): string {
  return new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
}

async function invitation(resellerId: string) {
  return db.invitation.create({
    data: {
      email: `x-${randomUUID().slice(0, 6)}@example.test`,
      resellerId,
      role: "support",
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 7 * DAY),
    },
  });
}

describe("reseller agreements", () => {
  it("publishes a version, tells owners, records an owner's acceptance with who and when, and makes an unaccepted console read-only after the due date", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const acme = await createReseller({ slug: "acme" });
    const globex = await createReseller({ slug: "globex" });
    const acmeOwner = await createStaff(acme.id, "owner", { email: "owner@acme.test" });
    const acmeAdmin = await createStaff(acme.id, "admin");
    const globexOwner = await createStaff(globex.id, "owner", { email: "owner@globex.test" });

    const published = await publishResellerAgreement.run(admin.ctx, {
      version: "2026-12",
      title: "Abuse handling and privacy services",
      summary: "New section on DNS abuse.",
      body: BODY,
      acceptBy: inDays(14),
    });
    expect(published.ok).toBe(true);
    const version = await db.resellerAgreementVersion.findUniqueOrThrow({ where: { version: "2026-12" } });
    const mails = await db.outboxMail.findMany({
      where: { kind: "agreement_published" },
      orderBy: { toAddress: "asc" },
    });
    expect(mails.map((m) => m.toAddress)).toEqual(["owner@acme.test", "owner@globex.test"]);
    expect(await db.auditEntry.count({ where: { action: "agreement.publish", entityId: version.id } })).toBe(1);
    expect(
      (
        await publishResellerAgreement.run(admin.ctx, {
          version: "2026-12",
          title: "Again",
          body: BODY,
          acceptBy: inDays(3),
        })
      ).ok,
    ).toBe(false);

    expect((await agreementStanding(acme.id)).state).toBe("due");
    // Before the due date the console still works.
    expect((await withdrawInvitation.run(acmeOwner.ctx, { invitationId: (await invitation(acme.id)).id })).ok).toBe(
      true,
    );

    // Admins cannot bind the company; owners can.
    expect(await acceptResellerAgreement.run(acmeAdmin.ctx, { versionId: version.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await acceptResellerAgreement.run(acmeOwner.ctx, { versionId: version.id })).ok).toBe(true);
    const acceptance = await db.resellerAgreementAcceptance.findFirstOrThrow({ where: { resellerId: acme.id } });
    expect([acceptance.versionId, acceptance.acceptedById, acceptance.acceptedByEmail]).toEqual([
      version.id,
      acmeOwner.user.id,
      "owner@acme.test",
    ]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "agreement.accept", resellerId: acme.id } });
    expect(audit.actorId).toBe(acmeOwner.user.id);
    expect(audit.after).toMatchObject({ version: "2026-12", acceptedBy: "owner@acme.test" });

    setPlatformClock(() => new Date(Date.now() + 15 * DAY));
    expect((await agreementStanding(globex.id)).state).toBe("overdue");
    const pending = await invitation(globex.id);
    expect(await withdrawInvitation.run(globexOwner.ctx, { invitationId: pending.id })).toMatchObject({
      ok: false,
      code: "READ_ONLY",
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: pending.id } })).revokedAt).toBeNull();
    // The reseller that accepted keeps working.
    expect((await withdrawInvitation.run(acmeOwner.ctx, { invitationId: (await invitation(acme.id)).id })).ok).toBe(
      true,
    );

    expect((await acceptResellerAgreement.run(globexOwner.ctx, { versionId: version.id })).ok).toBe(true);
    expect((await withdrawInvitation.run(globexOwner.ctx, { invitationId: pending.id })).ok).toBe(true);
  });

  it("refuses accepting a version that is no longer in force", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const acme = await createReseller({ slug: "acme" });
    const owner = await createStaff(acme.id, "owner");
    await publishResellerAgreement.run(admin.ctx, { version: "v1", title: "First", body: BODY, acceptBy: inDays(5) });
    await publishResellerAgreement.run(admin.ctx, { version: "v2", title: "Second", body: BODY, acceptBy: inDays(9) });
    const v1 = await db.resellerAgreementVersion.findUniqueOrThrow({ where: { version: "v1" } });
    expect(await acceptResellerAgreement.run(owner.ctx, { versionId: v1.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await agreementStanding(acme.id)).toMatchObject({ state: "due", version: "v2" });
  });
});
