/**
 * The two keys a deposit needs: the registrar's private deposit key (signs) and the escrow agent's
 * public key (encrypts). Outside production, missing keys are generated once into ESCROW_DIR: a
 * registrar pair and a stand-in agent pair, whose private half lets `npm run escrow:verify` open
 * development deposits. Production never invents a key.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as openpgp from "openpgp";
import type { EscrowConfig } from "./escrow-config";

export type DepositKeys = { signingKey: openpgp.PrivateKey; agentKey: openpgp.PublicKey };

export const DEV_KEY_FILES = {
  registrarPrivate: "registrar-deposit-private.asc",
  registrarPublic: "registrar-deposit-public.asc",
  agentPrivate: "agent-private.asc",
  agentPublic: "agent-public.asc",
} as const;

export class EscrowKeysNotConfigured extends Error {
  constructor(what: string) {
    super(`${what} is not configured: production deposits need the registrar's deposit key and the agent's key.`);
    this.name = "EscrowKeysNotConfigured";
  }
}

/** A fresh ECC key pair (armored); also what tests use for throwaway keys. */
export async function generateDepositKeyPair(name: string, email: string) {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: "ecc",
    curve: "curve25519Legacy",
    userIDs: [{ name, email }],
    format: "armored",
  });
  return { privateKey, publicKey };
}

async function ensureDevPair(dir: string, privateFile: string, publicFile: string, name: string, email: string) {
  const priv = path.join(dir, privateFile);
  const pub = path.join(dir, publicFile);
  if (existsSync(priv) && existsSync(pub)) return;
  const pair = await generateDepositKeyPair(name, email);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(priv, pair.privateKey, { mode: 0o600 });
  writeFileSync(pub, pair.publicKey);
}

function armoredFrom(source: { armored?: string; file?: string }): string | undefined {
  if (source.armored) return source.armored;
  if (source.file) return readFileSync(source.file, "utf8");
  return undefined;
}

export async function readPrivateKey(
  armored: string,
  passphrase: string | undefined,
  passphraseVariable: string,
): Promise<openpgp.PrivateKey> {
  const key = await openpgp.readPrivateKey({ armoredKey: armored });
  if (key.isDecrypted()) return key;
  if (!passphrase) throw new Error(`The private key is passphrase-protected: set ${passphraseVariable}.`);
  return openpgp.decryptKey({ privateKey: key, passphrase });
}

export async function loadDepositKeys(config: EscrowConfig): Promise<DepositKeys> {
  let signing = armoredFrom(config.signingKey);
  let agent = armoredFrom(config.agentPublicKey);
  if (!signing || !agent) {
    if (config.production)
      throw new EscrowKeysNotConfigured(!signing ? "ESCROW_SIGNING_KEY" : "ESCROW_AGENT_PUBLIC_KEY");
    const { registrarPrivate, registrarPublic, agentPrivate, agentPublic } = DEV_KEY_FILES;
    if (!signing) {
      await ensureDevPair(
        config.dir,
        registrarPrivate,
        registrarPublic,
        "Registrar deposit (dev)",
        "escrow@registrar.localhost",
      );
      signing = readFileSync(path.join(config.dir, registrarPrivate), "utf8");
    }
    if (!agent) {
      await ensureDevPair(
        config.dir,
        agentPrivate,
        agentPublic,
        "Escrow agent stand-in (dev)",
        "agent@escrow.localhost",
      );
      agent = readFileSync(path.join(config.dir, agentPublic), "utf8");
    }
  }
  return {
    signingKey: await readPrivateKey(signing, config.signingKey.passphrase, "ESCROW_SIGNING_KEY_PASSPHRASE"),
    agentKey: await openpgp.readKey({ armoredKey: agent }),
  };
}
