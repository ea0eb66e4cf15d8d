/**
 * The CSR's key and signature algorithm against BR 6.1.5 / 6.1.6 as narrowed by the Mozilla Root Store
 * Policy (5.1), which is what commercial CAs enforce: RSA with a modulus of 2048 to 8192 bits
 * (divisible by 8), or ECDSA on P-256 or P-384. P-521 is allowed by the BRs but not by Mozilla, so
 * most CAs refuse it; EdDSA is allowed by neither. Signatures must use SHA-256 or better.
 */
import { problem, type CsrProblem } from "./csr-problems";

export type KeyFacts = { keyType: string; keySize: number | null; curve?: string };

type KeyAlgorithm = { name: string; modulusLength?: number; namedCurve?: string };
type SignatureAlgorithm = { name: string; hash?: { name: string } };

const CURVE_BITS: Record<string, number> = { "P-256": 256, "P-384": 384, "P-521": 521 };
const ACCEPTED_CURVES = new Set(["P-256", "P-384"]);
const ACCEPTED_HASHES = new Set(["SHA-256", "SHA-384", "SHA-512"]);
export const RSA_MIN_BITS = 2048;
export const RSA_MAX_BITS = 8192;

export function checkCsrKey(key: KeyAlgorithm, signature: SignatureAlgorithm): KeyFacts & { problems: CsrProblem[] } {
  const problems: CsrProblem[] = [];
  const name = key.name.toUpperCase();
  let facts: KeyFacts;
  if (name.includes("RSA")) {
    const bits = key.modulusLength ?? 0;
    facts = { keyType: "rsa", keySize: bits };
    if (bits < RSA_MIN_BITS || bits % 8 !== 0) {
      problems.push(
        problem(
          "key_too_small",
          `The key is RSA ${bits}-bit; certificates need RSA of at least 2048 bits (or an ECDSA P-256/P-384 key). Make a new key and CSR.`,
        ),
      );
    } else if (bits > RSA_MAX_BITS) {
      problems.push(
        problem("key_too_large", `The key is RSA ${bits}-bit; the largest RSA key a CA accepts is 8192 bits.`),
      );
    }
  } else if (name === "ECDSA") {
    const curve = key.namedCurve ?? "unknown";
    facts = { keyType: "ecdsa", keySize: CURVE_BITS[curve] ?? null, curve };
    if (!ACCEPTED_CURVES.has(curve)) {
      problems.push(
        problem(
          "key_type_not_accepted",
          `The key is ECDSA on curve ${curve}; certificate authorities accept only P-256 or P-384 (or RSA of 2048 bits or more).`,
        ),
      );
    }
  } else {
    facts = { keyType: key.name.toLowerCase(), keySize: null };
    problems.push(
      problem(
        "key_type_not_accepted",
        `The key is ${key.name}; certificate authorities accept only RSA (2048 bits or more) or ECDSA P-256/P-384 keys.`,
      ),
    );
  }
  const hash = signature.hash?.name;
  if (facts.keyType === "rsa" || facts.keyType === "ecdsa") {
    if (!hash || !ACCEPTED_HASHES.has(hash)) {
      problems.push(
        problem(
          "weak_signature_hash",
          `The request is signed with ${hash ?? "an unknown hash"}; make it again with SHA-256 or better (openssl req -sha256).`,
        ),
      );
    }
  }
  return { ...facts, problems };
}
