/**
 * The stand-in's own CA: a root and an intermediate, made at first start and kept in the state
 * directory (private keys as PKCS#8 PEM, mode 0600), or in memory when there is none. The root never
 * signs a leaf; the intermediate signs leaves and the CRL.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { webcrypto, x509 } from "./x509-runtime";

const EC_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const EC_P384 = { name: "ECDSA", namedCurve: "P-384" } as const;
const SIGN_384 = { name: "ECDSA", hash: "SHA-384" } as const;

export type CaChain = {
  root: x509.X509Certificate;
  intermediate: x509.X509Certificate;
  intermediateKey: CryptoKey;
  intermediateKeyId: string;
};

function toPem(der: ArrayBuffer, label: string): string {
  return x509.PemConverter.encode(der, label);
}

async function makeChain(now: Date): Promise<{
  root: x509.X509Certificate;
  rootKeys: CryptoKeyPair;
  intermediate: x509.X509Certificate;
  intermediateKeys: CryptoKeyPair;
}> {
  const rootKeys = (await webcrypto.subtle.generateKey(EC_P384, true, ["sign", "verify"])) as CryptoKeyPair;
  const intermediateKeys = (await webcrypto.subtle.generateKey(EC_P256, true, ["sign", "verify"])) as CryptoKeyPair;
  const day = 86_400_000;
  const caUsage = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: "CN=Stand-in Root CA R1, O=Registrar Platform Test CA, C=GB",
    notBefore: new Date(now.getTime() - day),
    notAfter: new Date(now.getTime() + 20 * 365 * day),
    keys: rootKeys,
    signingAlgorithm: SIGN_384,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(caUsage, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const intermediate = await x509.X509CertificateGenerator.create({
    serialNumber: "02",
    subject: "CN=Stand-in TLS Issuing CA 1, O=Registrar Platform Test CA, C=GB",
    issuer: root.subject,
    notBefore: new Date(now.getTime() - day),
    notAfter: new Date(now.getTime() + 10 * 365 * day),
    publicKey: intermediateKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: SIGN_384,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(caUsage, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  return { root, rootKeys, intermediate, intermediateKeys };
}

async function finish(
  root: x509.X509Certificate,
  intermediate: x509.X509Certificate,
  key: CryptoKey,
): Promise<CaChain> {
  const ski = intermediate.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!ski) throw new Error("The stand-in's intermediate has no subject key identifier.");
  return { root, intermediate, intermediateKey: key, intermediateKeyId: ski.keyId };
}

/** Loads the chain from `dir/ca/`, making it there first if it is not there yet. */
export async function loadOrCreateChain(dir: string | undefined, now: Date): Promise<CaChain> {
  const caDir = dir ? path.join(dir, "ca") : undefined;
  const file = (name: string) => path.join(caDir!, name);
  if (caDir && existsSync(file("intermediate.key.pem"))) {
    const root = new x509.X509Certificate(readFileSync(file("root.pem"), "utf8"));
    const intermediate = new x509.X509Certificate(readFileSync(file("intermediate.pem"), "utf8"));
    const der = x509.PemConverter.decodeFirst(readFileSync(file("intermediate.key.pem"), "utf8"));
    const key = await webcrypto.subtle.importKey("pkcs8", der, EC_P256, false, ["sign"]);
    return finish(root, intermediate, key);
  }
  const made = await makeChain(now);
  if (caDir) {
    mkdirSync(caDir, { recursive: true, mode: 0o700 });
    writeFileSync(file("root.pem"), made.root.toString("pem") + "\n");
    writeFileSync(file("intermediate.pem"), made.intermediate.toString("pem") + "\n");
    const rootKey = await webcrypto.subtle.exportKey("pkcs8", made.rootKeys.privateKey);
    const interKey = await webcrypto.subtle.exportKey("pkcs8", made.intermediateKeys.privateKey);
    writeFileSync(file("root.key.pem"), toPem(rootKey, "PRIVATE KEY") + "\n", { mode: 0o600 });
    writeFileSync(file("intermediate.key.pem"), toPem(interKey, "PRIVATE KEY") + "\n", { mode: 0o600 });
  }
  return finish(made.root, made.intermediate, made.intermediateKeys.privateKey);
}
