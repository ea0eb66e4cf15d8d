/**
 * The TMCH stand-in's PKI: its own CA (in the place of ICANN's), a validator (TMV) certificate the CA
 * issues, and CRLs the CA signs. Built with @peculiar/x509 on WebCrypto; keys are RSA-2048 with
 * SHA-256, like ICANN's. The private keys stay in memory: the caller decides where (if anywhere) to
 * keep them.
 */
import { webcrypto } from "node:crypto";
import { x509 } from "../x509-runtime";

const RSA: RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};
const DAY = 86_400_000;

export interface StandinCa {
  caPem: string;
  caSubject: string;
  caKeys: CryptoKeyPair;
  validatorPem: string;
  /** PKCS#8 PEM: what xml-crypto signs with. */
  validatorKeyPem: string;
  validatorSerial: string;
}

async function rsaKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA, true, ["sign", "verify"])) as unknown as CryptoKeyPair;
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey("pkcs8", key as unknown as webcrypto.CryptoKey);
  return x509.PemConverter.encode(der, "PRIVATE KEY");
}

export async function createStandinCa(opts: { now: Date; name?: string; years?: number }): Promise<StandinCa> {
  const name = opts.name ?? "Platform TMCH Stand-in CA";
  const caKeys = await rsaKeys();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: `C=US, O=Registrar Platform, CN=${name}`,
    notBefore: new Date(opts.now.getTime() - DAY),
    notAfter: new Date(opts.now.getTime() + (opts.years ?? 20) * 365 * DAY),
    keys: caKeys,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const validatorKeys = await rsaKeys();
  const validator = await x509.X509CertificateGenerator.create({
    subject: `C=US, O=Registrar Platform, CN=${name} Validator`,
    issuer: ca.subject,
    notBefore: new Date(opts.now.getTime() - DAY),
    notAfter: new Date(opts.now.getTime() + 5 * 365 * DAY),
    publicKey: validatorKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  return {
    caPem: ca.toString("pem"),
    caSubject: ca.subject,
    caKeys,
    validatorPem: validator.toString("pem"),
    validatorKeyPem: await pkcs8Pem(validatorKeys.privateKey),
    validatorSerial: validator.serialNumber,
  };
}

/** A CRL the stand-in CA signs, listing the validator certificates it has revoked. */
export async function issueCrl(
  ca: StandinCa,
  opts: { thisUpdate: Date; nextUpdate: Date; revokedSerials?: string[] },
): Promise<string> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.caSubject,
    thisUpdate: opts.thisUpdate,
    nextUpdate: opts.nextUpdate,
    signingKey: ca.caKeys.privateKey,
    signingAlgorithm: RSA,
    entries: (opts.revokedSerials ?? []).map((serialNumber) => ({ serialNumber, revocationDate: opts.thisUpdate })),
  });
  return crl.toString("pem");
}
