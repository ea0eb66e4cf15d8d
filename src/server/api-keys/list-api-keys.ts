/** A reseller's API keys as the console lists them: never the secret, not even its hash. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireResellerReader } from "@/server/tenancy/guards";
import { assertRole } from "@/server/context";
import type { ApiKeyMode, ApiScope } from "@/generated/prisma/enums";

export type ApiKeyRow = {
  id: string;
  name: string;
  mode: ApiKeyMode;
  displayPrefix: string;
  scopes: ApiScope[];
  allowedCidrs: string[];
  createdAt: Date;
  createdByName: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  revokedAt: Date | null;
};

export async function listApiKeys(ctx: ActorContext, resellerId: string): Promise<ApiKeyRow[]> {
  requireResellerReader(ctx, resellerId);
  assertRole(ctx, ["owner", "admin", "registrar_admin", "registrar_auditor", "system"]);
  const keys = await db.apiKey.findMany({
    where: { resellerId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(keys.map((k) => k.createdById))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    mode: k.mode,
    displayPrefix: k.displayPrefix,
    scopes: k.scopes,
    allowedCidrs: k.allowedCidrs,
    createdAt: k.createdAt,
    createdByName: nameOf.get(k.createdById) ?? "",
    expiresAt: k.expiresAt,
    lastUsedAt: k.lastUsedAt,
    lastUsedFrom: k.lastUsedFrom,
    revokedAt: k.revokedAt,
  }));
}
