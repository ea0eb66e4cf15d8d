/**
 * The stand-in's keys: its TMCH CA and validator certificate (the signing pieces in
 * src/server/tmch/standin, decision 086) and the OpenPGP key that signs the DNL and the SMDRL. Made
 * at first start and kept in `stateDir/keys/` (0600) so SMDs and lists stay verifiable across
 * restarts; in memory only without a state directory.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { webcrypto } from "node:crypto";
import * as openpgp from "openpgp";
import { createStandinCa, type StandinCa } from "../server/tmch/standin/tmch-ca";
import { x509 } from "../server/tmch/x509-runtime";

export type StandInKeys = {
  ca: StandinCa;
  pgpPrivateKey: string;
  pgpPublicKey: string;
};

type KeyFile = {
  caPem: string;
  caKeyPkcs8: string;
  validatorPem: string;
  validatorKeyPem: string;
  validatorSerial: string;
  pgpPrivateKey: string;
  pgpPublicKey: string;
};

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

async function makeKeys(now: Date): Promise<{ keys: StandInKeys; file: KeyFile }> {
  const ca = await createStandinCa({ now, name: "TMCH Stand-in CA" });
  const pgp = await openpgp.generateKey({
    userIDs: [{ name: "TMCH stand-in lists", email: "lists@tmch-standin.invalid" }],
    format: "armored",
  });
  const caKey = await webcrypto.subtle.exportKey("pkcs8", ca.caKeys.privateKey as unknown as webcrypto.CryptoKey);
  return {
    keys: { ca, pgpPrivateKey: pgp.privateKey, pgpPublicKey: pgp.publicKey },
    file: {
      caPem: ca.caPem,
      caKeyPkcs8: Buffer.from(caKey).toString("base64"),
      validatorPem: ca.validatorPem,
      validatorKeyPem: ca.validatorKeyPem,
      validatorSerial: ca.validatorSerial,
      pgpPrivateKey: pgp.privateKey,
      pgpPublicKey: pgp.publicKey,
    },
  };
}

async function readKeys(file: KeyFile): Promise<StandInKeys> {
  const privateKey = await webcrypto.subtle.importKey("pkcs8", Buffer.from(file.caKeyPkcs8, "base64"), RSA, true, [
    "sign",
  ]);
  const caCert = new x509.X509Certificate(file.caPem);
  const publicKey = await caCert.publicKey.export(RSA, ["verify"]);
  return {
    ca: {
      caPem: file.caPem,
      caSubject: caCert.subject,
      caKeys: { privateKey, publicKey } as unknown as CryptoKeyPair,
      validatorPem: file.validatorPem,
      validatorKeyPem: file.validatorKeyPem,
      validatorSerial: file.validatorSerial,
    },
    pgpPrivateKey: file.pgpPrivateKey,
    pgpPublicKey: file.pgpPublicKey,
  };
}

export async function loadOrCreateKeys(stateDir: string | undefined, now: Date): Promise<StandInKeys> {
  const file = stateDir ? path.join(stateDir, "keys", "keys.json") : undefined;
  if (file && existsSync(file)) return readKeys(JSON.parse(readFileSync(file, "utf8")) as KeyFile);
  const made = await makeKeys(now);
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(made.file), { mode: 0o600 });
  }
  return made.keys;
}
