import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addHostName } from "@/server/tenancy/add-host-name";
import { verifyHostName } from "@/server/tenancy/verify-host-name";
import { removeHostName } from "@/server/tenancy/remove-host-name";
import { publishLocalVerification } from "@/server/tenancy/publish-local-verification";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import { setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { systemDnsResolver } from "@/server/dns/system-adapter";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

async function ownerWithHost(host = "shop.example.com") {
  const reseller = await createReseller();
  const { ctx } = await createStaff(reseller.id, "owner");
  const row = await addHostName(ctx, { resellerId: reseller.id, host });
  return { reseller, ctx, row };
}

describe("custom host names", () => {
  it("adds a normalised, unverified host that does not route yet", async () => {
    const { row } = await ownerWithHost("  HTTPS://Shop.Example.com./ ");
    expect(row).toMatchObject({ host: "shop.example.com", kind: "custom", verifiedAt: null });
    expect(row.verificationToken).toMatch(/^registrar-verify=/);
    expect(await findStorefrontByHost("shop.example.com")).toBeNull();
  });

  it("refuses a malformed host, a platform-domain host and a host another storefront has verified", async () => {
    const { reseller, ctx, row } = await ownerWithHost();
    await expect(addHostName(ctx, { resellerId: reseller.id, host: "not a host" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { host: expect.any(String) },
    });
    await expect(addHostName(ctx, { resellerId: reseller.id, host: "other.localhost" })).rejects.toMatchObject({
      fields: { host: expect.stringMatching(/platform/) },
    });
    await expect(addHostName(ctx, { resellerId: reseller.id, host: "shop.example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const { ctx: registrar } = await createRegistrarStaff("registrar_admin");
    await setLocalDnsAnswer(registrar, { name: "_registrar-verify.shop.example.com", value: row.verificationToken });
    expect(await verifyHostName(ctx, { hostNameId: row.id })).toEqual({ verified: true });
    const other = await createReseller();
    const { ctx: otherCtx } = await createStaff(other.id, "owner");
    await expect(addHostName(otherCtx, { resellerId: other.id, host: "shop.example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("stays unverified when the TXT record is missing or holds the wrong token", async () => {
    const { ctx, row } = await ownerWithHost();
    expect(await verifyHostName(ctx, { hostNameId: row.id })).toEqual({
      verified: false,
      reason: expect.stringMatching(/No TXT record/),
    });
    await publishLocalVerification(ctx, { hostNameId: row.id, value: "registrar-verify=wrong" });
    expect(await verifyHostName(ctx, { hostNameId: row.id })).toEqual({
      verified: false,
      reason: expect.stringMatching(/does not match/),
    });
    expect(await db.hostName.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      verifiedAt: null,
      lastCheckError: expect.stringMatching(/does not match/),
    });
  });

  it("verifies with the right token in the local DNS and then routes to the storefront", async () => {
    const { reseller, ctx, row } = await ownerWithHost();
    const { ctx: registrar } = await createRegistrarStaff("registrar_admin");
    await setLocalDnsAnswer(registrar, { name: "_registrar-verify.shop.example.com", value: row.verificationToken });
    expect(await verifyHostName(ctx, { hostNameId: row.id })).toEqual({ verified: true });
    expect((await findStorefrontByHost("shop.example.com"))?.id).toBe(reseller.id);
    expect(await db.auditEntry.count({ where: { action: "host_name.verify", entityId: row.id } })).toBe(1);
  });

  it("removes a custom host but never the platform host", async () => {
    const { reseller, ctx, row } = await ownerWithHost();
    await removeHostName(ctx, { hostNameId: row.id });
    expect(await db.hostName.count({ where: { id: row.id } })).toBe(0);
    const platform = await db.hostName.findFirstOrThrow({ where: { resellerId: reseller.id, kind: "platform" } });
    await expect(removeHostName(ctx, { hostNameId: platform.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("hides one reseller's hosts from another reseller's owner", async () => {
    const { row } = await ownerWithHost();
    const other = await createReseller();
    const { ctx } = await createStaff(other.id, "owner");
    await expect(verifyHostName(ctx, { hostNameId: row.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeHostName(ctx, { hostNameId: row.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishLocalVerification(ctx, { hostNameId: row.id, value: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("does not let a reseller owner set arbitrary local DNS answers", async () => {
    const { ctx } = await ownerWithHost();
    await expect(setLocalDnsAnswer(ctx, { name: "_registrar-verify.bank.example", value: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("treats a name with no TXT record in real DNS as no answer, joining multi-part strings", async () => {
    const notFound = Object.assign(new Error("queryTxt ENOTFOUND"), { code: "ENOTFOUND" });
    expect(
      await systemDnsResolver({ resolveTxt: async () => Promise.reject(notFound) }).lookupTxt("x.example"),
    ).toEqual([]);
    expect(
      await systemDnsResolver({ resolveTxt: async () => [["registrar-verify=", "abc"]] }).lookupTxt("x.example"),
    ).toEqual(["registrar-verify=abc"]);
    const refused = Object.assign(new Error("queryTxt ECONNREFUSED"), { code: "ECONNREFUSED" });
    await expect(
      systemDnsResolver({ resolveTxt: async () => Promise.reject(refused) }).lookupTxt("x.example"),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
