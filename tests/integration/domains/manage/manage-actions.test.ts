import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { readBalance } from "@/server/billing/get-balance";
import { setAutoRenew } from "@/server/domains/manage/set-auto-renew";
import { setTransferLock } from "@/server/domains/manage/set-transfer-lock";
import { updateNameservers } from "@/server/domains/manage/update-nameservers";
import { updateDsRecords } from "@/server/domains/manage/update-ds-records";
import { revealAuthCode, resetAuthCode } from "@/server/domains/manage/reveal-auth-code";
import { requestRenewal } from "@/server/domains/renewals/request-renewal";
import { deleteDomain } from "@/server/domains/manage/delete-domain";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import {
  createLifecycleWorld,
  createManagedDomain,
  createStaff,
  type LifecycleWorld,
} from "../../../support/factories";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld();
});
afterEach(async () => world.close());

async function owner() {
  return (await createStaff(world.reseller.id, "owner")).ctx;
}

describe("managing a domain", () => {
  it("renews with the current expiry date through a paid order and records the registry's answer", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const before = (await readBalance(db, world.reseller.id)).available;
    const out = await requestRenewal(ctx, { domainId: d.id, years: 2, idempotencyKey: "renew-1" });
    expect(out.result?.ok).toBe(true);
    const after = await db.domain.findUniqueOrThrow({ where: { id: d.id } });
    expect(after.expiresAt?.getUTCFullYear()).toBe((d.expiresAt?.getUTCFullYear() ?? 0) + 2);
    expect((await world.platform.infoDomain({ name: d.name })).data.expiresAt?.slice(0, 10)).toBe(
      after.expiresAt?.toISOString().slice(0, 10),
    );
    expect((await readBalance(db, world.reseller.id)).available).toBe(before - 2_400);
    const ops = await db.domainOperation.findMany({ where: { domainId: d.id }, orderBy: { at: "asc" } });
    expect(ops.map((o) => [o.operation, o.code])).toEqual([
      ["infoDomain", 1000],
      ["renewDomain", 1000],
    ]);
    const item = await db.orderItem.findUniqueOrThrow({ where: { id: out.itemId } });
    expect(item.state).toBe("completed");
  });

  it("does not renew twice when the same renewal is requested again", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    await requestRenewal(ctx, { domainId: d.id, years: 1, idempotencyKey: "same" });
    const again = await requestRenewal(ctx, { domainId: d.id, years: 1, idempotencyKey: "same" });
    expect(again.result).toBeNull();
    expect(await db.order.count()).toBe(1);
    const exp = (await world.platform.infoDomain({ name: d.name })).data.expiresAt;
    expect(new Date(exp ?? 0).getUTCFullYear()).toBe((d.expiresAt?.getUTCFullYear() ?? 0) + 1);
  });

  it("refuses a renewal that would run more than ten years ahead, naming the rule", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    await expect(requestRenewal(ctx, { domainId: d.id, years: 10, idempotencyKey: "k" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { years: expect.stringContaining("10 years") },
    });
  });

  it("locks and unlocks transfers at the registry and records each command with its code", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const locked = await setTransferLock(ctx, { domainId: d.id, locked: true });
    expect(locked.message).toMatch(/locked against transfers.*registry code 1000/);
    expect((await world.platform.infoDomain({ name: d.name })).data.statuses).toContain("clientTransferProhibited");
    await setTransferLock(ctx, { domainId: d.id, locked: false });
    expect((await world.platform.infoDomain({ name: d.name })).data.statuses).not.toContain("clientTransferProhibited");
    const ops = await db.domainOperation.findMany({ where: { domainId: d.id }, orderBy: { at: "asc" } });
    expect(ops.map((o) => [o.operation, o.code, o.detail])).toEqual([
      ["updateDomain", 1000, { name: d.name, add: { statuses: ["clientTransferProhibited"] } }],
      ["updateDomain", 1000, { name: d.name, remove: { statuses: ["clientTransferProhibited"] } }],
    ]);
    expect(
      await db.auditEntry.count({ where: { entityId: d.id, action: { in: ["domain.lock", "domain.unlock"] } } }),
    ).toBe(2);
  });

  it("sets name servers, creating external hosts and a host under the domain with its glue", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const glue = `ns1.${d.name}`;
    await updateNameservers(ctx, {
      domainId: d.id,
      nameservers: [
        { host: glue, addresses: ["192.0.2.53"] },
        { host: "ns.dns-provider.dev", addresses: [] },
      ],
    });
    const info = await world.platform.infoDomain({ name: d.name });
    expect(info.data.nameservers?.sort()).toEqual([glue, "ns.dns-provider.dev"].sort());
    expect((await world.platform.infoHost({ name: glue })).data.addresses).toEqual(["192.0.2.53"]);
    expect(await db.host.findUnique({ where: { name: glue } })).toMatchObject({
      domainId: d.id,
      addresses: ["192.0.2.53"],
    });
  });

  it("refuses a host under the domain without glue, before asking the registry", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    await expect(
      updateNameservers(ctx, {
        domainId: d.id,
        nameservers: [
          { host: `ns1.${d.name}`, addresses: [] },
          { host: "ns2.example.dev", addresses: [] },
        ],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.domainOperation.count()).toBe(0);
  });

  it("validates DS records and sends valid ones to the registry", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    await expect(
      updateDsRecords(ctx, { domainId: d.id, records: [{ keyTag: 70000, alg: 3, digestType: 2, digest: "abc" }] }),
    ).rejects.toMatchObject({
      fields: {
        "ds0.keyTag": expect.any(String),
        "ds0.alg": expect.any(String),
        "ds0.digest": expect.stringContaining("64"),
      },
    });
    const digest = "A".repeat(64);
    await updateDsRecords(ctx, { domainId: d.id, records: [{ keyTag: 12345, alg: 13, digestType: 2, digest }] });
    expect((await world.platform.infoDomain({ name: d.name })).data.ds).toEqual([
      { keyTag: 12345, alg: 13, digestType: 2, digest },
    ]);
  });

  it("reveals the auth code with an audit entry, and a reset makes the old code useless", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const shown = await revealAuthCode(ctx, { domainId: d.id });
    expect(await db.auditEntry.count({ where: { entityId: d.id, action: "domain.auth_code.reveal" } })).toBe(1);
    const reset = await resetAuthCode(ctx, { domainId: d.id });
    expect(reset.authCode).not.toBe(shown.authCode);
    await expect(
      world.rival.transferDomain({ op: "request", name: d.name, authInfo: shown.authCode }),
    ).rejects.toMatchObject({ code: 2202 });
    expect((await revealAuthCode(ctx, { domainId: d.id })).authCode).toBe(reset.authCode);
  });

  it("turns auto-renew and privacy on and off with audit entries", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    await setAutoRenew(ctx, { domainId: d.id, enabled: true });
    await setPrivacy(ctx, { domainId: d.id, enabled: true });
    expect(await db.domain.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      autoRenew: true,
      privacy: true,
    });
    expect(
      await db.auditEntry.count({
        where: { entityId: d.id, action: { in: ["domain.auto_renew.on", "domain.privacy.on"] } },
      }),
    ).toBe(2);
  });

  it("purges a name deleted inside the add grace period and refunds its registration", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const out = await deleteDomain(ctx, { domainId: d.id, confirmName: d.name });
    expect(out.message).toMatch(/add grace period/);
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("deleted");
    await expect(world.platform.infoDomain({ name: d.name })).rejects.toMatchObject({ code: 2303 });
  });

  it("sends a name deleted after the add grace period into redemption (1001)", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    world.admin.advanceClock({ days: 10 });
    const out = await deleteDomain(ctx, { domainId: d.id, confirmName: d.name });
    expect(out.code).toBe(1001);
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("redemption");
    expect((await world.platform.infoDomain({ name: d.name })).data.rgpStatuses).toContain("redemptionPeriod");
  });

  it("shows a registry refusal in words and keeps its code in the history", async () => {
    const ctx = await owner();
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    world.admin.setServerStatuses(d.name, { add: ["serverUpdateProhibited"] });
    await expect(setTransferLock(ctx, { domainId: d.id, locked: true })).rejects.toMatchObject({
      code: "REGISTRY_ERROR",
      userMessage: expect.stringMatching(/status does not allow this.*2304/),
    });
    expect((await db.domainOperation.findFirstOrThrow({ where: { domainId: d.id } })).code).toBe(2304);
  });
});
