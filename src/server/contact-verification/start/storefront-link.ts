/**
 * Where a reseller's registrants follow links: its verified own domain, else its platform host. The
 * same rule as the change-of-registrant mail (domains/manage/contacts), repeated here because that
 * folder starts verification and so cannot be imported from it.
 */
import { db } from "@/server/db";
import { baseUrlOf } from "@/server/auth/links";

async function storefrontHostOf(resellerId: string): Promise<string> {
  const hosts = await db.hostName.findMany({
    where: { resellerId, verifiedAt: { not: null } },
    select: { host: true, kind: true },
  });
  const pick = hosts.find((h) => h.kind === "custom") ?? hosts.find((h) => h.kind === "platform");
  if (pick) return pick.host;
  const platform = await db.hostName.findFirst({ where: { resellerId, kind: "platform" }, select: { host: true } });
  return platform?.host ?? "";
}

export async function verifyLinkBase(resellerId: string): Promise<string> {
  return `${baseUrlOf(await storefrontHostOf(resellerId))}/verify-email/`;
}

export async function brandOf(resellerId: string): Promise<string> {
  return (
    (await db.reseller.findUnique({ where: { id: resellerId }, select: { displayName: true } }))?.displayName ??
    "Your registrar"
  );
}
