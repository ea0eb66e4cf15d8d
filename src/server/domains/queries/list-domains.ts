/**
 * The domains list: filters (state, TLD, expiry window, customer, name prefix), three sorts and
 * keyset pagination over (sort key, id), so page 400 costs what page 1 costs. For a reseller it reads
 * through the (resellerId, expiresAt, id) / (resellerId, name) indexes; registrar staff see every
 * reseller. The same function feeds the CSV export, batch by batch.
 */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { isLiveReseller } from "@/server/live-tenants";
import { Prisma } from "@/generated/prisma/client";
import type { DomainState } from "@/generated/prisma/enums";

export type DomainSort = "expiry" | "expiry_desc" | "name";

export type DomainListFilter = {
  resellerId?: string | null;
  state?: DomainState | null;
  tld?: string | null;
  expiresWithinDays?: number | null;
  registrantId?: string | null;
  q?: string | null;
  sort?: DomainSort;
  cursor?: string | null;
  limit?: number;
};

export type DomainRow = {
  id: string;
  resellerId: string;
  resellerName: string;
  registrantId: string | null;
  registrantEmail: string | null;
  name: string;
  unicodeName: string;
  tld: string;
  state: DomainState;
  expiresAt: Date | null;
  autoRenew: boolean;
  transferLock: boolean;
};

type Cursor = { k: string | null; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(s: string | null | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    return typeof c.id === "string" ? c : null;
  } catch {
    return null;
  }
}

export async function listDomains(
  ctx: ActorContext,
  f: DomainListFilter,
  now = new Date(),
): Promise<{ rows: DomainRow[]; next: string | null }> {
  const resellerId = ctx.kind === "registrar" ? (f.resellerId ?? null) : ctx.resellerId;
  if (resellerId) assertTenant(ctx, resellerId);
  else if (ctx.kind !== "registrar") throw new AppError("FORBIDDEN");
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 1_000);
  const sort = f.sort ?? "expiry";
  const where: Prisma.Sql[] = [];
  if (resellerId) where.push(Prisma.sql`d."resellerId" = ${resellerId}`);
  // Across resellers (registrar staff), sandbox names are test data: left out (decision 108).
  else where.push(isLiveReseller('d."resellerId"'));
  if (ctx.kind === "registrant") where.push(Prisma.sql`d."registrantId" = ${ctx.actorId}`);
  if (f.state) where.push(Prisma.sql`d.state = ${f.state}::"DomainState"`);
  if (f.tld) where.push(Prisma.sql`d.tld = ${f.tld.toLowerCase().replace(/^\./, "")}`);
  if (f.expiresWithinDays != null)
    where.push(Prisma.sql`d."expiresAt" <= ${new Date(now.getTime() + f.expiresWithinDays * 86_400_000)}`);
  if (f.registrantId) where.push(Prisma.sql`d."registrantId" = ${f.registrantId}`);
  if (f.q) {
    // A range on name uses the (resellerId, name) index whatever the collation; LIKE keeps it exact.
    const prefix = f.q.toLowerCase().replace(/[%_\\]/g, "");
    where.push(Prisma.sql`d.name >= ${prefix} and d.name < ${`${prefix}\u{10FFFF}`} and d.name like ${`${prefix}%`}`);
  }
  const cursor = decodeCursor(f.cursor);
  let order: Prisma.Sql;
  if (sort === "name") {
    if (cursor) where.push(Prisma.sql`(d.name, d.id) > (${cursor.k ?? ""}, ${cursor.id})`);
    order = Prisma.sql`d.name asc, d.id asc`;
  } else {
    where.push(Prisma.sql`d."expiresAt" is not null`);
    const desc = sort === "expiry_desc";
    if (cursor?.k)
      where.push(
        desc
          ? Prisma.sql`(d."expiresAt", d.id) < (${new Date(cursor.k)}, ${cursor.id})`
          : Prisma.sql`(d."expiresAt", d.id) > (${new Date(cursor.k)}, ${cursor.id})`,
      );
    order = desc ? Prisma.sql`d."expiresAt" desc, d.id desc` : Prisma.sql`d."expiresAt" asc, d.id asc`;
  }
  const rows = await db.$queryRaw<DomainRow[]>`
    select d.id, d."resellerId", r."displayName" as "resellerName", d."registrantId", g.email as "registrantEmail", d.name, d."unicodeName", d.tld, d.state, d."expiresAt", d."autoRenew", d."transferLock"
    from (select * from "Domain" d where ${where.length ? Prisma.join(where, " and ") : Prisma.sql`true`} order by ${order} limit ${limit + 1}) d
    join "Reseller" r on r.id = d."resellerId"
    left join "Registrant" g on g.id = d."registrantId"
    order by ${order}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next =
    rows.length > limit && last
      ? encodeCursor({ k: sort === "name" ? last.name : (last.expiresAt?.toISOString() ?? null), id: last.id })
      : null;
  return { rows: page, next };
}
