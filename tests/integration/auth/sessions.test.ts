import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resolveSession } from "@/server/auth/resolve-session";
import {
  changeResellerStaffPassword,
  revokeResellerStaffSession,
  signOutResellerStaffEverywhere,
} from "@/app/(console)/(auth)/account/actions";
import { listSessions } from "@/server/auth/list-sessions";
import { TOUCH_EVERY_MS } from "@/server/auth/resolve-session";
import { changeStaffRole } from "@/server/staff/change-staff-role";
import { changeRegistrantPassword } from "@/app/(storefront)/[host]/account/actions";
import { testRequest } from "@/server/action-client";
import {
  createRegistrant,
  createRegistrarStaff,
  createReseller,
  createStaff,
  startTestSession,
} from "../../support/factories";

const CONSOLE = { area: "console" } as const;

describe("session validity", () => {
  it("resolves a reseller user's session with the role read from the database", async () => {
    const acme = await createReseller();
    const { user, membership } = await createStaff(acme.id, "support");
    const claims = await startTestSession({ kind: "user" as const, sub: user.id, resellerId: acme.id, sv: 0 });
    expect((await resolveSession(claims, CONSOLE))?.ctx).toEqual({
      kind: "user",
      actorId: user.id,
      resellerId: acme.id,
      role: "support",
    });
    await db.membership.update({ where: { id: membership.id }, data: { role: "admin" } });
    expect((await resolveSession(claims, CONSOLE))?.ctx.role).toBe("admin");
  });

  it("kills every session when the session version moves on", async () => {
    const acme = await createReseller();
    const { user } = await createStaff(acme.id, "owner");
    const claims = await startTestSession({ kind: "user" as const, sub: user.id, resellerId: acme.id, sv: 0 });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveSession(claims, CONSOLE)).toBeNull();
  });

  it("refuses a session whose membership was removed or whose account was disabled", async () => {
    const acme = await createReseller();
    const a = await createStaff(acme.id, "owner");
    const b = await createStaff(acme.id, "admin");
    await db.membership.delete({ where: { id: a.membership.id } });
    await db.user.update({ where: { id: b.user.id }, data: { disabledAt: new Date() } });
    expect(
      await resolveSession(
        await startTestSession({ kind: "user", sub: a.user.id, resellerId: acme.id, sv: 0 }),
        CONSOLE,
      ),
    ).toBeNull();
    expect(
      await resolveSession(
        await startTestSession({ kind: "user", sub: b.user.id, resellerId: acme.id, sv: 0 }),
        CONSOLE,
      ),
    ).toBeNull();
  });

  it("refuses console sessions on storefront hosts and registrant sessions on the console", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const { registrant } = await createRegistrant(acme.id);
    const user = await startTestSession({ kind: "user" as const, sub: staff.user.id, resellerId: acme.id, sv: 0 });
    const customer = await startTestSession({
      kind: "registrant" as const,
      sub: registrant.id,
      resellerId: acme.id,
      host: acme.host,
      sv: 0,
    });
    expect(await resolveSession(user, { area: "storefront", host: acme.host })).toBeNull();
    expect(await resolveSession(customer, CONSOLE)).toBeNull();
    expect((await resolveSession(customer, { area: "storefront", host: acme.host }))?.ctx.kind).toBe("registrant");
  });

  it("refuses an Acme registrant's session presented on Nimbus, even with a forged host claim", async () => {
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });
    const { registrant } = await createRegistrant(acme.id);
    const claims = await startTestSession({
      kind: "registrant" as const,
      sub: registrant.id,
      resellerId: acme.id,
      host: acme.host,
      sv: 0,
    });
    expect(await resolveSession(claims, { area: "storefront", host: nimbus.host })).toBeNull();
    const forged = { ...claims, host: nimbus.host };
    expect(await resolveSession(forged, { area: "storefront", host: nimbus.host })).toBeNull();
    const forgedTenant = { ...claims, host: nimbus.host, resellerId: nimbus.id };
    expect(await resolveSession(forgedTenant, { area: "storefront", host: nimbus.host })).toBeNull();
  });

  it("treats a registrar staff session as the registrar, never as a reseller", async () => {
    const { user } = await createRegistrarStaff("registrar_auditor");
    const signedIn = await resolveSession(
      await startTestSession({ kind: "user", sub: user.id, resellerId: null, sv: 0 }),
      CONSOLE,
    );
    expect(signedIn?.ctx).toEqual({ kind: "registrar", actorId: user.id, resellerId: null, role: "registrar_auditor" });
  });

  it("ends other sessions on password change but keeps the current one", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const claims = { kind: "user" as const, sub: staff.user.id, resellerId: acme.id, sv: 0 };
    const other = await startTestSession(claims);
    const current = await startTestSession(claims);
    const req = testRequest({ sessionId: current.sid });
    const result = await changeResellerStaffPassword.run(
      staff.ctx,
      { currentPassword: staff.password, newPassword: "fresh-password-1", confirmPassword: "fresh-password-1" },
      req,
    );
    expect(result).toEqual({ ok: true, data: { changed: true } });
    expect(await resolveSession(other, CONSOLE)).toBeNull();
    expect(await resolveSession(current, CONSOLE)).not.toBeNull();
  });

  it("refuses a password change without the right current password", async () => {
    const acme = await createReseller();
    const { registrant, ctx } = await createRegistrant(acme.id);
    const result = await changeRegistrantPassword.run(ctx, {
      currentPassword: "wrong-one",
      newPassword: "fresh-password-1",
      confirmPassword: "fresh-password-1",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { currentPassword: "That is not your current password." },
    });
    expect((await db.registrant.findUniqueOrThrow({ where: { id: registrant.id } })).sessionVersion).toBe(0);
  });

  it("signs out everywhere, this session included", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "billing");
    const claims = await startTestSession({ kind: "user", sub: staff.user.id, resellerId: acme.id, sv: 0 });
    const req = testRequest({ sessionId: claims.sid });
    expect(await signOutResellerStaffEverywhere.run(staff.ctx, {}, req)).toMatchObject({ ok: true });
    expect(req.sessions).toEqual([null]);
    expect(await resolveSession(claims, CONSOLE)).toBeNull();
  });

  it("refuses a token whose session record was revoked, expired or belongs to someone else", async () => {
    const acme = await createReseller();
    const a = await createStaff(acme.id, "owner");
    const b = await createStaff(acme.id, "admin");
    const revoked = await startTestSession({ kind: "user", sub: a.user.id, resellerId: acme.id, sv: 0 });
    await db.session.update({ where: { id: revoked.sid }, data: { revokedAt: new Date() } });
    const expired = await startTestSession({ kind: "user", sub: a.user.id, resellerId: acme.id, sv: 0 });
    await db.session.update({ where: { id: expired.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const bs = await startTestSession({ kind: "user", sub: b.user.id, resellerId: acme.id, sv: 0 });
    expect(await resolveSession(revoked, CONSOLE)).toBeNull();
    expect(await resolveSession(expired, CONSOLE)).toBeNull();
    expect(
      await resolveSession({ kind: "user", sub: a.user.id, resellerId: acme.id, sv: 0, sid: bs.sid }, CONSOLE),
    ).toBeNull();
  });

  it("records where a sign-in came from and when the session was last used, without writing on every request", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const claims = await startTestSession({ kind: "user", sub: staff.user.id, resellerId: acme.id, sv: 0 });
    const [row] = await listSessions(staff.ctx);
    expect(row).toMatchObject({ id: claims.sid, device: "Firefox on Linux", address: "203.0.113.9" });
    const long = new Date(Date.now() - TOUCH_EVERY_MS - 60_000);
    await db.session.update({ where: { id: claims.sid }, data: { lastUsedAt: long } });
    expect((await resolveSession(claims, CONSOLE))?.sessionId).toBe(claims.sid);
    const touched = (await db.session.findUniqueOrThrow({ where: { id: claims.sid } })).lastUsedAt;
    expect(touched.getTime()).toBeGreaterThan(long.getTime());
    await resolveSession(claims, CONSOLE);
    expect((await db.session.findUniqueOrThrow({ where: { id: claims.sid } })).lastUsedAt).toEqual(touched);
  });

  it("revokes one session from the list and leaves the others", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "support");
    const claims = { kind: "user" as const, sub: staff.user.id, resellerId: acme.id, sv: 0 };
    const phone = await startTestSession(claims);
    const laptop = await startTestSession(claims);
    const req = testRequest({ sessionId: laptop.sid });
    expect(await revokeResellerStaffSession.run(staff.ctx, { sessionId: phone.sid }, req)).toEqual({
      ok: true,
      data: { revoked: true },
    });
    expect(req.sessions).toEqual([]);
    expect(await resolveSession(phone, CONSOLE)).toBeNull();
    expect(await resolveSession(laptop, CONSOLE)).not.toBeNull();
    expect((await listSessions(staff.ctx)).map((s) => s.id)).toEqual([laptop.sid]);
    expect(await revokeResellerStaffSession.run(staff.ctx, { sessionId: phone.sid }, req)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("signs this device out when its own session is revoked from the list", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const current = await startTestSession({ kind: "user", sub: staff.user.id, resellerId: acme.id, sv: 0 });
    const req = testRequest({ sessionId: current.sid });
    expect(await revokeResellerStaffSession.run(staff.ctx, { sessionId: current.sid }, req)).toMatchObject({
      ok: true,
    });
    expect(req.sessions).toEqual([null]);
  });

  it("ends every session of a member whose role changes", async () => {
    const acme = await createReseller();
    const owner = await createStaff(acme.id, "owner");
    const member = await createStaff(acme.id, "support");
    const claims = await startTestSession({ kind: "user", sub: member.user.id, resellerId: acme.id, sv: 0 });
    await changeStaffRole(owner.ctx, { membershipId: member.membership.id, role: "admin" });
    expect(await resolveSession({ ...claims, sv: 1 }, CONSOLE)).toBeNull();
    expect(await listSessions(member.ctx)).toEqual([]);
  });
});
