/**
 * The host a reseller's registrants follow links to: its verified own domain, else its platform host.
 * Mail about orders and the marketing kit share it, so every link a registrant gets lands on the
 * storefront they bought from.
 */
import { db } from "@/server/db";

export async function storefrontHostOf(resellerId: string): Promise<string> {
  const hosts = await db.hostName.findMany({
    where: { resellerId, verifiedAt: { not: null } },
    select: { host: true, kind: true },
    // The first verified own domain, so the links stay the same while a reseller adds more.
    orderBy: { createdAt: "asc" },
  });
  const pick = hosts.find((h) => h.kind === "custom") ?? hosts.find((h) => h.kind === "platform");
  if (pick) return pick.host;
  const platform = await db.hostName.findFirst({ where: { resellerId, kind: "platform" }, select: { host: true } });
  return platform?.host ?? "";
}

/** The name mail to a reseller's registrants is signed with. */
export async function brandOf(resellerId: string): Promise<string> {
  return (
    (await db.reseller.findUnique({ where: { id: resellerId }, select: { displayName: true } }))?.displayName ??
    "Your registrar"
  );
}
