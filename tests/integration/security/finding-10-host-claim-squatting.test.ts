import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addHostName } from "@/server/tenancy/add-host-name";
import { verifyHostName } from "@/server/tenancy/verify-host-name";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import { setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { HOST_CLAIM_TTL_MS } from "@/server/tenancy/host-claims";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

const HOST = "shop.victim.example";

async function owner() {
  const reseller = await createReseller();
  const { ctx } = await createStaff(reseller.id, "owner");
  return { reseller, ctx };
}

async function publish(token: string) {
  const { ctx } = await createRegistrarStaff("registrar_admin");
  await setLocalDnsAnswer(ctx, { name: `_registrar-verify.${HOST}`, value: token });
}

describe("security finding 10: a host name can be claimed before verification", () => {
  it("lets the real owner claim and verify a host that a squatter claimed first", async () => {
    const squatter = await owner();
    const victim = await owner();
    await addHostName(squatter.ctx, { resellerId: squatter.reseller.id, host: HOST });
    const claim = await addHostName(victim.ctx, { resellerId: victim.reseller.id, host: HOST });
    await publish(claim.verificationToken);
    expect(await verifyHostName(victim.ctx, { hostNameId: claim.id })).toEqual({ verified: true });
    expect((await findStorefrontByHost(HOST))?.id).toBe(victim.reseller.id);
  });

  it("gives the host to the first to verify; the other claim can no longer verify or be added again", async () => {
    const first = await owner();
    const second = await owner();
    const a = await addHostName(first.ctx, { resellerId: first.reseller.id, host: HOST });
    const b = await addHostName(second.ctx, { resellerId: second.reseller.id, host: HOST });
    await publish(a.verificationToken);
    expect(await verifyHostName(first.ctx, { hostNameId: a.id })).toEqual({ verified: true });
    await publish(b.verificationToken);
    expect(await verifyHostName(second.ctx, { hostNameId: b.id })).toEqual({
      verified: false,
      reason: expect.stringMatching(/first/),
    });
    await expect(addHostName(second.ctx, { resellerId: second.reseller.id, host: HOST })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.hostName.count({ where: { host: HOST, verifiedAt: { not: null } } })).toBe(1);
  });

  it("lets a claim lapse after a week: it no longer verifies and is swept when someone claims", async () => {
    const stale = await owner();
    const claim = await addHostName(stale.ctx, { resellerId: stale.reseller.id, host: HOST });
    await db.hostName.update({
      where: { id: claim.id },
      data: { createdAt: new Date(Date.now() - HOST_CLAIM_TTL_MS - 60_000) },
    });
    await publish(claim.verificationToken);
    expect(await verifyHostName(stale.ctx, { hostNameId: claim.id })).toEqual({
      verified: false,
      reason: expect.stringMatching(/lapsed/),
    });
    const fresh = await owner();
    await addHostName(fresh.ctx, { resellerId: fresh.reseller.id, host: HOST });
    expect(await db.hostName.count({ where: { id: claim.id } })).toBe(0);
  });

  it("never lets two storefronts hold one verified host, even written directly", async () => {
    const a = await owner();
    const b = await owner();
    const ra = await addHostName(a.ctx, { resellerId: a.reseller.id, host: HOST });
    const rb = await addHostName(b.ctx, { resellerId: b.reseller.id, host: HOST });
    await db.hostName.update({ where: { id: ra.id }, data: { verifiedAt: new Date() } });
    await expect(db.hostName.update({ where: { id: rb.id }, data: { verifiedAt: new Date() } })).rejects.toMatchObject({
      code: "P2002",
    });
  });
});
