/**
 * Who sees which reseller's launch rows: reseller staff their own, registrar staff (admins and
 * auditors) any reseller or every live one, registrants none (their own pages are on the storefront).
 * Keyset cursors over (createdAt, id), newest first, shared by the launch lists.
 */
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { sandboxResellerIds } from "@/server/live-tenants";

/** The resellers a list may read: one id, or every live reseller (API sandboxes' shadows left out, decision 108). */
export type ResellerScope = { resellerId: string } | { resellerId: { notIn: string[] } };

export async function launchViewScope(ctx: ActorContext, resellerId: string | undefined): Promise<ResellerScope> {
  if (ctx.kind === "registrant") throw new AppError("FORBIDDEN");
  const tenant = resellerId ?? ctx.resellerId;
  if (tenant) {
    assertTenant(ctx, tenant);
    return { resellerId: tenant };
  }
  if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("NOT_FOUND");
  return { resellerId: { notIn: await sandboxResellerIds() } };
}

type Cursor = { at: string; id: string };

export const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), id: row.id })).toString("base64url");

/** Rows strictly after the cursor in (createdAt desc, id desc) order; a malformed cursor reads as the first page. */
export function afterCursor(s: string | undefined) {
  if (!s) return {};
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof c.at !== "string" || typeof c.id !== "string" || Number.isNaN(Date.parse(c.at))) return {};
    const at = new Date(c.at);
    return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: c.id } }] };
  } catch {
    return {};
  }
}
