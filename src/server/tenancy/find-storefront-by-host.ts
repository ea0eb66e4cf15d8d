/**
 * The storefront a request's host belongs to (public, no actor): only verified host names route,
 * and the platform host is verified when created. Logo bytes stay out; the logo route serves them.
 */
import { db } from "@/server/db";

export async function findStorefrontByHost(host: string) {
  // Unverified claims never route; at most one verified row exists per host.
  const row = await db.hostName.findFirst({
    where: { host, verifiedAt: { not: null } },
    select: {
      verifiedAt: true,
      reseller: {
        select: {
          id: true,
          slug: true,
          displayName: true,
          status: true,
          branding: { omit: { logo: true } },
          hostNames: { where: { kind: "platform" }, select: { host: true } },
        },
      },
    },
  });
  if (!row?.verifiedAt || !row.reseller.branding || row.reseller.status === "closed") return null;
  const { branding, hostNames, ...reseller } = row.reseller;
  return { ...reseller, branding, platformHost: hostNames[0]?.host ?? host };
}

export type Storefront = NonNullable<Awaited<ReturnType<typeof findStorefrontByHost>>>;
