/**
 * The storefront a request's host belongs to (public, no actor): only verified host names route,
 * and the platform host is verified when created. Logo bytes stay out; the logo route serves them.
 * Served from this process's cache (decision 095): the database's triggers name the reseller and the
 * host whenever the reseller, its branding, legal texts or host names change, and the entry goes.
 */
import { db } from "@/server/db";
import { ensureCacheListener } from "@/server/cache/listen";
import { taggedCache } from "@/server/cache/tagged-cache";

export async function loadStorefrontByHost(host: string) {
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
          currency: true,
          locale: true,
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

export type Storefront = NonNullable<Awaited<ReturnType<typeof loadStorefrontByHost>>>;

// "No storefront here" is cached too (tagged by host), so a flood of unknown hosts costs one query
// each and then evicts only the coldest entries.
const byHost = taggedCache<Storefront | null>({
  tags: (host, s) => (s ? [`host:${host}`, `reseller:${s.id}`] : [`host:${host}`]),
  max: 20_000,
  name: "storefront-by-host",
});

export function findStorefrontByHost(host: string): Promise<Storefront | null> {
  ensureCacheListener();
  return byHost.get(host, () => loadStorefrontByHost(host));
}
