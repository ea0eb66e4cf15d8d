/** The currency and locale a reseller's amounts are shown in (public facts of its storefront). */
import { db } from "@/server/db";

export async function moneyFormatOf(resellerId: string): Promise<{ currency: string; locale: string }> {
  const r = await db.reseller.findUniqueOrThrow({
    where: { id: resellerId },
    select: { currency: true, locale: true },
  });
  return r;
}
