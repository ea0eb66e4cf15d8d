/**
 * Turns session claims into an acting context, checking them against the database on every request:
 * the account still exists and is enabled, its session version is current, the membership still
 * exists (its role is read fresh), and a registrant's session is used on the host it was made on,
 * which still belongs to the registrant's reseller. Anything else is no session at all.
 */
import type { ResellerStatus } from "@/generated/prisma/enums";
import type { HostArea } from "@/lib/host-area";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import type { SessionClaims } from "./session-token";

export type SignedIn = {
  ctx: Exclude<ActorContext, { kind: "system" }>;
  name: string;
  email: string;
  /** Null for registrar staff. */
  resellerStatus: ResellerStatus | null;
};

export async function resolveSession(claims: SessionClaims | null, where: HostArea): Promise<SignedIn | null> {
  if (!claims) return null;
  if (claims.kind === "user") return where.area === "console" ? resolveUser(claims) : null;
  return where.area === "storefront" ? resolveRegistrant(claims, where.host) : null;
}

async function resolveUser(claims: Extract<SessionClaims, { kind: "user" }>): Promise<SignedIn | null> {
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: {
      name: true,
      email: true,
      sessionVersion: true,
      disabledAt: true,
      memberships: { where: { resellerId: claims.resellerId }, select: { role: true, reseller: { select: { status: true } } } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== claims.sv) return null;
  const membership = user.memberships[0];
  if (!membership) return null;
  const base = { name: user.name, email: user.email };
  const { role } = membership;
  if (claims.resellerId === null) {
    if (role !== "registrar_admin" && role !== "registrar_auditor") return null;
    return { ...base, resellerStatus: null, ctx: { kind: "registrar", actorId: claims.sub, resellerId: null, role } };
  }
  if (role === "registrar_admin" || role === "registrar_auditor" || !membership.reseller) return null;
  return {
    ...base,
    resellerStatus: membership.reseller.status,
    ctx: { kind: "user", actorId: claims.sub, resellerId: claims.resellerId, role },
  };
}

async function resolveRegistrant(claims: Extract<SessionClaims, { kind: "registrant" }>, host: string): Promise<SignedIn | null> {
  if (claims.host !== host) return null;
  const [registrant, storefront] = await Promise.all([
    db.registrant.findUnique({ where: { id: claims.sub }, select: { name: true, email: true, resellerId: true, sessionVersion: true, disabledAt: true } }),
    findStorefrontByHost(host),
  ]);
  if (!registrant || !storefront || registrant.disabledAt || registrant.sessionVersion !== claims.sv) return null;
  if (registrant.resellerId !== claims.resellerId || storefront.id !== registrant.resellerId) return null;
  return {
    name: registrant.name,
    email: registrant.email,
    resellerStatus: storefront.status,
    ctx: { kind: "registrant", actorId: claims.sub, resellerId: registrant.resellerId, role: "registrant" },
  };
}
