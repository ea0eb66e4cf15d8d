/**
 * Turns session claims into an acting context, checking them against the database on every request:
 * the account still exists and is enabled, its session version is current, the membership still
 * exists (its role is read fresh), and a registrant's session is used on the host it was made on,
 * which still belongs to the registrant's reseller. The token's session record must exist, belong to
 * the same person, and be neither revoked nor expired (one primary-key read, in parallel with the
 * account's). Anything else is no session at all.
 */
import type { ResellerStatus } from "@/generated/prisma/enums";
import type { HostArea } from "@/lib/host-area";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import type { TokenClaims } from "./session-token";

/** "Last used" is written at most this often, so most requests only read. */
export const TOUCH_EVERY_MS = 5 * 60_000;

export type SignedIn = {
  ctx: Exclude<ActorContext, { kind: "system" }>;
  name: string;
  email: string;
  /** Null for registrar staff. */
  resellerStatus: ResellerStatus | null;
  /** The session record this request runs under ("this device" in the session list). */
  sessionId: string;
};

async function liveSessionRecord(claims: TokenClaims): Promise<boolean> {
  const row = await db.session.findUnique({
    where: { id: claims.sid },
    select: { userId: true, registrantId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now) return false;
  if ((claims.kind === "user" ? row.userId : row.registrantId) !== claims.sub) return false;
  if (now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: claims.sid, lastUsedAt: row.lastUsedAt }, data: { lastUsedAt: now } });
  }
  return true;
}

export async function resolveSession(claims: TokenClaims | null, where: HostArea): Promise<SignedIn | null> {
  if (!claims) return null;
  let resolving: Promise<Resolved | null>;
  if (claims.kind === "user" && where.area === "console") resolving = resolveUser(claims);
  else if (claims.kind === "registrant" && where.area === "storefront")
    resolving = resolveRegistrant(claims, where.host);
  else return null;
  const [signedIn, live] = await Promise.all([resolving, liveSessionRecord(claims)]);
  return signedIn && live ? { ...signedIn, sessionId: claims.sid } : null;
}

type Resolved = Omit<SignedIn, "sessionId">;

async function resolveUser(claims: Extract<TokenClaims, { kind: "user" }>): Promise<Resolved | null> {
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: {
      name: true,
      email: true,
      sessionVersion: true,
      disabledAt: true,
      memberships: {
        where: { resellerId: claims.resellerId },
        select: { role: true, reseller: { select: { status: true } } },
      },
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

async function resolveRegistrant(
  claims: Extract<TokenClaims, { kind: "registrant" }>,
  host: string,
): Promise<Resolved | null> {
  if (claims.host !== host) return null;
  const [registrant, storefront] = await Promise.all([
    db.registrant.findUnique({
      where: { id: claims.sub },
      select: { name: true, email: true, resellerId: true, sessionVersion: true, disabledAt: true },
    }),
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
