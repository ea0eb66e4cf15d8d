/**
 * OpenPGP for deposits: each data file is signed with the registrar's deposit key and encrypted to the
 * agent's key in one message (binary, as agents' GnuPG takes it); the manifest is a cleartext-signed
 * text, readable without the agent's key so an upload can be checked before anything is decrypted.
 */
import * as openpgp from "openpgp";

export async function signAndEncrypt(
  data: Uint8Array,
  filename: string,
  keys: { signingKey: openpgp.PrivateKey; agentKey: openpgp.PublicKey },
): Promise<Uint8Array> {
  const message = await openpgp.createMessage({ binary: data, filename, format: "binary" });
  return openpgp.encrypt({
    message,
    encryptionKeys: keys.agentKey,
    signingKeys: keys.signingKey,
    format: "binary",
  });
}

/** Throws when the message cannot be decrypted, is not intact, or is not signed by `signerKey`. */
export async function decryptAndVerify(
  encrypted: Uint8Array,
  keys: { agentPrivateKey: openpgp.PrivateKey; signerKey: openpgp.PublicKey },
): Promise<Uint8Array> {
  const message = await openpgp.readMessage({ binaryMessage: encrypted });
  const { data, signatures } = await openpgp.decrypt({
    message,
    decryptionKeys: keys.agentPrivateKey,
    verificationKeys: keys.signerKey,
    expectSigned: true,
    format: "binary",
  });
  // expectSigned already throws on a bad or missing signature; awaiting each makes the check explicit.
  await Promise.all(signatures.map((s) => s.verified));
  return data;
}

export async function clearSign(text: string, signingKey: openpgp.PrivateKey): Promise<string> {
  const message = await openpgp.createCleartextMessage({ text });
  return openpgp.sign({ message, signingKeys: signingKey });
}

/** The signed text, or a throw when the signature is missing, bad, or not `signerKey`'s. */
export async function readClearSigned(armored: string, signerKey: openpgp.PublicKey): Promise<string> {
  const message = await openpgp.readCleartextMessage({ cleartextMessage: armored });
  const { data, signatures } = await openpgp.verify({ message, verificationKeys: signerKey, expectSigned: true });
  await Promise.all(signatures.map((s) => s.verified));
  return data;
}
