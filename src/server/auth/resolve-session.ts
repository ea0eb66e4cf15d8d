/**
 * Turns session claims into an acting context, checking them against the database on every request:
 * the account still exists and is enabled, its session version is current, the membership still
 * exists (its role is read fresh), and a registrant's session is used on the host it was made on,
 * which still belongs to the registrant's reseller. The token's session record must exist, belong to
 * the same person, and be neither revoked nor expired. The record and the account are one read.
 * Anything else is no session at all.
 */
import type { ResellerStatus, Role } from "@/generated/prisma/enums";
import type { HostArea } from "@/lib/host-area";
import type { ActorContext } from "@/server/context";
import { db, sqlPool } from "@/server/db";
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

type SessionRecord = { revokedAt: Date | null; expiresAt: Date; lastUsedAt: Date };

/** The session record is live: not revoked, not expired; "last used" is touched when it is old. */
async function live(sid: string, row: SessionRecord): Promise<boolean> {
  const now = new Date();
  if (row.revokedAt || row.expiresAt <= now) return false;
  if (now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: sid, lastUsedAt: row.lastUsedAt }, data: { lastUsedAt: now } });
  }
  return true;
}

export async function resolveSession(claims: TokenClaims | null, where: HostArea): Promise<SignedIn | null> {
  if (!claims) return null;
  let signedIn: Resolved | null;
  if (claims.kind === "user" && where.area === "console") signedIn = await resolveUser(claims);
  else if (claims.kind === "registrant" && where.area === "storefront")
    signedIn = await resolveRegistrant(claims, where.host);
  else return null;
  return signedIn ? { ...signedIn, sessionId: claims.sid } : null;
}

type Resolved = Omit<SignedIn, "sessionId">;

// The session record and its account in one statement (the record names its owner, so a token whose
// record belongs to someone else finds no row), prepared once per connection: every signed-in page
// runs it, so it skips Prisma's per-call work (decision 110).
type UserRow = SessionRecord & {
  name: string;
  email: string;
  sessionVersion: number;
  disabledAt: Date | null;
  role: Role | null;
  resellerStatus: ResellerStatus | null;
};
const USER_SQL = `select s."revokedAt", s."expiresAt", s."lastUsedAt", u.name, u.email, u."sessionVersion", u."disabledAt",
    m.role, r.status as "resellerStatus"
  from "Session" s
  join "User" u on u.id = s."userId"
  left join "Membership" m on m."userId" = u.id and m."resellerId" is not distinct from $3
  left join "Reseller" r on r.id = m."resellerId"
  where s.id = $1 and s."userId" = $2
  limit 1`;

async function resolveUser(claims: Extract<TokenClaims, { kind: "user" }>): Promise<Resolved | null> {
  const { rows } = await sqlPool().query<UserRow>({
    name: "resolve-user-session",
    text: USER_SQL,
    values: [claims.sid, claims.sub, claims.resellerId],
  });
  const row = rows[0];
  if (!row || row.disabledAt || row.sessionVersion !== claims.sv || !row.role) return null;
  if (!(await live(claims.sid, row))) return null;
  const base = { name: row.name, email: row.email };
  const { role } = row;
  if (claims.resellerId === null) {
    if (role !== "registrar_admin" && role !== "registrar_auditor") return null;
    return { ...base, resellerStatus: null, ctx: { kind: "registrar", actorId: claims.sub, resellerId: null, role } };
  }
  if (role === "registrar_admin" || role === "registrar_auditor" || !row.resellerStatus) return null;
  return {
    ...base,
    resellerStatus: row.resellerStatus,
    ctx: { kind: "user", actorId: claims.sub, resellerId: claims.resellerId, role },
  };
}

type RegistrantRow = SessionRecord & {
  name: string;
  email: string;
  resellerId: string;
  sessionVersion: number;
  disabledAt: Date | null;
};
const REGISTRANT_SQL = `select s."revokedAt", s."expiresAt", s."lastUsedAt", g.name, g.email, g."resellerId", g."sessionVersion", g."disabledAt"
  from "Session" s
  join "Registrant" g on g.id = s."registrantId"
  where s.id = $1 and s."registrantId" = $2`;

async function resolveRegistrant(
  claims: Extract<TokenClaims, { kind: "registrant" }>,
  host: string,
): Promise<Resolved | null> {
  if (claims.host !== host) return null;
  const [{ rows }, storefront] = await Promise.all([
    sqlPool().query<RegistrantRow>({
      name: "resolve-registrant-session",
      text: REGISTRANT_SQL,
      values: [claims.sid, claims.sub],
    }),
    findStorefrontByHost(host),
  ]);
  const registrant = rows[0];
  if (!registrant || !storefront || registrant.disabledAt || registrant.sessionVersion !== claims.sv) return null;
  if (registrant.resellerId !== claims.resellerId || storefront.id !== registrant.resellerId) return null;
  if (!(await live(claims.sid, registrant))) return null;
  return {
    name: registrant.name,
    email: registrant.email,
    resellerStatus: storefront.status,
    ctx: { kind: "registrant", actorId: claims.sub, resellerId: registrant.resellerId, role: "registrant" },
  };
}
