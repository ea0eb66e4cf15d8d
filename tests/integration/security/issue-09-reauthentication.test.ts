import { describe, expect, it, vi } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import {
  confirmRegistrarStaffIdentity,
  confirmResellerStaffIdentity,
  disableResellerStaffTwoFactor,
} from "@/app/(console)/(auth)/account/actions";
import { changeRole, inviteStaff, removeMember } from "@/app/(console)/console/staff/actions";
import {
  changeRegistrarRole,
  inviteRegistrarStaff,
  removeRegistrarStaff,
} from "@/app/(registrar)/registrar/_lib/registrar-actions";
import {
  createRegistrarStaff,
  createReseller,
  createStaff,
  enrolTotp,
  freshSessionRequest,
  totpCodeNow,
} from "../../support/factories";

// The staff actions re-render their page after a change; there is no page to re-render here.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const REFUSED = { ok: false, code: "REAUTH_REQUIRED" };

async function ownerWithStaleSignIn() {
  const acme = await createReseller();
  const owner = await createStaff(acme.id, "owner", { email: "owner@acme.test" });
  const secret = await enrolTotp(owner.user.id);
  const member = await createStaff(acme.id, "support", { email: "support@acme.test" });
  const req = await freshSessionRequest(owner.ctx, { signedInMinutesAgo: 11 });
  return { owner, secret, member, req };
}

const roleOf = async (membershipId: string) =>
  (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).role;
const reauthAt = async (sessionId: string | null) =>
  (await db.session.findUniqueOrThrow({ where: { id: sessionId ?? "" } })).reauthAt;

describe("issue 9: re-authentication before changing staff roles, membership and the second factor", () => {
  it("refuses a role change to an owner whose sign-in is 11 minutes old", async () => {
    const { owner, member, req } = await ownerWithStaleSignIn();
    expect(await changeRole.run(owner.ctx, { membershipId: member.membership.id, role: "admin" }, req)).toMatchObject(
      REFUSED,
    );
    expect(await roleOf(member.membership.id)).toBe("support");
  });

  it("lets the owner change the role after confirming with the right password and code, and goes back to next", async () => {
    const { owner, secret, member, req } = await ownerWithStaleSignIn();
    const confirmed = await confirmResellerStaffIdentity.run(
      owner.ctx,
      { password: owner.password, code: totpCodeNow(secret), next: "/console/staff" },
      req,
    );
    expect(confirmed).toEqual({ ok: true, data: { next: "/console/staff" } });
    expect(await changeRole.run(owner.ctx, { membershipId: member.membership.id, role: "admin" }, req)).toEqual({
      ok: true,
      data: { changed: true },
    });
    expect(await roleOf(member.membership.id)).toBe("admin");
  });

  it("does not refresh the confirmation on a wrong password or a wrong code", async () => {
    const { owner, secret, member, req } = await ownerWithStaleSignIn();
    const before = await reauthAt(req.sessionId);
    const wrongPassword = await confirmResellerStaffIdentity.run(
      owner.ctx,
      { password: "not-my-password", code: totpCodeNow(secret) },
      req,
    );
    expect(wrongPassword).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { password: expect.any(String) } });
    const wrongCode = await confirmResellerStaffIdentity.run(
      owner.ctx,
      { password: owner.password, code: totpCodeNow(secret, 5) },
      req,
    );
    expect(wrongCode).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { code: expect.any(String) } });
    const noCode = await confirmResellerStaffIdentity.run(owner.ctx, { password: owner.password }, req);
    expect(noCode).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { code: expect.any(String) } });
    expect(await reauthAt(req.sessionId)).toEqual(before);
    expect(await changeRole.run(owner.ctx, { membershipId: member.membership.id, role: "admin" }, req)).toMatchObject(
      REFUSED,
    );
  });

  it("spends the sign-in limits on wrong passwords, so the sixth try from one address is refused unchecked", async () => {
    const { owner, secret, req } = await ownerWithStaleSignIn();
    for (let i = 0; i < 5; i += 1) {
      expect(
        await confirmResellerStaffIdentity.run(owner.ctx, { password: `wrong-${i}`, code: "000000" }, req),
      ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
    expect(
      await confirmResellerStaffIdentity.run(owner.ctx, { password: owner.password, code: totpCodeNow(secret) }, req),
    ).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("refuses every guarded action to a request without a session record", async () => {
    const { owner, secret, member } = await ownerWithStaleSignIn();
    const none = testRequest();
    const registrar = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    const outcomes = [
      await inviteStaff.run(owner.ctx, { email: "new@acme.test", role: "support" }, none),
      await changeRole.run(owner.ctx, { membershipId: member.membership.id, role: "admin" }, none),
      await removeMember.run(owner.ctx, { membershipId: member.membership.id }, none),
      await disableResellerStaffTwoFactor.run(owner.ctx, { password: owner.password, code: totpCodeNow(secret) }, none),
      await inviteRegistrarStaff.run(registrar.ctx, { email: "new@registrar.test", role: "registrar_auditor" }, none),
      await changeRegistrarRole.run(
        registrar.ctx,
        { membershipId: auditor.membership.id, role: "registrar_admin" },
        none,
      ),
      await removeRegistrarStaff.run(registrar.ctx, { membershipId: auditor.membership.id }, none),
    ];
    for (const outcome of outcomes) expect(outcome).toMatchObject(REFUSED);
    expect(await db.membership.count({ where: { id: { in: [member.membership.id, auditor.membership.id] } } })).toBe(2);
    expect(await db.invitation.count()).toBe(0);
  });

  it("does not count someone else's fresh session", async () => {
    const { owner, member } = await ownerWithStaleSignIn();
    const othersSession = await freshSessionRequest(member.ctx);
    expect(
      await changeRole.run(owner.ctx, { membershipId: member.membership.id, role: "admin" }, othersSession),
    ).toMatchObject(REFUSED);
  });

  it("lets a registrar admin fresh from sign-in invite, re-role and remove registrar staff", async () => {
    const registrar = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    const req = await freshSessionRequest(registrar.ctx);
    expect(
      await inviteRegistrarStaff.run(registrar.ctx, { email: "new@registrar.test", role: "registrar_auditor" }, req),
    ).toMatchObject({ ok: true });
    expect(
      await changeRegistrarRole.run(
        registrar.ctx,
        { membershipId: auditor.membership.id, role: "registrar_admin" },
        req,
      ),
    ).toMatchObject({ ok: true });
    expect(await removeRegistrarStaff.run(registrar.ctx, { membershipId: auditor.membership.id }, req)).toMatchObject({
      ok: true,
    });
  });

  it("returns only to a same-origin path after confirming", async () => {
    const registrar = await createRegistrarStaff("registrar_admin");
    const req = await freshSessionRequest(registrar.ctx, { signedInMinutesAgo: 30 });
    const confirmed = await confirmRegistrarStaffIdentity.run(
      registrar.ctx,
      { password: registrar.password, next: "/\t/evil.example" },
      req,
    );
    expect(confirmed).toEqual({ ok: true, data: { next: "/registrar" } });
    expect(Date.now() - (await reauthAt(req.sessionId)).getTime()).toBeLessThan(60_000);
  });
});
