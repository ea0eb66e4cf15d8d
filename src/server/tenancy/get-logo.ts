/** A storefront's logo bytes (public: every visitor of the storefront sees it). */
import { db } from "@/server/db";

export async function getLogo(
  resellerId: string,
): Promise<{ bytes: Uint8Array; mime: string; updatedAt: Date | null } | null> {
  const row = await db.resellerBranding.findUnique({
    where: { resellerId },
    select: { logo: true, logoMime: true, logoUpdatedAt: true },
  });
  if (!row?.logo || !row.logoMime) return null;
  return { bytes: row.logo, mime: row.logoMime, updatedAt: row.logoUpdatedAt };
}
