/**
 * The registry side of the TMCH lists (standards.md 2.1: registries refresh the DNL and SMDRL
 * regularly): fetch the DNL, the SMDRL, the CA and its CRL from a TMCH (the project's stand-in), check
 * both lists' detached OpenPGP signatures against the TMCH's key, then use them for claims checks and
 * sunrise SMD checks. A refresh that fails in any way changes nothing: the registry keeps the lists it
 * has, as a real one does. Uses the platform's pure list parsers and signature check (decision 098
 * extends the exception of decision 086 to them).
 */
import { parseDnl } from "../../server/tmch/lists/parse-dnl";
import { verifyListSignature } from "../../server/tmch/lists/verify-list-signature";
import { CLAIMS_LIST } from "../config/claims-list";
import { setTmchTrust } from "./launch-marks";

const BUILT_IN = { ...CLAIMS_LIST };

/** Replaces the labels under claim on every TLD (they share one list); null goes back to the built-in one. */
export function setClaimsLabels(labels: Record<string, string> | null): void {
  for (const label of Object.keys(CLAIMS_LIST)) delete CLAIMS_LIST[label];
  Object.assign(CLAIMS_LIST, labels ?? BUILT_IN);
}

export type TmchListSource = {
  baseUrl: string;
  /** The TMCH's list-signing key, armored. Without it the key is fetched once and pinned (trust on first use). */
  publicKey?: string;
  fetch?: typeof fetch;
};

async function get(source: TmchListSource, path: string): Promise<string> {
  const res = await (source.fetch ?? fetch)(`${source.baseUrl.replace(/\/$/, "")}${path}`, {
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`TMCH ${path}: HTTP ${res.status}`);
  return res.text();
}

async function signedList(source: TmchListSource, base: string, publicKey: string): Promise<string> {
  const [csv, signature] = await Promise.all([get(source, `${base}.csv`), get(source, `${base}.sig`)]);
  const verdict = await verifyListSignature({ data: csv, armoredSignature: signature, armoredPublicKey: publicKey });
  if (!verdict.valid) throw new Error(`TMCH ${base}.csv: ${verdict.message}`);
  return csv;
}

export async function refreshTmchLists(source: TmchListSource): Promise<{ labels: number; revokedSmds: number }> {
  source.publicKey ??= await get(source, "/keys/lists-public-key.asc");
  const [dnlCsv, smdrlCsv, caPem, crlPem] = await Promise.all([
    signedList(source, "/dnl/dnl-latest", source.publicKey),
    signedList(source, "/smdrl/smdrl-latest", source.publicKey),
    get(source, "/ca/tmch-ca.pem"),
    get(source, "/ca/tmch-ca.crl"),
  ]);
  const dnl = parseDnl(dnlCsv);
  // Trust first: it throws on a CRL the CA did not sign, and then the DNL stays as it was too.
  setTmchTrust({ caPem, crlPem, smdrlCsv, crlFreshness: "last-known" });
  setClaimsLabels(Object.fromEntries(dnl.rows.map((r) => [r.label, r.lookupKey])));
  return { labels: dnl.rows.length, revokedSmds: smdrlCsv.trim().split("\n").length - 2 };
}

/** Refreshes now and then every `everyMs` (Nomulus: every 12 hours); returns the stop function. */
export function startTmchListRefresh(source: TmchListSource, everyMs: number, log = console.error): () => void {
  const run = () =>
    void refreshTmchLists(source).catch((e: unknown) => log(`TMCH list refresh failed: ${(e as Error).message}`));
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
