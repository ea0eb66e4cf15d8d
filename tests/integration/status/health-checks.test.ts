import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setPlatformClock } from "@/server/domains/lifecycle/clock";
import { runHealthChecks } from "@/server/status/health-job";
import { getStatusOverview } from "@/server/status/status-overview";
import { createDomainCatalog, startInProcessRegistry, type TestRegistry } from "../../support/factories";

const MINUTE = 60_000;
let registry: TestRegistry;

beforeEach(async () => {
  await createDomainCatalog(["com", "net", "org"]);
  registry = startInProcessRegistry();
});
afterEach(async () => {
  setPlatformClock(null);
  await registry.close();
});
afterAll(() => setPlatformClock(null));

function byComponent(results: { component: string; state: string; detail: string }[]) {
  return Object.fromEntries(results.map((r) => [r.component, r.state]));
}

describe("health checks", () => {
  it("records one sample per component: database, each registry connection, payments and mail", async () => {
    const now = new Date();
    const results = await runHealthChecks(now);
    expect(byComponent(results)).toEqual({
      storefronts: "operational",
      consoles: "operational",
      "registry:verisign-sim": "operational",
      "registry:pir-sim": "operational",
      payments: "operational",
      mail: "operational",
    });
    expect(results.find((r) => r.component === "payments")?.detail).toMatch(/test mode.*no card is charged/i);
    expect(await db.componentHealthSample.count({ where: { checkedAt: now } })).toBe(6);

    const overview = await getStatusOverview(now);
    expect(overview.overall).toBe("operational");
    expect(overview.components.map((c) => c.label)).toEqual([
      "Storefronts",
      "Reseller and registrar consoles",
      "Payments",
      "Email notifications",
      "Registry connection: .com, .net",
      "Registry connection: .org",
    ]);
  });

  it("reports a registry that fails its check as down, in public words, while the others stay up", async () => {
    registry.admin.setFaults("org", { commandFailed: 1 });
    const now = new Date();
    const results = await runHealthChecks(now);
    expect(byComponent(results)["registry:pir-sim"]).toBe("down");
    expect(byComponent(results)["registry:verisign-sim"]).toBe("operational");

    const overview = await getStatusOverview(now);
    expect(overview.overall).toBe("down");
    const org = overview.components.find((c) => c.key === "registry:pir-sim");
    expect(org).toMatchObject({ state: "down", label: "Registry connection: .org" });
    // Nothing internal reaches the public page: no EPP codes, operator codes, settings or errors.
    const shown = JSON.stringify(overview.components.map((c) => [c.label, c.detail]));
    expect(shown).not.toMatch(/2400|-sim|REGISTRY_|Error|stack|127\.0\.0\.1/);
  });

  it("reports mail as delayed, then down, by the age of the oldest unsent mail", async () => {
    const now = new Date();
    const mail = await db.outboxMail.create({
      data: {
        toAddress: "someone@example.test",
        fromAddress: "platform@example.test",
        subject: "Waiting",
        textBody: "x",
        kind: "test",
        createdAt: new Date(now.getTime() - 30 * MINUTE),
      },
    });
    expect((await runHealthChecks(now)).find((r) => r.component === "mail")).toMatchObject({
      state: "degraded",
      detail: "Emails are delayed by about 30 minutes.",
    });
    await db.outboxMail.update({ where: { id: mail.id }, data: { createdAt: new Date(now.getTime() - 90 * MINUTE) } });
    expect(byComponent(await runHealthChecks(now)).mail).toBe("down");
    await db.outboxMail.update({ where: { id: mail.id }, data: { sentAt: now } });
    expect(byComponent(await runHealthChecks(now)).mail).toBe("operational");
  });

  it("shows a component as not checked once its newest sample is stale, and drops samples past 14 days", async () => {
    const then = new Date(Date.now() - 15 * 86_400_000);
    await runHealthChecks(then);
    const now = new Date();
    expect((await getStatusOverview(now)).components.every((c) => c.state === "unknown")).toBe(true);
    await runHealthChecks(now);
    expect(await db.componentHealthSample.count({ where: { checkedAt: then } })).toBe(0);
    expect((await getStatusOverview(new Date(now.getTime() + 5 * MINUTE))).overall).toBe("operational");
    expect((await getStatusOverview(new Date(now.getTime() + 20 * MINUTE))).overall).toBe("unknown");
  });
});
