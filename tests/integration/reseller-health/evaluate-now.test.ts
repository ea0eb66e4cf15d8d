import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addDays, platformNow } from "@/server/domains/lifecycle/clock";
import { listResellerFindings } from "@/server/reseller-health/findings";
import { evaluateHealthNowAsRegistrar, setHealthThreshold } from "@/app/(registrar)/registrar/health/actions";
import type { ActionResult } from "@/server/action-client";
import { createRegistrarStaff, createReseller, ensureRegistrar } from "../../support/factories";

const codeOf = (r: ActionResult<unknown>) => (r.ok ? "ok" : r.code);

async function lateContact(resellerId: string) {
  await db.contact.create({
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

const openMetrics = async (auditorCtx: Parameters<typeof listResellerFindings>[0], resellerId: string) =>
  (await listResellerFindings(auditorCtx, resellerId)).filter((f) => f.closedAt === null).map((f) => f.metric);

describe("evaluate now", () => {
  it("records findings against a changed threshold at once, for one reseller or all, and is refused to auditors", async () => {
    await ensureRegistrar();
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });
    const gone = await createReseller({ slug: "gone", status: "closed" });
    await lateContact(acme.id);
    await lateContact(acme.id);
    await lateContact(nimbus.id);

    expect(codeOf(await evaluateHealthNowAsRegistrar.run(auditor.ctx, {}))).toBe("READ_ONLY");
    expect(codeOf(await evaluateHealthNowAsRegistrar.run(auditor.ctx, { resellerId: acme.id }))).toBe("READ_ONLY");
    expect(await db.healthFinding.count()).toBe(0);

    // Every reseller at once, with the registrar-wide threshold of 0 unverified contacts.
    const all = await evaluateHealthNowAsRegistrar.run(admin.ctx, { resellerId: "" });
    expect(all).toMatchObject({ ok: true, data: { resellers: 2, opened: 2 } });
    expect(await openMetrics(auditor.ctx, acme.id)).toEqual(["unverified_contacts"]);
    expect(await openMetrics(auditor.ctx, nimbus.id)).toEqual(["unverified_contacts"]);

    // The registrar tolerates one late contact now: Acme (two) stays flagged, Nimbus (one) is within it,
    // but only the reseller evaluated now has its finding closed before the night.
    expect((await setHealthThreshold.run(admin.ctx, { metric: "unverified_contacts", limit: "1" })).ok).toBe(true);
    expect(await evaluateHealthNowAsRegistrar.run(admin.ctx, { resellerId: nimbus.id })).toMatchObject({
      ok: true,
      data: { resellers: 1, closed: 1, opened: 0 },
    });
    expect(await openMetrics(auditor.ctx, nimbus.id)).toEqual([]);
    const acmeFinding = await db.healthFinding.findFirstOrThrow({ where: { resellerId: acme.id } });
    expect(acmeFinding).toMatchObject({ closedAt: null, limit: 0 });

    expect(await evaluateHealthNowAsRegistrar.run(admin.ctx, { resellerId: acme.id })).toMatchObject({
      ok: true,
      data: { updated: 1, closed: 0 },
    });
    expect(await db.healthFinding.findUniqueOrThrow({ where: { id: acmeFinding.id } })).toMatchObject({
      closedAt: null,
      limit: 1,
      lastValue: 2,
    });

    expect(codeOf(await evaluateHealthNowAsRegistrar.run(admin.ctx, { resellerId: gone.id }))).toBe("CONFLICT");
    expect(
      codeOf(await evaluateHealthNowAsRegistrar.run(admin.ctx, { resellerId: "7d1e3c52-2a7b-4b8e-9f0e-3c2b1a0d9e8f" })),
    ).toBe("NOT_FOUND");

    const asked = await db.auditEntry.findMany({
      where: { action: "health_finding.evaluate_now" },
      select: { actorId: true, entityId: true },
    });
    expect(asked).toHaveLength(3);
    expect(new Set(asked.map((a) => a.actorId))).toEqual(new Set([admin.user.id]));
    expect(asked.map((a) => a.entityId).sort()).toEqual([null, acme.id, nimbus.id].sort());
  }, 60_000);
});
