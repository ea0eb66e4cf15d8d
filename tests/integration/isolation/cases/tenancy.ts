// Tenancy: one reseller's staff can never read or change another reseller's branding, host names,
// staff, invitations, mail or audit trail, nor act in the registrar console. Attacks go through the
// server actions where one exists (the same pipeline a browser uses); controls call the service the
// action wraps, because actions revalidate Next's cache, which only exists inside a request.
import { expect } from "vitest";
import { db } from "@/server/db";
import { addHostName } from "@/server/tenancy/add-host-name";
import { changeStaffRole } from "@/server/staff/change-staff-role";
import { getBranding } from "@/server/tenancy/get-branding";
import { listAuditEntries } from "@/server/tenancy/list-audit-entries";
import { listHostNames } from "@/server/tenancy/list-host-names";
import { listOutboxMail } from "@/server/tenancy/list-outbox-mail";
import { listStaff } from "@/server/tenancy/list-staff";
import { publishLocalVerification } from "@/server/tenancy/publish-local-verification";
import { removeHostName } from "@/server/tenancy/remove-host-name";
import { removeStaff } from "@/server/staff/remove-staff";
import { revokeInvitation } from "@/server/tenancy/revoke-invitation";
import { updateBranding } from "@/server/tenancy/update-branding";
import { uploadLogo } from "@/server/tenancy/upload-logo";
import { verifyHostName } from "@/server/tenancy/verify-host-name";
import { createInvitation } from "@/server/auth/create-invitation";
import { checkHost, publishLocalAnswer, removeHost } from "@/app/(console)/console/host-names/actions";
import { changeRole, removeMember, withdrawInvitation } from "@/app/(console)/console/staff/actions";
import { suspend } from "@/app/(registrar)/registrar/_lib/registrar-actions";
import { createStaff, freshSessionRequest } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function bHost({ b }: TwoTenants) {
  return addHostName(b.owner.ctx, { resellerId: b.reseller.id, host: "shop.bravo.example" });
}

async function brandingOf(t: TwoTenants["b"]) {
  const current = await getBranding(t.owner.ctx, t.reseller.id);
  return { ...current, resellerId: t.reseller.id, font: "serif" as const, tagline: "Changed" };
}

export const cases = [
  isolationCase({
    name: "A's owner cannot read or change B's branding",
    setup: ({ b }) => brandingOf(b),
    attack: async ({ a }, input) => {
      await expect(getBranding(a.owner.ctx, input.resellerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      return updateBranding(a.owner.ctx, input);
    },
    control: ({ b }, input) => updateBranding(b.owner.ctx, input),
    unchanged: async ({ b }) =>
      expect((await db.resellerBranding.findUniqueOrThrow({ where: { resellerId: b.reseller.id } })).tagline).toBe(""),
  }),
  isolationCase({
    name: "A's owner cannot upload a logo for B",
    setup: async () => null,
    attack: ({ a, b }) => uploadLogo(a.owner.ctx, { resellerId: b.reseller.id, bytes: PNG }),
    control: ({ b }) => uploadLogo(b.owner.ctx, { resellerId: b.reseller.id, bytes: PNG }),
  }),
  isolationCase({
    name: "A's owner cannot add a host name to B's storefront",
    setup: async () => null,
    attack: ({ a, b }) => addHostName(a.owner.ctx, { resellerId: b.reseller.id, host: "evil.alpha.example" }),
    control: ({ b }) => addHostName(b.owner.ctx, { resellerId: b.reseller.id, host: "shop.bravo.example" }),
  }),
  isolationCase({
    name: "A's owner cannot list, check, publish for or remove B's host names",
    setup: bHost,
    attack: async ({ a, b }, host) => {
      await expect(listHostNames(a.owner.ctx, b.reseller.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      for (const r of [
        await checkHost.run(a.owner.ctx, { hostNameId: host.id }),
        await publishLocalAnswer.run(a.owner.ctx, { hostNameId: host.id, value: "x" }),
      ]) {
        expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
      }
      return removeHost.run(a.owner.ctx, { hostNameId: host.id });
    },
    control: async ({ b }, host) => {
      await publishLocalVerification(b.owner.ctx, { hostNameId: host.id, value: host.verificationToken });
      expect(await verifyHostName(b.owner.ctx, { hostNameId: host.id })).toEqual({ verified: true });
      return removeHostName(b.owner.ctx, { hostNameId: host.id });
    },
    unchanged: async (_t, host) =>
      expect(await db.hostName.findUniqueOrThrow({ where: { id: host.id } })).toMatchObject({ verifiedAt: null }),
  }),
  isolationCase({
    name: "A's owner cannot see, re-role or remove B's staff",
    setup: ({ b }) => createStaff(b.reseller.id, "support"),
    attack: async ({ a, b }, member) => {
      await expect(listStaff(a.owner.ctx, b.reseller.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      // A fresh session, so the refusal is the tenant's and not the missing confirmation.
      const req = await freshSessionRequest(a.owner.ctx);
      expect(
        await changeRole.run(a.owner.ctx, { membershipId: member.membership.id, role: "admin" }, req),
      ).toMatchObject({ ok: false, code: "NOT_FOUND" });
      return removeMember.run(a.owner.ctx, { membershipId: member.membership.id }, req);
    },
    control: async ({ b }, member) => {
      await changeStaffRole(b.owner.ctx, { membershipId: member.membership.id, role: "admin" });
      return removeStaff(b.owner.ctx, { membershipId: member.membership.id });
    },
    unchanged: async (_t, member) =>
      expect(await db.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).toMatchObject({
        role: "support",
      }),
  }),
  isolationCase({
    name: "A's owner cannot withdraw B's invitation",
    setup: ({ b }) =>
      createInvitation(b.owner.ctx, { email: "new@bravo.test", role: "admin", resellerId: b.reseller.id }),
    attack: ({ a }, { invitation }) => withdrawInvitation.run(a.owner.ctx, { invitationId: invitation.id }),
    control: ({ b }, { invitation }) => revokeInvitation(b.owner.ctx, { invitationId: invitation.id }),
  }),
  isolationCase({
    name: "A's owner cannot read B's mail or audit trail",
    setup: async () => null,
    attack: async ({ a, b }) => {
      await expect(listOutboxMail(a.owner.ctx, { resellerId: b.reseller.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      return listAuditEntries(a.owner.ctx, { resellerId: b.reseller.id });
    },
    control: async ({ b }) => {
      await listOutboxMail(b.owner.ctx, { resellerId: b.reseller.id });
      return listAuditEntries(b.owner.ctx, { resellerId: b.reseller.id });
    },
  }),
  isolationCase({
    name: "A's owner cannot use the registrar console to suspend B",
    setup: async () => null,
    attack: ({ a, b }) => suspend.run(a.owner.ctx, { resellerId: b.reseller.id, reason: "Hostile takeover attempt" }),
    unchanged: async ({ b }) =>
      expect((await db.reseller.findUniqueOrThrow({ where: { id: b.reseller.id } })).status).toBe("active"),
  }),
];
