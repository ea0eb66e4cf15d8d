/** Real DNS through node:dns (DNS_ADAPTER=system). "No such name" and "no TXT" both mean no answer. */
import { promises as dns } from "node:dns";
import { DnsLookupError, type DnsResolver } from "./port";

const EMPTY_CODES = new Set(["ENOTFOUND", "ENODATA", "NOTFOUND", "NODATA"]);

export function systemDnsResolver(resolver: Pick<typeof dns, "resolveTxt"> = dns): DnsResolver {
  return {
    async lookupTxt(name) {
      try {
        const records = await resolver.resolveTxt(name);
        return records.map((chunks) => chunks.join(""));
      } catch (e) {
        const code = (e as { code?: string }).code ?? "";
        if (EMPTY_CODES.has(code)) return [];
        throw new DnsLookupError(`DNS lookup of ${name} failed (${code || "unknown error"})`, { cause: e });
      }
    },
  };
}
