/** The caller's domain named in a path: another reseller's name, or a name we do not hold, is 404. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { tryParseDomainName } from "@/lib/domain-name";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";

export async function domainIdByName(ctx: ActorContext, name: string): Promise<string> {
  const parsed = tryParseDomainName(name);
  if (!parsed.ok) throw new AppError("NOT_FOUND", "We could not find that domain.");
  const row = await db.domain.findFirst({ where: { name: parsed.name.ascii }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", "We could not find that domain.");
  // The same tenant check as every console lookup, so the answer matches theirs.
  return (await getDomainOrThrow(ctx, row.id)).id;
}
