/**
 * A TMCH list (DNL, SMDRL) is only as good as its detached OpenPGP signature by the TMCH's key
 * (standards.md 2.1). openpgp.js refuses SHA-1 message signatures by default; ICANN's test files are
 * signed with SHA-1, so `allowSha1` exists for them alone. Everything the platform signs itself
 * keeps openpgp's default (SHA-256 or better).
 */
import * as openpgp from "openpgp";

export const MAX_SIGNATURE_BYTES = 16 * 1024;

export type ListSignatureVerdict =
  | { valid: true; keyId: string; signedAt: Date | null }
  | { valid: false; reason: "unreadable" | "bad-signature"; message: string };

export interface ListSignatureInput {
  /** The list exactly as published (bytes or text). */
  data: Uint8Array | string;
  armoredSignature: string;
  armoredPublicKey: string;
  allowSha1?: boolean;
}

const SHA1_ALLOWED = {
  rejectMessageHashAlgorithms: new Set([openpgp.enums.hash.md5, openpgp.enums.hash.ripemd]),
};

export async function verifyListSignature(input: ListSignatureInput): Promise<ListSignatureVerdict> {
  let key: openpgp.PublicKey;
  let signature: openpgp.Signature;
  if (input.armoredSignature.length > MAX_SIGNATURE_BYTES) {
    return { valid: false, reason: "unreadable", message: "The signature is larger than allowed." };
  }
  try {
    key = await openpgp.readKey({ armoredKey: input.armoredPublicKey });
    signature = await openpgp.readSignature({ armoredSignature: input.armoredSignature });
  } catch (e) {
    return { valid: false, reason: "unreadable", message: (e as Error).message };
  }
  const binary = typeof input.data === "string" ? new TextEncoder().encode(input.data) : input.data;
  const message = await openpgp.createMessage({ binary });
  try {
    const { signatures } = await openpgp.verify({
      message,
      signature,
      verificationKeys: key,
      expectSigned: true,
      config: input.allowSha1 ? SHA1_ALLOWED : undefined,
    });
    const [first] = signatures;
    await first.verified;
    const packet = await first.signature;
    return { valid: true, keyId: first.keyID.toHex(), signedAt: packet.packets[0]?.created ?? null };
  } catch (e) {
    return { valid: false, reason: "bad-signature", message: (e as Error).message };
  }
}
