// Sessions: one person's session list and revoke buttons never reach another person's sessions.
import { expect } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import {
  revokeRegistrarStaffSession,
  revokeResellerStaffSession,
  signOutRegistrarStaffEverywhere,
  signOutResellerStaffEverywhere,
} from "@/app/(console)/(auth)/account/actions";
import { revokeRegistrantSession } from "@/app/(storefront)/[host]/account/actions";
import { createRegistrarStaff, startTestSession } from "../../../support/factories";
import { isolationCase, type Tenant } from "../harness";

const registrantSession = (t: Tenant) =>
  startTestSession({
    kind: "registrant",
    sub: t.customer.registrant.id,
    resellerId: t.reseller.id,
    host: t.reseller.host,
    sv: 0,
  });
const ownerSession = (t: Tenant) =>
  startTestSession({ kind: "user", sub: t.owner.user.id, resellerId: t.reseller.id, sv: 0 });
const stillLive = async (sid: string) =>
  expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).revokedAt).toBeNull();

export const cases = [
  isolationCase({
    name: "A's registrant cannot revoke B's registrant's session",
    setup: async ({ b }) => ({ sid: (await registrantSession(b)).sid }),
    attack: ({ a }, s) =>
      revokeRegistrantSession.run(a.customer.ctx, { sessionId: s.sid }, testRequest({ host: a.reseller.host })),
    control: ({ b }, s) =>
      revokeRegistrantSession.run(b.customer.ctx, { sessionId: s.sid }, testRequest({ host: b.reseller.host })),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
  isolationCase({
    name: "A's registrant cannot revoke their own session through B's storefront",
    setup: async ({ a }) => ({ sid: (await registrantSession(a)).sid }),
    attack: ({ a, b }, s) =>
      revokeRegistrantSession.run(a.customer.ctx, { sessionId: s.sid }, testRequest({ host: b.reseller.host })),
    control: ({ a }, s) =>
      revokeRegistrantSession.run(a.customer.ctx, { sessionId: s.sid }, testRequest({ host: a.reseller.host })),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
  isolationCase({
    name: "A's owner cannot revoke B's owner's console session",
    setup: async ({ b }) => ({ sid: (await ownerSession(b)).sid }),
    attack: ({ a }, s) => revokeResellerStaffSession.run(a.owner.ctx, { sessionId: s.sid }),
    control: ({ b }, s) => revokeResellerStaffSession.run(b.owner.ctx, { sessionId: s.sid }),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
  isolationCase({
    name: "a registrant cannot revoke a console session with the staff action",
    setup: async ({ b }) => ({ sid: (await ownerSession(b)).sid }),
    attack: ({ b }, s) => revokeResellerStaffSession.run(b.customer.ctx, { sessionId: s.sid }),
    control: ({ b }, s) => revokeResellerStaffSession.run(b.owner.ctx, { sessionId: s.sid }),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
  isolationCase({
    name: "a reseller owner cannot revoke a registrar staff member's session",
    setup: async () => {
      const staff = await createRegistrarStaff("registrar_auditor");
      const { sid } = await startTestSession({ kind: "user", sub: staff.user.id, resellerId: null, sv: 0 });
      return { staff, sid };
    },
    attack: ({ a }, s) => revokeRegistrarStaffSession.run(a.owner.ctx, { sessionId: s.sid }),
    control: (_t, s) => revokeRegistrarStaffSession.run(s.staff.ctx, { sessionId: s.sid }),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
  isolationCase({
    name: "a registrant cannot sign console staff out everywhere",
    setup: async ({ b }) => ({ sid: (await ownerSession(b)).sid }),
    attack: ({ b }) => signOutResellerStaffEverywhere.run(b.customer.ctx, {}),
    control: ({ b }) => signOutResellerStaffEverywhere.run(b.owner.ctx, {}),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
  isolationCase({
    name: "a reseller owner cannot use the registrar's sign-out-everywhere",
    setup: async ({ a }) => ({
      staff: await createRegistrarStaff("registrar_admin"),
      sid: (await ownerSession(a)).sid,
    }),
    attack: ({ a }) => signOutRegistrarStaffEverywhere.run(a.owner.ctx, {}),
    control: (_t, s) => signOutRegistrarStaffEverywhere.run(s.staff.ctx, {}),
    unchanged: async (_t, s) => stillLive(s.sid),
  }),
];
