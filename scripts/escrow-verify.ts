/**
 * npm run escrow:verify -- FILE [--key AGENT_PRIVATE_KEY] [--signer PUBKEY]
 * Opens a registrar data escrow deposit as the agent would (FILE: its manifest or any of its files):
 * checks the manifest's signature and hashes, decrypts each file with the agent's key, checks the
 * registrar's signature, parses the CSVs and counts rows against DATABASE_URL (or the embedded dev
 * database). Prints one JSON line: ok, type, rows per file, db counts, problems. Exit status: 0
 * accepted, 1 refused, 2 usage or error. Defaults are the development keys in ESCROW_DIR; an agent key
 * with a passphrase takes it from ESCROW_AGENT_KEY_PASSPHRASE.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as openpgp from "openpgp";
import { runOnDatabase } from "./lib/run-on-database";
import { escrowConfig } from "../src/server/escrow/escrow-config";
import { DEV_KEY_FILES, readPrivateKey } from "../src/server/escrow/deposit-keys";
import { verifyDeposit } from "../src/server/escrow/verify-deposit";

const USAGE = "Usage: npm run escrow:verify -- FILE [--key AGENT_PRIVATE_KEY] [--signer PUBKEY]";

async function signerKey(file: string | undefined): Promise<openpgp.PublicKey> {
  if (file) return openpgp.readKey({ armoredKey: readFileSync(file, "utf8") });
  const config = escrowConfig();
  const configured =
    config.signingKey.armored ?? (config.signingKey.file ? readFileSync(config.signingKey.file, "utf8") : undefined);
  if (configured) return (await openpgp.readPrivateKey({ armoredKey: configured })).toPublic();
  return openpgp.readKey({
    armoredKey: readFileSync(path.join(config.dir, DEV_KEY_FILES.registrarPublic), "utf8"),
  });
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { key: { type: "string" }, signer: { type: "string" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  runOnDatabase(async (db) => {
    const keyFile = values.key ?? path.join(escrowConfig().dir, DEV_KEY_FILES.agentPrivate);
    const agentPrivateKey = await readPrivateKey(
      readFileSync(keyFile, "utf8"),
      process.env.ESCROW_AGENT_KEY_PASSPHRASE || undefined,
      "ESCROW_AGENT_KEY_PASSPHRASE",
    );
    const report = await verifyDeposit({
      file: positionals[0],
      agentPrivateKey,
      signerKey: await signerKey(values.signer),
      db,
    });
    console.log(JSON.stringify(report));
    return report.ok ? 0 : 1;
  });
}

main();
