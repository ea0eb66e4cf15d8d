import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { acceptConsoleInvitation } from "@/app/(console)/(auth)/actions";
import { createInvitation } from "@/server/auth/create-invitation";
import { describeInvitation } from "@/server/auth/accept-invitation";
import { AppError } from "@/server/errors";
import { createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

const tokenOf = (link: string) => link.split("/").pop()!;

describe("invitations", () => {
  it("lets an owner invite staff who then set a name and password and land in the console", async () => {
    const acme = await createReseller({ slug: "acme" });
    const owner = await createStaff(acme.id, "owner");
    const { link } = await createInvitation(owner.ctx, {
      email: "New@Acme.test",
      role: "support",
      resellerId: acme.id,
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/invitation\/[\w-]{40,}$/);
    expect(await db.outboxMail.count({ where: { toAddress: "new@acme.test", kind: "invitation" } })).toBe(1);
    expect(await describeInvitation(tokenOf(link))).toEqual({
      email: "new@acme.test",
      role: "support",
      resellerName: acme.displayName,
      hasAccount: false,
    });

    const req = testRequest();
    const result = await acceptConsoleInvitation.run(req, {
      token: tokenOf(link),
      name: "Sam Support",
      password: "a-good-password",
    });
    expect(result).toEqual({ ok: true, data: { home: "/console" } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "new@acme.test" }, include: { memberships: true } });
    expect(user.name).toBe("Sam Support");
    expect(user.memberships).toMatchObject([{ resellerId: acme.id, role: "support" }]);
    expect(req.sessions).toEqual([{ kind: "user", sub: user.id, resellerId: acme.id, sv: 0, sid: expect.any(String) }]);

    const twice = await acceptConsoleInvitation.run(testRequest(), {
      token: tokenOf(link),
      name: "Sam",
      password: "a-good-password",
    });
    expect(twice).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("asks someone who already has an account for that account's password", async () => {
    const acme = await createReseller();
    const nimbus = await createReseller();
    const existing = await createStaff(nimbus.id, "billing", { email: "pat@example.test" });
    const owner = await createStaff(acme.id, "owner");
    const { link } = await createInvitation(owner.ctx, {
      email: "pat@example.test",
      role: "admin",
      resellerId: acme.id,
    });
    const wrong = await acceptConsoleInvitation.run(testRequest(), {
      token: tokenOf(link),
      name: "",
      password: "not-my-password",
    });
    expect(wrong).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { password: expect.stringContaining("already have an account") },
    });
    const right = await acceptConsoleInvitation.run(testRequest(), {
      token: tokenOf(link),
      name: "",
      password: existing.password,
    });
    expect(right).toMatchObject({ ok: true });
    expect(await db.membership.count({ where: { userId: existing.user.id } })).toBe(2);
  });

  it("requires a name and a good password from a new person", async () => {
    const acme = await createReseller();
    const owner = await createStaff(acme.id, "owner");
    const { link } = await createInvitation(owner.ctx, { email: "n@acme.test", role: "admin", resellerId: acme.id });
    const result = await acceptConsoleInvitation.run(testRequest(), {
      token: tokenOf(link),
      name: "",
      password: "short",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { password: "Use at least 10 characters." },
    });
    const noName = await acceptConsoleInvitation.run(testRequest(), {
      token: tokenOf(link),
      name: " ",
      password: "long-enough-pass",
    });
    expect(noName).toMatchObject({ ok: false, fields: { name: "Enter your name." } });
  });

  it("lets only owners invite owners, and never support or billing staff", async () => {
    const acme = await createReseller();
    const admin = await createStaff(acme.id, "admin");
    const support = await createStaff(acme.id, "support");
    await expect(
      createInvitation(admin.ctx, { email: "x@acme.test", role: "owner", resellerId: acme.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createInvitation(support.ctx, { email: "x@acme.test", role: "support", resellerId: acme.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createInvitation(admin.ctx, { email: "x@acme.test", role: "registrar_admin", resellerId: acme.id }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("lets a registrar admin invite registrar staff and a reseller's owner, but not an auditor", async () => {
    const acme = await createReseller();
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    const staff = await createInvitation(admin.ctx, {
      email: "aud@registrar.test",
      role: "registrar_auditor",
      resellerId: null,
    });
    const req = testRequest();
    expect(
      await acceptConsoleInvitation.run(req, {
        token: tokenOf(staff.link),
        name: "Ann Auditor",
        password: "auditor-password",
      }),
    ).toEqual({ ok: true, data: { home: "/sign-in/two-factor-setup" } });
    // Registrar staff start with setting up their second factor, not with a session.
    expect(req.sessions).toEqual([]);
    await expect(
      createInvitation(admin.ctx, { email: "boss@acme.test", role: "owner", resellerId: acme.id }),
    ).resolves.toMatchObject({ link: expect.any(String) });
    await expect(
      createInvitation(auditor.ctx, { email: "y@registrar.test", role: "registrar_admin", resellerId: null }),
    ).rejects.toMatchObject({ code: "READ_ONLY" });
  });

  it("replaces an open invitation for the same person and refuses existing members", async () => {
    const acme = await createReseller();
    const owner = await createStaff(acme.id, "owner", { email: "boss@acme.test" });
    const first = await createInvitation(owner.ctx, { email: "n@acme.test", role: "admin", resellerId: acme.id });
    await createInvitation(owner.ctx, { email: "n@acme.test", role: "support", resellerId: acme.id });
    expect(await describeInvitation(tokenOf(first.link))).toBeNull();
    await expect(
      createInvitation(owner.ctx, { email: "boss@acme.test", role: "admin", resellerId: acme.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
