/**
 * Sunrise signed marks and claims notices, checked the way a registry does: the SMD verified by the
 * platform's TMCH verifier (XML-DSig, validator certificate chained to the configured TMCH CA and not
 * on its CRL, SMD id not on the SMDRL, validity window) and matched against the label; the claims
 * notice's TCNID and dates. The verifier is a pure module (no platform state), the one exception to
 * the mock importing nothing of the platform (decision 086).
 */
import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import {
  ICANN_TMCH_PILOT_CA_PEM,
  ICANN_TMCH_PILOT_CRL_PEM,
  ICANN_TMCH_PILOT_SMDRL_CSV,
} from "../../server/tmch/smd/icann-pilot-trust";
import type { SmdReason } from "../../server/tmch/smd/reason-codes";
import { loadTmchTrust, type TmchTrust, type TmchTrustMaterial } from "../../server/tmch/smd/trust";
import { verifySmd } from "../../server/tmch/smd/verify-smd";
import type { ClaimsNotice } from "../model/commands";
import { fail, type ErrorCode } from "../model/result-codes";

const HOURS_48 = 48 * 3_600_000;

/**
 * ICANN's pilot CA, CRL and SMDRL unless MOCK_REGISTRY_TMCH_CA / _CRL / _SMDRL name files. The
 * pilot CRL expired in 2023 and is never reissued, so the mock keeps using the last CRL it holds,
 * as a registry does while its CRL refresh fails.
 */
function defaultTrustMaterial(): TmchTrustMaterial {
  const file = (name: string) => (process.env[name] ? readFileSync(process.env[name] as string, "utf8") : undefined);
  return {
    caPem: file("MOCK_REGISTRY_TMCH_CA") ?? ICANN_TMCH_PILOT_CA_PEM,
    crlPem: file("MOCK_REGISTRY_TMCH_CRL") ?? ICANN_TMCH_PILOT_CRL_PEM,
    smdrlCsv: file("MOCK_REGISTRY_TMCH_SMDRL") ?? ICANN_TMCH_PILOT_SMDRL_CSV,
    crlFreshness: "last-known",
  };
}

let trust: TmchTrust | undefined;

/** Replaces the TMCH trust (a new CA, a refreshed CRL or SMDRL); null goes back to the default. */
export function setTmchTrust(material: TmchTrustMaterial | null): void {
  trust = material ? loadTmchTrust(material) : undefined;
}

function tmchTrust(): TmchTrust {
  trust ??= loadTmchTrust(defaultTrustMaterial());
  return trust;
}

/** Each refusal as Nomulus answers it (standards.md 1.9; epp-flow-errors.md, DomainCreateFlow). */
const REFUSALS: Record<Exclude<SmdReason, "ok">, [ErrorCode, string]> = {
  "too-large": [2005, "Signed mark data is improperly encoded."],
  malformed: [2005, "Signed mark data could not be parsed."],
  "dtd-forbidden": [2005, "Signed mark data could not be parsed."],
  "unsupported-algorithm": [2306, "Signed mark signature is invalid."],
  "signature-wrapping": [2306, "Signed mark signature is invalid."],
  "signature-invalid": [2306, "Signed mark signature is invalid."],
  "untrusted-chain": [2306, "Signed mark certificate not signed by the TMCH CA."],
  "certificate-not-yet-valid": [2306, "Signed mark certificate not yet valid."],
  "certificate-expired": [2306, "Signed mark certificate has expired."],
  "certificate-revoked": [2306, "Signed mark certificate was revoked."],
  "crl-expired": [2306, "Signed mark certificate is invalid."],
  "smd-revoked": [2306, "Signed mark data is revoked."],
  "smd-not-yet-valid": [2306, "The provided mark is not yet valid."],
  "smd-expired": [2306, "The provided mark has expired."],
};

export function checkSignedMark(encoded: string, label: string, now: number): { labels: string[] } {
  const verdict = verifySmd(encoded, tmchTrust(), new Date(now));
  if (!verdict.valid) {
    const [code, message] = REFUSALS[verdict.reason as Exclude<SmdReason, "ok">];
    fail(code, message);
  }
  if (!verdict.labels.includes(label)) fail(2003, "The provided mark does not match the desired domain label.");
  return { labels: verdict.labels };
}

/** TCNID = 8 hex digits of CRC32(label + notAfter epoch seconds + id) followed by the 19-digit id. */
export function tcnidChecksumOk(noticeId: string, label: string, notAfter: number): boolean {
  const id = noticeId.slice(8);
  const expected = crc32(`${label}${Math.floor(notAfter / 1000)}${id}`)
    .toString(16)
    .padStart(8, "0");
  return noticeId.slice(0, 8).toLowerCase() === expected;
}

export function makeTcnid(label: string, notAfter: number, id: string): string {
  const padded = id.padStart(19, "0");
  return (
    crc32(`${label}${Math.floor(notAfter / 1000)}${padded}`)
      .toString(16)
      .padStart(8, "0") + padded
  );
}

export function checkClaimsNotice(notice: ClaimsNotice, label: string, now: number): void {
  if (!/^[0-9a-fA-F]{8}\d{19}$/.test(notice.noticeId)) fail(2005, "The specified TCNID is invalid.");
  const notAfter = Date.parse(notice.notAfter);
  const accepted = Date.parse(notice.acceptedDate);
  if (Number.isNaN(notAfter) || Number.isNaN(accepted)) fail(2005, "Claims notice dates are malformed.");
  if (!tcnidChecksumOk(notice.noticeId, label, notAfter))
    fail(2004, "The checksum in the specified TCNID does not validate.");
  if (notAfter < now) fail(2004, "The expiration time specified in the claim notice has elapsed.");
  if (accepted < now - HOURS_48)
    fail(2004, "The acceptance time specified in the claim notice is more than 48 hours in the past.");
}
