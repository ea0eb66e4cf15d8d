/**
 * The Domain row a registration writes (decision 111): a name we never held gets its row in one
 * statement, with the registry's own dates; a name with a row left from an earlier life keeps that
 * history under a retired name and gets a fresh row.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  startInProcessRegistry,
  type TestRegistry,
} from "../../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue, drainFulfilment } from "./helpers";

let reg: TestRegistry | undefined;
beforeEach(async () => {
  await clearFulfilmentQueue();
  await createDomainCatalog();
  reg = startInProcessRegistry();
});
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function register(name: string, key: string) {
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createRegistrant(reseller.id);
  await buyAsRegistrant(ctx, { idempotencyKey: key, items: [{ name, kind: "register", years: 1, privacy: false }] });
  await drainFulfilment();
  return { reseller, registrantId: ctx.actorId };
}

describe("the Domain row of a registration", () => {
  it("stores the registry's dates to the millisecond, the 60-day transfer lock, and links the commands sent", async () => {
    const started = Date.now();
    const { reseller, registrantId } = await register("fresh-row.com", "write-domain-1");
    const domain = await db.domain.findUniqueOrThrow({ where: { name: "fresh-row.com" } });
    const atRegistry = reg?.registry.store.domains.get("fresh-row.com");
    expect(domain).toMatchObject({
      resellerId: reseller.id,
      registrantId,
      state: "active",
      tld: "com",
      transferLock: false,
      autoRenew: true,
      nameservers: expect.any(Array),
    });
    expect(domain.expiresAt?.getTime()).toBe(atRegistry?.exDate);
    expect(domain.registeredAt?.getTime()).toBe(atRegistry?.crDate);
    const lockDays = ((domain.transferLockedUntil?.getTime() ?? 0) - started) / 86_400_000;
    expect(lockDays).toBeGreaterThan(59.9);
    expect(lockDays).toBeLessThan(60.1);
    expect(Math.abs((domain.lastSyncedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
    const ops = await db.domainOperation.findMany({ where: { domainName: "fresh-row.com" } });
    expect(ops.map((o) => o.operation)).toContain("createDomain");
    expect(ops.every((o) => o.domainId === domain.id)).toBe(true);
  });

  it("retires a deleted name's old row with its history and gives the new registration a row of its own", async () => {
    const earlier = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const old = await db.domain.create({
      data: {
        resellerId: earlier.id,
        name: "second-life.com",
        unicodeName: "second-life.com",
        tld: "com",
        state: "deleted",
      },
    });
    await db.domainOperation.create({
      data: {
        resellerId: earlier.id,
        domainId: old.id,
        domainName: "second-life.com",
        operation: "deleteDomain",
        code: 1000,
        message: "Command completed successfully",
        actorType: "system",
      },
    });
    const { reseller } = await register("second-life.com", "write-domain-2");
    const retired = await db.domain.findUniqueOrThrow({ where: { id: old.id } });
    expect(retired).toMatchObject({ name: `second-life.com~${old.id.slice(0, 8)}`, state: "deleted" });
    expect(await db.domainOperation.count({ where: { domainId: old.id, operation: "deleteDomain" } })).toBe(1);
    const current = await db.domain.findUniqueOrThrow({ where: { name: "second-life.com" } });
    expect(current.id).not.toBe(old.id);
    expect(current).toMatchObject({ resellerId: reseller.id, state: "active" });
    expect(current.expiresAt?.getTime()).toBe(reg?.registry.store.domains.get("second-life.com")?.exDate);
  });
});
