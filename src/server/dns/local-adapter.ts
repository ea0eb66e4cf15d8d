/**
 * The local stand-in (DNS_ADAPTER=local, the development default): answers come from the
 * LocalDnsRecord table, which a person sets on the registrar console's "Local DNS" page or the
 * host-name page's "tell the local DNS" form, so verification can be completed without a real zone.
 */
import type { Tx } from "@/server/db";
import type { DnsResolver } from "./port";

export function localDnsResolver(db: Tx): DnsResolver {
  return {
    async lookupTxt(name) {
      const rows = await db.localDnsRecord.findMany({
        where: { name: name.toLowerCase() },
        orderBy: { createdAt: "asc" },
      });
      return rows.map((r) => r.value);
    },
  };
}
