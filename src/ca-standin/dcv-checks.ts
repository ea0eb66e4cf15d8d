/**
 * Domain control validation as the BRs (3.2.2.4) describe it. DNS TXT (.7) asks a resolver passed in
 * (the platform hands over its DNS port; the stand-in's own process uses the system resolver or a
 * table set over its admin API). HTTP file (.18) fetches the well-known path on port 80. Constructed
 * email (.4) only to admin@, administrator@, webmaster@, hostmaster@ or postmaster@ the name or a
 * parent of it; it is approved by following the mailed link, not checked here.
 */
import { resolveTxt } from "node:dns/promises";
import type { Challenge } from "./model";

/** The same shape as the platform's DNS port (src/server/dns/port.ts), so it can be passed in as is. */
export interface TxtResolver {
  lookupTxt(name: string): Promise<string[]>;
}

export type HttpFetcher = (url: string) => Promise<string>;

export const CONSTRUCTED_LOCAL_PARTS = ["admin", "administrator", "webmaster", "hostmaster", "postmaster"];

export function systemTxtResolver(): TxtResolver {
  return {
    async lookupTxt(name) {
      try {
        return (await resolveTxt(name)).map((parts) => parts.join(""));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "ENOTFOUND" || code === "ENODATA") return [];
        throw e;
      }
    },
  };
}

/** A table of TXT answers, set over the admin API when the stand-in runs on its own. */
export function tableTxtResolver(table: Map<string, string[]>): TxtResolver {
  return { lookupTxt: async (name) => table.get(name.toLowerCase()) ?? [] };
}

export const defaultHttpFetcher: HttpFetcher = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "follow" });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return (await res.text()).slice(0, 65_536);
};

/** admin@example.com may approve www.example.com and *.example.com, but not a TLD or another name. */
export function isConstructedAddress(address: string, base: string): boolean {
  const at = address.lastIndexOf("@");
  if (at < 1) return false;
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  if (!CONSTRUCTED_LOCAL_PARTS.includes(local)) return false;
  if (!domain.includes(".")) return false;
  return base === domain || base.endsWith(`.${domain}`);
}

/** Checks one DNS or HTTP challenge now: null when it passed, otherwise what was found instead. */
export async function checkChallenge(
  c: Challenge,
  resolver: TxtResolver,
  fetchHttp: HttpFetcher,
): Promise<string | null> {
  if (c.method === "dns-txt") {
    let values: string[];
    try {
      values = await resolver.lookupTxt(c.dnsRecordName!);
    } catch (e) {
      return `The DNS lookup of ${c.dnsRecordName} failed: ${(e as Error).message}`;
    }
    if (values.some((v) => v.trim() === c.dnsRecordValue)) return null;
    return values.length
      ? `${c.dnsRecordName} has TXT records, but none holds the value we asked for.`
      : `No TXT record at ${c.dnsRecordName} yet.`;
  }
  if (c.method === "http-file") {
    const url = `http://${c.name}${c.httpPath}`;
    try {
      const body = await fetchHttp(url);
      return body.trim() === c.httpBody ? null : `${url} does not hold the value we asked for.`;
    } catch (e) {
      return `${url} could not be fetched: ${(e as Error).message}`;
    }
  }
  return "Email validation is approved through the link in the mail.";
}
