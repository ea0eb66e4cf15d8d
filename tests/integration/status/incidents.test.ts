import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setPlatformClock } from "@/server/domains/lifecycle/clock";
import { openIncidentsForBanner } from "@/server/status/open-incidents";
import { cacheListenerReady, stopCacheListener } from "@/server/cache/listen";
import { getStatusOverview } from "@/server/status/status-overview";
import { runHealthChecks } from "@/server/status/health-job";
import {
  openIncidentAsRegistrar,
  postIncidentUpdateAsRegistrar,
  resolveIncidentAsRegistrar,
} from "@/app/(registrar)/registrar/incidents/actions";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

const DAY = 86_400_000;

afterEach(() => setPlatformClock(null));

async function mailsTo(kind: string) {
  const rows = await db.outboxMail.findMany({ where: { kind }, orderBy: { toAddress: "asc" } });
  return rows.map((m) => m.toAddress);
}

describe("incidents", () => {
  it("publishes an incident to each active reseller's owners, shows it in the console banner and on the status page, and resolves it", async () => {
    const admin = await createRegistrarStaff("registrar_admin", { name: "Ada Admin" });
    const acme = await createReseller({ slug: "acme" });
    const globex = await createReseller({ slug: "globex" });
    const dormant = await createReseller({ slug: "dormant", status: "suspended" });
    await createStaff(acme.id, "owner", { email: "owner@acme.test" });
    await createStaff(acme.id, "admin", { email: "admin@acme.test" });
    await createStaff(globex.id, "owner", { email: "owner@globex.test" });
    await createStaff(dormant.id, "owner", { email: "owner@dormant.test" });
    await runHealthChecks(new Date());

    expect(
      await openIncidentAsRegistrar.run(admin.ctx, {
        title: "Card payments failing",
        severity: "major",
        components: ["payments", "no-such-component"],
        body: "Some card payments are refused.",
      }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const opened = await openIncidentAsRegistrar.run(admin.ctx, {
      title: "Card payments failing",
      severity: "major",
      components: ["payments", "mail"],
      body: "Some card payments are refused at checkout.",
    });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.data.id;

    expect(await mailsTo("incident_published")).toEqual(["owner@acme.test", "owner@globex.test"]);
    const notice = await db.outboxMail.findFirstOrThrow({ where: { kind: "incident_published" } });
    expect(notice.subject).toBe("Service incident (major): Card payments failing");
    expect(notice.textBody).toContain("Affected: Payments; Email notifications");
    expect(notice.textBody).toContain("/status");
    expect(await db.auditEntry.count({ where: { action: "incident.open", entityId: id } })).toBe(1);

    expect(await openIncidentsForBanner()).toMatchObject([
      { id, title: "Card payments failing", severity: "major", state: "investigating" },
    ]);
    const during = await getStatusOverview();
    expect(during.components.find((c) => c.key === "payments")).toMatchObject({
      state: "degraded",
      detail: "Incident: Card payments failing",
    });
    expect(during.components.find((c) => c.key === "storefronts")?.state).toBe("operational");
    expect(during.open).toHaveLength(1);
    expect(during.open[0].components).toEqual(["Payments", "Email notifications"]);

    expect(
      (
        await postIncidentUpdateAsRegistrar.run(admin.ctx, {
          incidentId: id,
          state: "identified",
          body: "The payment provider's certificate expired; renewing it.",
        })
      ).ok,
    ).toBe(true);
    expect((await openIncidentsForBanner())[0].state).toBe("identified");
    // Updates are on the status page only: owners get the start and the end, not every step.
    expect(await db.outboxMail.count({ where: { kind: { startsWith: "incident_" } } })).toBe(2);

    expect((await resolveIncidentAsRegistrar.run(admin.ctx, { incidentId: id, body: "Payments work again." })).ok).toBe(
      true,
    );
    expect(await mailsTo("incident_resolved")).toEqual(["owner@acme.test", "owner@globex.test"]);
    expect(await openIncidentsForBanner()).toEqual([]);
    const after = await getStatusOverview();
    expect(after.open).toEqual([]);
    expect(after.components.find((c) => c.key === "payments")?.state).toBe("operational");
    expect(after.resolved).toHaveLength(1);
    expect(after.resolved[0].updates.map((u) => u.state)).toEqual(["resolved", "identified", "investigating"]);
    // The public view names no author.
    expect(JSON.stringify(after.resolved)).not.toContain("Ada Admin");
    const updates = await db.incidentUpdate.findMany({ where: { incidentId: id } });
    expect(new Set(updates.map((u) => u.authorName))).toEqual(new Set(["Ada Admin"]));
    expect(
      await db.auditEntry.count({ where: { entityId: id, action: { in: ["incident.update", "incident.resolve"] } } }),
    ).toBe(2);

    expect(
      await postIncidentUpdateAsRegistrar.run(admin.ctx, { incidentId: id, state: "monitoring", body: "Still fine." }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    setPlatformClock(() => new Date(Date.now() + 15 * DAY));
    expect((await getStatusOverview()).resolved).toEqual([]);
  });

  it("makes a component down while a critical incident names it, whatever its checks say", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    await runHealthChecks(new Date());
    const opened = await openIncidentAsRegistrar.run(admin.ctx, {
      title: "Storefronts unreachable",
      severity: "critical",
      components: ["storefronts"],
      body: "Storefront pages do not load.",
    });
    expect(opened.ok).toBe(true);
    const overview = await getStatusOverview();
    expect(overview.components.find((c) => c.key === "storefronts")?.state).toBe("down");
    expect(overview.overall).toBe("down");
  });

  it("drops a process's cached banner when an incident is published or resolved anywhere", async () => {
    // The console layout's read: cached while the listener is live, dropped by the trigger's NOTIFY.
    await cacheListenerReady();
    try {
      const admin = await createRegistrarStaff("registrar_admin");
      expect(await openIncidentsForBanner()).toEqual([]);
      const opened = await openIncidentAsRegistrar.run(admin.ctx, {
        title: "Consoles slow",
        severity: "minor",
        components: ["consoles"],
        body: "Console pages take long to load.",
      });
      if (!opened.ok) throw new Error(opened.message);
      expect(await openIncidentsForBanner()).toMatchObject([{ title: "Consoles slow" }]);
      // A second read is a cache hit; the incident row changing by hand is heard all the same.
      await db.$executeRaw`update "Incident" set title = 'Consoles slower' where id = ${opened.data.id}`;
      expect(await openIncidentsForBanner()).toMatchObject([{ title: "Consoles slower" }]);
      const resolved = await resolveIncidentAsRegistrar.run(admin.ctx, {
        incidentId: opened.data.id,
        body: "Console pages are fast again.",
      });
      expect(resolved.ok).toBe(true);
      expect(await openIncidentsForBanner()).toEqual([]);
    } finally {
      await stopCacheListener();
    }
  });
});
