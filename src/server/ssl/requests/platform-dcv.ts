/**
 * Who publishes a DNS DCV record. The platform does it, through the DNS publisher, only for a name
 * whose registered domain we manage for the same customer (the same registrant, or the reseller
 * itself for console orders) and whose nameservers are all the platform's: anyone else buying a
 * certificate for that name proves control themselves. Otherwise the registrant publishes it and we
 * confirm once our own resolver sees it, because an ACME CA's failed check is final.
 */
import { db } from "@/server/db";
import { env } from "@/env";
import { usesLocalDns } from "@/server/dns/dns-resolver";
import type { DnsPublisher } from "@/server/ssl/ca/port";
import { localDnsPublisher } from "@/server/ssl/dns-publish/local-publisher";

let publisherForTests: DnsPublisher | null | undefined;

/** The platform's DNS publisher, or null when this deployment has none it can write to. */
export function dcvPublisher(): DnsPublisher | null {
  if (publisherForTests !== undefined) return publisherForTests;
  return usesLocalDns() ? localDnsPublisher() : null;
}

export function setDcvPublisherForTests(publisher: DnsPublisher | null | undefined): void {
  publisherForTests = publisher;
}

/** Each suffix of the name with at least two labels, longest first: the registered domain is one of them. */
function candidateDomains(name: string): string[] {
  const labels = name.replace(/^\*\./, "").toLowerCase().split(".");
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
}

export async function platformServesDns(
  owner: { resellerId: string; registrantId: string | null },
  name: string,
): Promise<boolean> {
  const domain = await db.domain.findFirst({
    where: { name: { in: candidateDomains(name) }, resellerId: owner.resellerId, state: "active" },
    select: { registrantId: true, nameservers: true },
  });
  if (!domain || domain.registrantId !== owner.registrantId || domain.nameservers.length === 0) return false;
  // The nameservers new registrations get (DEFAULT_NAMESERVERS) are the ones the platform serves.
  const ours = new Set(
    env()
      .DEFAULT_NAMESERVERS.split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  return domain.nameservers.every((ns) => ours.has(ns.toLowerCase().replace(/\.$/, "")));
}
