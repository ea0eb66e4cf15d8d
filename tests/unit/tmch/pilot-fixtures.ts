/** ICANN's TMCH pilot vectors (tests/fixtures/tmch) and the trust built from them. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadTmchTrust, type TmchTrustMaterial } from "@/server/tmch/smd/trust";

export const TMCH_FIXTURES = path.resolve(__dirname, "../../fixtures/tmch");

export const fixture = (name: string) => readFileSync(path.join(TMCH_FIXTURES, name), "utf8");

/** Where the pilot CRL is current: Nomulus pins its TMCH tests here. */
export const PINNED = new Date("2023-01-15T23:15:37Z");

export function pilotTrust(extra: Partial<TmchTrustMaterial> = {}) {
  return loadTmchTrust({
    caPem: fixture("icann-tmch-pilot.crt"),
    crlPem: fixture("icann-tmch-pilot.crl"),
    smdrlCsv: fixture("smdrl.csv"),
    ...extra,
  });
}

/** The signedMark XML inside an .smd file. */
export function smdXml(name: string): string {
  const file = fixture(name);
  const block = file.split("-----BEGIN ENCODED SMD-----")[1].split("-----END ENCODED SMD-----")[0];
  return Buffer.from(block.replace(/\s+/g, ""), "base64").toString("utf8");
}

export const encode = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
