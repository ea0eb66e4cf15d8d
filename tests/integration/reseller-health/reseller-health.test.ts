import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { submitPublicAbuseReport } from "@/server/abuse/submit-public-report";
import { platformNow, setPlatformClock } from "@/server/domains/lifecycle/clock";
import { getResellerHealth } from "@/server/reseller-health/reseller-health";
import { actOnAbuseReportAsRegistrar } from "@/app/(registrar)/registrar/abuse/actions";
import {
  createLifecycleWorld,
  createManagedDomain,
  createRegistrant,
  createRegistrarStaff,
  createReseller,
  createStaff,
  ensureRegistrar,
  type LifecycleWorld,
} from "../../support/factories";

let world: LifecycleWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function report(domainName: string, viaResellerId: string) {
  return submitPublicAbuseReport(
    { clientAddress: "198.51.100.9", viaResellerId },
    {
      domain: domainName,
      category: "phishing",
      description: "A copy of a bank's sign-in page.",
      evidenceUrls: "",
      reporterName: "",
      reporterEmail: "analyst@bank-security.example",
      fromAuthority: false,
    },
  );
}

describe("reseller health", () => {
  it("shows a reseller's activity, money, open abuse and flags, and lets a registrar admin act on a report from it", async () => {
    await ensureRegistrar();
    world = await createLifecycleWorld({ balance: 50_000 });
    const resellerId = world.reseller.id;
    await createStaff(resellerId, "owner");
    const { registrant } = await createRegistrant(resellerId);
    const domain = await createManagedDomain(world, { resellerId, registrantId: registrant.id });
    await createManagedDomain(world, { resellerId, registrantId: registrant.id });
    // A contact past its 15-day WAPS deadline.
    await db.contact.create({
      data: {
        resellerId,
        registrantId: registrant.id,
        name: "Late Verifier",
        email: "late@example.test",
        phone: "+44.2071234567",
        street1: "1 High Street",
        city: "London",
        postalCode: "SW1A 1AA",
        countryCode: "GB",
        verificationDeadline: new Date(platformNow().getTime() - 86_400_000),
      },
    });
    // Another reseller's figures stay out of this one's page.
    const other = await createReseller({ slug: "other" });
    const otherDomain = await createManagedDomain(world, { resellerId: other.id });
    await report(otherDomain.name, other.id);

    const { reference } = await report(domain.name, resellerId);
    const admin = await createRegistrarStaff("registrar_admin");

    const health = await getResellerHealth(admin.ctx, resellerId);
    expect(health.activity).toMatchObject({ names: 2, registered30: 2, transfersOut90: 0 });
    expect(health.money.balance.available).toBe(50_000);
    expect(health.money.statement.length).toBeGreaterThan(0);
    expect(health.abuse.open.map((r) => [r.reference, r.holdOpen])).toEqual([[reference, false]]);
    expect(health.abuse).toMatchObject({ reports90: 1, per10k: 5000 });
    expect(health.suspensions).toMatchObject({ unverified: 1, abuseHolds: 0 });
    expect(health.flags.map((f) => f.key).sort()).toEqual(["abuse_rate", "unverified_contacts"]);

    const reportId = health.abuse.open[0].id;
    expect((await actOnAbuseReportAsRegistrar.run(admin.ctx, { reportId, action: "client_hold", note: "" })).ok).toBe(
      true,
    );
    const after = await getResellerHealth(admin.ctx, resellerId);
    expect(after.abuse.open[0]).toMatchObject({ reference, status: "actioned", holdOpen: true });
    expect(after.suspensions.abuseHolds).toBe(1);
    expect(world.registry.store.domains.get(domain.name)?.statuses).toContain("clientHold");

    // Two days on, a report nobody reviewed is past its 24-hour timer.
    const late = await report(`www.${domain.name}`, resellerId);
    const then = new Date(platformNow().getTime() + 2 * 86_400_000);
    setPlatformClock(() => then);
    const overdue = await getResellerHealth(admin.ctx, resellerId);
    expect(overdue.abuse.open.map((r) => r.reference)).toContain(late.reference);
    expect(overdue.flags.map((f) => f.key)).toContain("abuse_overdue");
  });

  it("is for registrar staff only", async () => {
    const acme = await createReseller({ slug: "acme" });
    const owner = await createStaff(acme.id, "owner");
    await expect(getResellerHealth(owner.ctx, acme.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const auditor = await createRegistrarStaff("registrar_auditor");
    expect((await getResellerHealth(auditor.ctx, acme.id)).reseller.id).toBe(acme.id);
  });
});
