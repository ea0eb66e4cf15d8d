/**
 * The storefront of this request, for the `[host]` layout and every page under it: the host the
 * segment names must be the host the request was made to, and a verified host of a live reseller;
 * anything else is the "no storefront here" 404. Served from the process's cache of storefronts
 * (src/server/cache, decision 095), which every change to the reseller's settings clears.
 * Pages that sell must check `isSelling(storefront)`: a suspended reseller's storefront sells nothing.
 * Every cached read of one render (the storefront, the registrar, the session's check of the host) is
 * fresh as of the render's first read, proven by at most one barrier round shared by all of them
 * (decisions 135 and 137): a render used to wait for three rounds in a row.
 */
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { currentStorefrontHost } from "@/server/auth/request-host";
import { freshAsOf } from "@/server/cache/barrier";
import { getSession } from "@/server/auth/require-context";
import { findStorefrontByHost, type Storefront } from "@/server/tenancy/find-storefront-by-host";
import { getRegistrar } from "@/server/tenancy/get-registrar";

// When this render first read a cache: changes committed before it are seen, later ones need not be.
const arrivedAt = cache(() => performance.now());

function fresh<T>(read: () => Promise<T>): Promise<T> {
  return freshAsOf(arrivedAt(), read);
}

// Per request as well, for the moments the process cache is bypassed (its listener reconnecting).
const storefrontOf = cache((host: string) => fresh(() => findStorefrontByHost(host)));

export async function loadStorefront(segment: string): Promise<Storefront & { host: string }> {
  const host = await currentStorefrontHost(segment);
  const storefront = await storefrontOf(host);
  if (!storefront) notFound();
  return { ...storefront, host };
}

export const loadRegistrar = cache(() => fresh(getRegistrar));

// Once per request render: the layout's header and a signed-in page both ask, and each answer is a
// token decryption and a database read (decision 110). Actions and route handlers resolve their own.
export const sessionOfRequest = cache(() => fresh(getSession));

export function isSelling(storefront: Pick<Storefront, "status">): boolean {
  return storefront.status === "active";
}

export function logoUrl(storefront: Pick<Storefront, "id" | "branding">): string | null {
  const { logoMime, logoUpdatedAt } = storefront.branding;
  if (!logoMime) return null;
  return `/api/branding/${storefront.id}/logo?v=${logoUpdatedAt?.getTime() ?? 0}`;
}
