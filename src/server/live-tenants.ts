/**
 * Registrar-wide reads (lists, counts, money totals across resellers) leave out the API sandboxes'
 * shadow resellers (decision 100): they hold test money and test names, and a registrar counting or
 * totalling them would report a business that does not exist (decision 108). Per-reseller reads need
 * nothing: a shadow's rows carry its own reseller id. A kernel file, so tenancy and billing can use it
 * without reaching up to the sandbox's own folder.
 */
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

/** SQL true when the reseller id in `column` (a trusted column name, e.g. `r.id`) is a live reseller's. */
export function isLiveReseller(column: string): Prisma.Sql {
  return Prisma.sql`not exists (select 1 from "SandboxTenant" st where st."sandboxResellerId" = ${Prisma.raw(column)})`;
}

/** The shadows' ids, for Prisma filters (`id: { notIn }`); as many as resellers that made a test key. */
export async function sandboxResellerIds(): Promise<string[]> {
  const rows = await db.sandboxTenant.findMany({ select: { sandboxResellerId: true } });
  return rows.map((r) => r.sandboxResellerId);
}
