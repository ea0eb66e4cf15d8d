import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addDays, platformNow, setPlatformClock } from "@/server/domains/lifecycle/clock";
import { getResellerHealth } from "@/server/reseller-health/reseller-health";
import { evaluateAllResellers } from "@/server/reseller-health/record-findings";
import { listOpenFindings, listResellerFindings } from "@/server/reseller-health/findings";
import { listThresholds } from "@/server/reseller-health/threshold-settings";
import {
  acknowledgeHealthFinding,
  clearHealthThresholdOverride,
  setHealthThreshold,
} from "@/app/(registrar)/registrar/health/actions";
import type { ActionResult } from "@/server/action-client";
import { createRegistrarStaff, createReseller, createStaff, ensureRegistrar } from "../../support/factories";

async function lateContact(resellerId: string) {
  return db.contact.create({
    data: {
      resellerId,
      name: "Late Verifier",
      email: `late-${Math.random().toString(36).slice(2)}@example.test`,
      phone: "+44.2071234567",
      street1: "1 High Street",
      city: "London",
      postalCode: "SW1A 1AA",
      countryCode: "GB",
      verificationDeadline: addDays(platformNow(), -1),
    },
  });
}

const codeOf = (r: ActionResult<unknown>) => (r.ok ? "ok" : r.code);

beforeEach(() => setPlatformClock(null));

describe("health thresholds and findings", () => {
  it("opens a finding once when a figure crosses its threshold, lets an admin acknowledge it, and closes it when the figure is back", async () => {
    await ensureRegistrar();
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });

    // Nobody has edited anything: the registrar-wide values are the fixed ones decision 107 shipped.
    const seeded = await listThresholds(auditor.ctx);
    expect(Object.fromEntries(seeded.platform.map((t) => [t.metric, t.limit]))).toMatchObject({
      abuse_rate: 10,
      unverified_contacts: 0,
      parked_items: 0,
      failure_rate: 10,
      renewal_rate: null,
    });

    await lateContact(acme.id);
    expect((await getResellerHealth(auditor.ctx, acme.id)).flags.map((f) => f.key)).toEqual(["unverified_contacts"]);
    // Looking at the page records nothing; the evaluation does, once, however often it runs.
    expect(await db.healthFinding.count()).toBe(0);
    expect(await evaluateAllResellers()).toMatchObject({ opened: 1, closed: 0 });
    expect(await evaluateAllResellers()).toMatchObject({ opened: 0, updated: 1 });
    await lateContact(acme.id);
    await evaluateAllResellers();
    const open = await listOpenFindings(auditor.ctx);
    expect(open.map((f) => [f.resellerId, f.metric, f.lastValue])).toEqual([[acme.id, "unverified_contacts", 2]]);
    expect(open[0].words).toBe("Contacts past their WAPS verification deadline: 2, above the threshold of 0.");
    expect(await listResellerFindings(auditor.ctx, nimbus.id)).toEqual([]);

    const findingId = open[0].id;
    expect(codeOf(await acknowledgeHealthFinding.run(auditor.ctx, { findingId, note: "Looked at it." }))).toBe(
      "READ_ONLY",
    );
    expect(codeOf(await acknowledgeHealthFinding.run(admin.ctx, { findingId, note: "" }))).toBe("INVALID_INPUT");
    const ack = await acknowledgeHealthFinding.run(admin.ctx, {
      findingId,
      note: "Asked Acme to chase its customers' verification.",
    });
    expect(ack.ok).toBe(true);
    expect(codeOf(await acknowledgeHealthFinding.run(admin.ctx, { findingId, note: "Again." }))).toBe("CONFLICT");
    const [acked] = (await listOpenFindings(auditor.ctx)).filter((f) => f.resellerId === acme.id);
    expect(acked).toMatchObject({
      acknowledgeNote: "Asked Acme to chase its customers' verification.",
      acknowledgedByEmail: admin.user.email,
      closedAt: null,
    });

    // The customers verify; the next day's evaluation closes Acme's finding by itself.
    await db.contact.updateMany({ where: { resellerId: acme.id }, data: { verifiedAt: platformNow() } });
    const later = addDays(platformNow(), 1);
    setPlatformClock(() => later);
    expect(await evaluateAllResellers()).toMatchObject({ closed: 1 });
    const [closed] = await listResellerFindings(auditor.ctx, acme.id);
    expect(closed).toMatchObject({ id: findingId, closedValue: 0 });
    expect(closed.closedAt?.getTime()).toBe(later.getTime());
    expect(await listOpenFindings(auditor.ctx)).toEqual([]);
    expect(
      codeOf(await acknowledgeHealthFinding.run(admin.ctx, { findingId, note: "Too late." })),
      "a closed finding cannot be acknowledged",
    ).toBe("CONFLICT");
    // A figure crossing again opens a new finding rather than reviving the closed one.
    await lateContact(acme.id);
    await evaluateAllResellers();
    expect((await listResellerFindings(auditor.ctx, acme.id)).map((f) => f.closedAt === null)).toEqual([true, false]);

    expect(
      (await db.auditEntry.findMany({ where: { action: { startsWith: "health_" } }, select: { action: true } }))
        .map((a) => a.action)
        .sort(),
    ).toEqual(["health_finding.acknowledge", "health_finding.close", "health_finding.open", "health_finding.open"]);
    // The file's first test also pays for warming the client's query plans: generous under a loaded CI.
  }, 60_000);

  it("lets an admin override a threshold for one reseller only, audited, and remove the override again", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });
    const owner = await createStaff(acme.id, "owner");
    await lateContact(acme.id);
    expect(codeOf(await setHealthThreshold.run(auditor.ctx, { metric: "unverified_contacts", limit: "5" }))).toBe(
      "READ_ONLY",
    );
    expect(codeOf(await setHealthThreshold.run(owner.ctx, { metric: "unverified_contacts", limit: "5" }))).toBe(
      "FORBIDDEN",
    );
    const override = await setHealthThreshold.run(admin.ctx, {
      metric: "unverified_contacts",
      resellerId: acme.id,
      limit: "5",
    });
    expect(override.ok).toBe(true);
    expect((await getResellerHealth(admin.ctx, acme.id)).flags).toEqual([]);
    await lateContact(nimbus.id);
    expect((await getResellerHealth(admin.ctx, nimbus.id)).flags.map((f) => f.key)).toEqual(["unverified_contacts"]);
    expect((await listThresholds(auditor.ctx)).overrides).toMatchObject([
      { resellerId: acme.id, metric: "unverified_contacts", limit: 5 },
    ]);
    expect(
      (await clearHealthThresholdOverride.run(admin.ctx, { metric: "unverified_contacts", resellerId: acme.id })).ok,
    ).toBe(true);
    expect((await getResellerHealth(admin.ctx, acme.id)).flags.map((f) => f.key)).toEqual(["unverified_contacts"]);

    expect(
      (await db.auditEntry.findMany({ where: { action: { startsWith: "health_" } }, select: { action: true } }))
        .map((a) => a.action)
        .sort(),
    ).toEqual(["health_threshold.clear_override", "health_threshold.override"]);
  });

  it("watches a figure that had no fixed threshold once the registrar sets one, and stops when it is emptied", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const acme = await createReseller({ slug: "acme" });
    await db.abuseReport.createMany({
      data: [1, 2, 3].map((i) => ({
        reference: `AB-T${i}`,
        source: "mail" as const,
        category: "spam" as const,
        domainName: `spam-${i}.example`,
        resellerId: acme.id,
        reporterEmail: "reporter@example.test",
        description: "Spam.",
        receivedAt: addDays(platformNow(), -i),
        acknowledgeBy: addDays(platformNow(), 10),
        actionBy: addDays(platformNow(), 10),
      })),
    });
    // abuse_rate needs names to divide by; with none, only the raw count can speak.
    expect((await getResellerHealth(admin.ctx, acme.id)).flags).toEqual([]);
    expect((await setHealthThreshold.run(admin.ctx, { metric: "complaints", limit: "2" })).ok).toBe(true);
    expect((await getResellerHealth(admin.ctx, acme.id)).flags).toEqual([
      { key: "complaints", words: "Abuse reports received (30 days): 3, above the threshold of 2." },
    ]);
    expect(codeOf(await setHealthThreshold.run(admin.ctx, { metric: "complaints", limit: "2,5" }))).toBe(
      "INVALID_INPUT",
    );
    expect((await setHealthThreshold.run(admin.ctx, { metric: "complaints", limit: "" })).ok).toBe(true);
    expect((await getResellerHealth(admin.ctx, acme.id)).flags).toEqual([]);
  });
});
