/** Making and revoking API keys from the console: who may, what is kept, what is shown once. */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(console)/console/api-keys/actions";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { hashKey } from "@/server/api-keys/key-format";
import { createReseller, createStaff, freshSessionRequest } from "../../support/factories";

const form = { name: "Shop", mode: "live", scopes: ["read", "domains"], allowedCidrs: "203.0.113.0/24\n2001:db8::/32" };

describe("API keys in the console", () => {
  it("lets an owner make a key shown once and stored only as its hash, listed and revoked, each audited", async () => {
    const reseller = await createReseller();
    const { ctx } = await createStaff(reseller.id, "owner");
    const made = await createApiKeyAction.run(ctx, { ...form, expiresInDays: "90" }, await freshSessionRequest(ctx));
    if (!made.ok) throw new Error(made.message);
    expect(made.data.key).toMatch(/^rk_live_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: made.data.id } });
    expect(row.secretHash).toBe(hashKey(made.data.key));
    expect(JSON.stringify(row)).not.toContain(made.data.key.slice(8));
    expect(row).toMatchObject({ scopes: ["read", "domains"], allowedCidrs: ["203.0.113.0/24", "2001:db8::/32"] });
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);

    const listed = await listApiKeys(ctx, reseller.id);
    expect(listed).toEqual([expect.objectContaining({ id: row.id, displayPrefix: made.data.displayPrefix })]);
    expect(JSON.stringify(listed)).not.toContain(row.secretHash);

    expect(await revokeApiKeyAction.run(ctx, { keyId: row.id })).toMatchObject({ ok: true });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    const audit = await db.auditEntry.findMany({ where: { entityId: row.id }, orderBy: { chainSeq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["api_key.create", "api_key.revoke"]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(made.data.key);
  });

  it("refuses support and billing staff, a stale sign-in, and an allowlist entry that is not an address", async () => {
    const reseller = await createReseller();
    for (const role of ["support", "billing"] as const) {
      const { ctx } = await createStaff(reseller.id, role);
      expect(await createApiKeyAction.run(ctx, form, await freshSessionRequest(ctx))).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    const { ctx: admin } = await createStaff(reseller.id, "admin");
    const stale = await freshSessionRequest(admin, { signedInMinutesAgo: 30 });
    expect(await createApiKeyAction.run(admin, form, stale)).toMatchObject({ ok: false, code: "REAUTH_REQUIRED" });
    const bad = await createApiKeyAction.run(
      admin,
      { ...form, allowedCidrs: "203.0.113.0/24 example.com 10.0.0.0/40" },
      await freshSessionRequest(admin),
    );
    expect(bad).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { "allowedCidrs.1": expect.stringMatching(/not an IPv4 or IPv6/), "allowedCidrs.2": expect.any(String) },
    });
    expect(await db.apiKey.count()).toBe(0);
  });
});
