/** A reseller's customers (registrants) with search and their domain counts; and one customer's page. */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";

export type CustomerRow = { id: string; email: string; name: string; createdAt: Date; domains: number };

export async function listCustomers(
  ctx: ActorContext,
  input: { resellerId: string; q?: string | null; limit?: number },
): Promise<CustomerRow[]> {
  assertTenant(ctx, input.resellerId);
  if (ctx.kind === "registrant") throw new AppError("FORBIDDEN");
  const q = input.q
    ?.trim()
    .toLowerCase()
    .replace(/[%_\\]/g, "");
  const filter = q ? Prisma.sql`and (lower(g.email) like ${`%${q}%`} or lower(g.name) like ${`%${q}%`})` : Prisma.empty;
  return db.$queryRaw<CustomerRow[]>`
    select g.id, g.email, g.name, g."createdAt", (select count(*)::int from "Domain" d where d."registrantId" = g.id) as domains
    from "Registrant" g where g."resellerId" = ${input.resellerId} ${filter}
    order by g."createdAt" desc limit ${Math.min(input.limit ?? 100, 500)}`;
}

export async function getCustomerOrThrow(ctx: ActorContext, id: string) {
  const customer = await db.registrant.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, resellerId: true, createdAt: true },
  });
  if (!customer) throw new AppError("NOT_FOUND");
  assertTenant(ctx, customer.resellerId);
  if (ctx.kind === "registrant" && ctx.actorId !== id) throw new AppError("NOT_FOUND");
  const [domains, orders] = await Promise.all([
    db.domain.findMany({ where: { registrantId: id }, orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: 500 }),
    db.order.findMany({
      where: { registrantId: id },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { items: { select: { id: true, kind: true, subject: true, state: true, retailAmount: true } } },
    }),
  ]);
  return { customer, domains, orders };
}
