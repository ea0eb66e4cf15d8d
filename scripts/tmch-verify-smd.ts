/**
 * npm run tmch:verify-smd -- FILE [--ca PEM] [--crl PEM] [--smdrl CSV] [--at ISO]
 * Verifies a signed mark file (the TMCH's .smd, the raw signedMark XML or a bare encodedSignedMark)
 * and prints one JSON line: valid, reason, SMD id, marks, labels, notBefore, notAfter. The trust
 * defaults to ICANN's pilot CA and CRL; that CRL expired in 2023, so pass --at for the pilot vectors
 * (2023-01-15T23:15:37Z is when Nomulus pins it). Exit status: 0 valid, 1 refused, 2 usage.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ICANN_TMCH_PILOT_CA_PEM, ICANN_TMCH_PILOT_CRL_PEM } from "../src/server/tmch/smd/icann-pilot-trust";
import { loadTmchTrust, TrustMaterialError } from "../src/server/tmch/smd/trust";
import { verifySmd } from "../src/server/tmch/smd/verify-smd";

const USAGE = "Usage: npm run tmch:verify-smd -- FILE [--ca PEM] [--crl PEM] [--smdrl CSV] [--at ISO]";

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { ca: { type: "string" }, crl: { type: "string" }, smdrl: { type: "string" }, at: { type: "string" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const at = values.at ? new Date(values.at) : new Date();
  if (positionals.length !== 1 || Number.isNaN(at.getTime())) {
    console.error(USAGE);
    return 2;
  }
  let input: Buffer;
  let trust;
  try {
    input = readFileSync(positionals[0]);
    trust = loadTmchTrust({
      caPem: values.ca ? readFileSync(values.ca, "utf8") : ICANN_TMCH_PILOT_CA_PEM,
      crlPem: values.crl ? readFileSync(values.crl, "utf8") : ICANN_TMCH_PILOT_CRL_PEM,
      smdrlCsv: values.smdrl ? readFileSync(values.smdrl, "utf8") : undefined,
    });
  } catch (e) {
    if (e instanceof TrustMaterialError) {
      console.log(JSON.stringify({ valid: false, reason: e.reason, message: e.message, at: at.toISOString() }));
      return 1;
    }
    console.error((e as Error).message);
    return 2;
  }
  const v = verifySmd(input, trust, at);
  const { valid, reason, message, smdId, marks, labels, notBefore, notAfter } = v;
  console.log(
    JSON.stringify({ valid, reason, message, smdId, marks, labels, notBefore, notAfter, at: at.toISOString() }),
  );
  return valid ? 0 : 1;
}

process.exit(main());
