import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { purgeComplianceRecords } from "@/server/retention/purge-compliance-records";
import { createReseller } from "../../support/factories";

const NOW = new Date("2026-12-01T04:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function abuseReport(closedDaysAgo: number | null, domainId: string | null = null) {
  return db.abuseReport.create({
    data: {
      reference: `AB-${randomUUID().slice(0, 8)}`,
      source: "mail",
      category: "phishing",
      domainName: "shop.example",
      domainId,
      reporterEmail: "analyst@bank-security.example",
      description: "A copy of a bank's sign-in page.",
      status: closedDaysAgo === null ? "acknowledged" : "closed",
      receivedAt: ago((closedDaysAgo ?? 0) + 10),
      acknowledgeBy: ago((closedDaysAgo ?? 0) + 9),
      actionBy: ago((closedDaysAgo ?? 0) + 9),
      closedAt: closedDaysAgo === null ? null : ago(closedDaysAgo),
      evidence: { create: { kind: "text", content: "evidence", sha256: "0".repeat(64) } },
    },
  });
}

async function dataRequest(resellerId: string, over: Record<string, unknown>) {
  return db.dataRequest.create({
    data: {
      reference: `DR-${randomUUID().slice(0, 8)}`,
      kind: "access",
      resellerId,
      requesterEmail: "someone@example.test",
      status: "completed",
      receivedAt: ago(900),
      ...over,
    },
  });
}

describe("purging compliance records past their retention", () => {
  it("deletes abuse reports closed two years ago and answered or never-confirmed data requests, keeping the rest", async () => {
    const acme = await createReseller({ slug: "acme" });
    const domain = await db.domain.create({
      data: { resellerId: acme.id, name: "held.example", unicodeName: "held.example", tld: "example", state: "active" },
    });
    const oldClosed = await abuseReport(800);
    const recentClosed = await abuseReport(100);
    const oldOpen = await abuseReport(null);
    const oldClosedStillHeld = await abuseReport(800, domain.id);
    await db.abuseHold.create({
      data: {
        reportId: oldClosedStillHeld.id,
        domainId: domain.id,
        resellerId: acme.id,
        placedAt: ago(805),
        registryHadHold: false,
      },
    });

    const oldAnswered = await dataRequest(acme.id, { answeredAt: ago(800) });
    const oldRefused = await dataRequest(acme.id, { status: "refused", answeredAt: ago(731) });
    const recentAnswered = await dataRequest(acme.id, { answeredAt: ago(300) });
    const openOld = await dataRequest(acme.id, { status: "open", answeredAt: null });
    const neverConfirmed = await dataRequest(acme.id, { status: "awaiting_confirmation", confirmExpiresAt: ago(31) });
    const justExpired = await dataRequest(acme.id, { status: "awaiting_confirmation", confirmExpiresAt: ago(2) });

    expect(await purgeComplianceRecords(NOW)).toEqual({ abuseReports: 1, dataRequests: 2, unconfirmedRequests: 1 });
    const reports = await db.abuseReport.findMany({ select: { id: true } });
    expect(reports.map((r) => r.id).sort()).toEqual([recentClosed.id, oldOpen.id, oldClosedStillHeld.id].sort());
    expect(await db.abuseEvidence.count({ where: { reportId: oldClosed.id } })).toBe(0);
    const requests = await db.dataRequest.findMany({ select: { id: true } });
    expect(requests.map((r) => r.id).sort()).toEqual([recentAnswered.id, openOld.id, justExpired.id].sort());
    expect([oldAnswered.id, oldRefused.id, neverConfirmed.id].some((id) => requests.some((r) => r.id === id))).toBe(
      false,
    );
    // A second run finds nothing more.
    expect(await purgeComplianceRecords(NOW)).toEqual({ abuseReports: 0, dataRequests: 0, unconfirmedRequests: 0 });
  });
});
