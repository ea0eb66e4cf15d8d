/**
 * What a request says about where it is: its host, its area, the client address. Read from the
 * request headers directly (X-Forwarded-Host, else Host); the proxy sets nothing
 * (docs/decisions/010-host-routing.md).
 */
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { canonicalHost, decodeHostSegment, hostArea, requestHostHeader, type HostArea } from "@/lib/host-area";
import { env } from "@/env";
import { clientAddressFrom } from "./client-address";

export async function requestHost(): Promise<string | null> {
  return canonicalHost(requestHostHeader(await headers()));
}

export async function requestArea(): Promise<HostArea> {
  return hostArea(requestHostHeader(await headers()), env().CONSOLE_HOST);
}

/**
 * For the storefront `[host]` layout and pages: the host the segment names, or a 404 unless it is
 * the host this request was actually made to (the segment alone is attacker-controlled on the
 * console host, where any unknown top-level path matches `[host]`).
 */
export async function currentStorefrontHost(segment: string): Promise<string> {
  const host = decodeHostSegment(segment);
  const area = await requestArea();
  if (host === null || area.area !== "storefront" || area.host !== host) notFound();
  return host;
}

/** The client address for sign-in limits and session records (see client-address.ts). */
export async function clientAddress(): Promise<string> {
  return clientAddressFrom((await headers()).get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
}
