/**
 * The demo seed into a fresh database and a fresh mock registry state: each demo registrant's names
 * are registered through the order engine, active at the registry with the expiry our rows show,
 * two of them expiring within 30 days and one in redemption; launch phases stay today's, and a
 * second run adds nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { MockRegistry } from "@/mock-registry";
import { createRegistryPort, type RegistryPort } from "@/server/registry";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { runSeed } from "../../../prisma/seed";
import { DEMO_PORTFOLIOS } from "../../../prisma/seed/domains-data";

const DAY = 86_400_000;
let dir: string;
let logged: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "demo-registry-"));
  logged = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seedOnce(): Promise<number> {
  const started = performance.now();
  await runSeed(process.env.DATABASE_URL as string, { registryDataDir: dir, log: (l) => logged.push(l) });
  return performance.now() - started;
}

/** The registry as its server would load it after the seed, asked as our registrar. */
function openRegistry(): { registry: MockRegistry; port: RegistryPort } {
  const registry = new MockRegistry({ dataDir: dir });
  const port = createRegistryPort({
    adapter: "inprocess",
    registry,
    clientId: "platform",
    password: "platform-dev-pass",
  });
  return { registry, port };
}

describe("demo seed", () => {
  it("registers each demo registrant's names at the mock registry through the engine, some expiring soon and one in redemption", async () => {
    const first = await seedOnce();
    expect(logged.join("\n")).toMatch(/demo names: 10 registered/);
    const { registry, port } = openRegistry();
    try {
      const now = Date.now();
      expect(Math.abs(registry.now() - now)).toBeLessThan(60_000);
      // A registry begun today has these phases; the seed's registry must not have moved them.
      const fresh = new MockRegistry({ dataDir: null });
      for (const tld of ["bloom", "forge", "vista", "nova"]) {
        const policy = registry.policyFor(tld);
        if (!policy) throw new Error(`no policy for ${tld}`);
        expect(registry.phaseOf(policy).phase).toBe(fresh.phaseOf(policy).phase);
      }
      fresh.close();

      for (const p of DEMO_PORTFOLIOS) {
        const registrant = await db.registrant.findFirstOrThrow({ where: { email: p.registrantEmail } });
        const domains = await db.domain.findMany({ where: { registrantId: registrant.id }, orderBy: { name: "asc" } });
        expect(domains.map((d) => d.name)).toEqual(p.names.map((n) => n.name).sort());
        let expiringSoon = 0;
        for (const n of p.names) {
          const row = domains.find((d) => d.name === n.name);
          if (!row?.expiresAt) throw new Error(`${n.name}: no row or no expiry`);
          const order = await db.order.findFirstOrThrow({
            where: { registrantId: registrant.id, items: { some: { subject: n.name } } },
            include: { items: true },
          });
          expect(order.channel).toBe("storefront");
          expect(order.items.every((i) => i.state === "completed")).toBe(true);
          const info = (await port.infoDomain({ name: n.name })).data;
          expect(info.sponsor).toBe("platform");
          if (n.lapses) {
            expect(row.state).toBe("redemption");
            expect(info.rgpStatuses).toContain("redemptionPeriod");
            const lifecycle = await db.domainLifecycle.findUniqueOrThrow({ where: { domainId: row.id } });
            expect(lifecycle.redemptionEndsAt?.getTime()).toBeGreaterThan(now);
            continue;
          }
          expect(row.state).toBe("active");
          expect(row.autoRenew).toBe(!n.autoRenewOff);
          expect(info.expiresAt).toBe(row.expiresAt.toISOString());
          expect(info.createdAt).toBe(row.registeredAt?.toISOString());
          // Bought that many days ago for that many years: the registry's expiry, within a day of the calendar.
          const expected = now - n.boughtDaysAgo * DAY + n.years * 365 * DAY;
          expect(Math.abs(row.expiresAt.getTime() - expected)).toBeLessThan(2 * DAY);
          if (row.expiresAt.getTime() - now < 30 * DAY) expiringSoon++;
        }
        expect(expiringSoon).toBe(2);
      }
      expect((await verifyLedger(db)).ok).toBe(true);
    } finally {
      await port.close();
      registry.close();
    }

    const counts = async () => ({
      orders: await db.order.count(),
      domains: await db.domain.count(),
      operations: await db.domainOperation.count(),
      contacts: await db.contact.count(),
      mail: await db.outboxMail.count(),
    });
    const before = await counts();
    const second = await seedOnce();
    expect(await counts()).toEqual(before);
    console.log(`demo seed: first run ${Math.round(first)} ms, second run ${Math.round(second)} ms`);
  }, 180_000);

  it("leaves the names out, saying why, when the mock registry already has state", async () => {
    new MockRegistry({ dataDir: dir }).close();
    await seedOnce();
    expect(logged.join("\n")).toMatch(/demo names: left out, because the mock registry .* already has state/);
    expect(await db.order.count()).toBe(0);
    expect(await db.registrant.count()).toBe(2);
  }, 120_000);
});
