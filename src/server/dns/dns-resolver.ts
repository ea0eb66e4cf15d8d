/** Picks the DNS adapter from DNS_ADAPTER. */
import { env } from "@/env";
import { db } from "@/server/db";
import { localDnsResolver } from "./local-adapter";
import type { DnsResolver } from "./port";
import { systemDnsResolver } from "./system-adapter";

export function dnsResolver(): DnsResolver {
  return env().DNS_ADAPTER === "system" ? systemDnsResolver() : localDnsResolver(db);
}

export function usesLocalDns(): boolean {
  return env().DNS_ADAPTER === "local";
}
