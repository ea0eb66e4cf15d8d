import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getBranding } from "@/server/tenancy/get-branding";
import { updateBranding } from "@/server/tenancy/update-branding";
import { uploadLogo } from "@/server/tenancy/upload-logo";
import { removeLogo } from "@/server/tenancy/remove-logo";
import { getLogo } from "@/server/tenancy/get-logo";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function ownerAndInput() {
  const reseller = await createReseller();
  const { ctx } = await createStaff(reseller.id, "owner");
  const current = await getBranding(ctx, reseller.id);
  const input = {
    resellerId: reseller.id,
    displayName: current.displayName,
    tagline: "Domains, done right.",
    primaryColor: "#0F766E",
    accentColor: "#f59e0b",
    backgroundColor: "#ffffff",
    textColor: "#111827",
    font: "serif" as const,
    supportEmail: "help@shop.test",
    supportPhone: "+1 555 010 0199",
    termsText: "Terms.\n\nMore terms.",
    privacyText: "<script>alert(1)</script>",
  };
  return { reseller, ctx, input };
}

async function fieldsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("INVALID_INPUT");
  return (e as AppError).fields ?? {};
}

describe("branding", () => {
  it("saves valid branding, normalising colours and keeping text as plain text", async () => {
    const { reseller, ctx, input } = await ownerAndInput();
    const saved = await updateBranding(ctx, input);
    expect(saved).toMatchObject({
      primaryColor: "#0f766e",
      font: "serif" as const,
      privacyText: "<script>alert(1)</script>",
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "branding.update", resellerId: reseller.id },
    });
    expect(audit.after).toMatchObject({ primaryColor: "#0f766e", tagline: "Domains, done right." });
  });

  it("refuses a colour that is not #rrggbb with a field error", async () => {
    const { ctx, input } = await ownerAndInput();
    const fields = await fieldsOf(updateBranding(ctx, { ...input, accentColor: "red;background:url(x)" }));
    expect(fields.accentColor).toMatch(/#rrggbb/);
  });

  it("refuses text that is too faint on its background, naming the ratio", async () => {
    const { ctx, input } = await ownerAndInput();
    const fields = await fieldsOf(updateBranding(ctx, { ...input, textColor: "#d1d5db" }));
    expect(fields.textColor).toMatch(/contrast is 1\.\d\d:1; it must be at least 4\.5:1/);
  });

  it("refuses a font outside the safe set and a malformed support email", async () => {
    const { ctx, input } = await ownerAndInput();
    const fields = await fieldsOf(
      updateBranding(ctx, { ...input, font: "Comic Sans; src:url(//evil)" as "serif", supportEmail: "nope" }),
    );
    expect(Object.keys(fields).sort()).toEqual(["font", "supportEmail"]);
  });

  it("does not let support staff change branding", async () => {
    const { reseller, input } = await ownerAndInput();
    const { ctx } = await createStaff(reseller.id, "support");
    await expect(updateBranding(ctx, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("does not let registrar staff, auditors included, change a reseller's branding", async () => {
    const { input } = await ownerAndInput();
    for (const role of ["registrar_admin", "registrar_auditor"] as const) {
      const { ctx } = await createRegistrarStaff(role);
      await expect(updateBranding(ctx, input)).rejects.toMatchObject({ code: "READ_ONLY" });
    }
  });

  it("does not let one reseller's owner change another reseller's branding", async () => {
    const { input } = await ownerAndInput();
    const other = await createReseller();
    const { ctx } = await createStaff(other.id, "owner");
    await expect(updateBranding(ctx, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores a PNG logo and serves it back with its type", async () => {
    const { reseller, ctx } = await ownerAndInput();
    await uploadLogo(ctx, { resellerId: reseller.id, bytes: PNG });
    expect(await getLogo(reseller.id)).toMatchObject({ mime: "image/png" });
    await removeLogo(ctx, { resellerId: reseller.id });
    expect(await getLogo(reseller.id)).toBeNull();
  });

  it("refuses an SVG logo and one over 256 KB with a logo field error", async () => {
    const { reseller, ctx } = await ownerAndInput();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect((await fieldsOf(uploadLogo(ctx, { resellerId: reseller.id, bytes: svg }))).logo).toMatch(
      /PNG, JPEG or WebP/,
    );
    const big = new Uint8Array(256 * 1024 + 1);
    big.set(PNG);
    expect((await fieldsOf(uploadLogo(ctx, { resellerId: reseller.id, bytes: big }))).logo).toMatch(/limit is 256 KB/);
    expect(await getLogo(reseller.id)).toBeNull();
  });
});
