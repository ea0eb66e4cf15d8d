/** A slug is taken by an existing reseller or by another pending application. */
import type { Tx } from "@/server/db";

export async function isSlugTaken(tx: Tx, slug: string, exceptApplicationId?: string): Promise<boolean> {
  const [reseller, application] = await Promise.all([
    tx.reseller.findUnique({ where: { slug }, select: { id: true } }),
    tx.resellerApplication.findFirst({
      where: {
        desiredSlug: slug,
        status: "pending",
        ...(exceptApplicationId ? { id: { not: exceptApplicationId } } : {}),
      },
      select: { id: true },
    }),
  ]);
  return reseller !== null || application !== null;
}
