/**
 * Escrow settings, parsed from the environment with zod at first use (this capability's own variables,
 * so a deployment without escrow configured still starts; the deposit refuses to run instead). Keys are
 * armored OpenPGP, given inline or as a file path; without them, development generates its own pair
 * under ESCROW_DIR and production refuses (docs/decisions/093-registrar-data-escrow.md).
 */
import { z } from "zod";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  ESCROW_DIR: z.string().min(1).default(".data/escrow"),
  // The registrar's deposit key (private, armored), inline or a file; its passphrase when it has one.
  ESCROW_SIGNING_KEY: optionalText,
  ESCROW_SIGNING_KEY_FILE: optionalText,
  ESCROW_SIGNING_KEY_PASSPHRASE: optionalText,
  // The escrow agent's public key (armored), inline or a file.
  ESCROW_AGENT_PUBLIC_KEY: optionalText,
  ESCROW_AGENT_PUBLIC_KEY_FILE: optionalText,
  ESCROW_UPLOAD: z.enum(["local", "sftp"]).default("local"),
  ESCROW_OUTBOX_DIR: optionalText,
  ESCROW_SFTP_HOST: optionalText,
  ESCROW_SFTP_PORT: z.coerce.number().int().positive().default(22),
  ESCROW_SFTP_USER: optionalText,
  ESCROW_SFTP_PRIVATE_KEY_FILE: optionalText,
  ESCROW_SFTP_REMOTE_DIR: z.string().min(1).default("/"),
  // 0 = Sunday: the day of the week the weekly full deposit is made (incrementals on the others).
  ESCROW_FULL_WEEKDAY: z.coerce.number().int().min(0).max(6).default(0),
});

export type EscrowConfig = {
  production: boolean;
  dir: string;
  signingKey: { armored?: string; file?: string; passphrase?: string };
  agentPublicKey: { armored?: string; file?: string };
  upload:
    | { kind: "local"; outboxDir: string }
    | { kind: "sftp"; host: string; port: number; user: string; privateKeyFile: string; remoteDir: string };
  fullWeekday: number;
};

export function parseEscrowConfig(source: Record<string, string | undefined>): EscrowConfig {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid escrow settings:\n${lines.join("\n")}`);
  }
  const e = result.data;
  let upload: EscrowConfig["upload"];
  if (e.ESCROW_UPLOAD === "sftp") {
    const missing = (["ESCROW_SFTP_HOST", "ESCROW_SFTP_USER", "ESCROW_SFTP_PRIVATE_KEY_FILE"] as const).filter(
      (k) => !e[k],
    );
    if (missing.length) throw new Error(`Invalid escrow settings: ESCROW_UPLOAD=sftp needs ${missing.join(", ")}`);
    upload = {
      kind: "sftp",
      host: e.ESCROW_SFTP_HOST!,
      port: e.ESCROW_SFTP_PORT,
      user: e.ESCROW_SFTP_USER!,
      privateKeyFile: e.ESCROW_SFTP_PRIVATE_KEY_FILE!,
      remoteDir: e.ESCROW_SFTP_REMOTE_DIR,
    };
  } else {
    upload = { kind: "local", outboxDir: e.ESCROW_OUTBOX_DIR ?? `${e.ESCROW_DIR}/outbox` };
  }
  return {
    production: e.NODE_ENV === "production",
    dir: e.ESCROW_DIR,
    signingKey: {
      armored: e.ESCROW_SIGNING_KEY,
      file: e.ESCROW_SIGNING_KEY_FILE,
      passphrase: e.ESCROW_SIGNING_KEY_PASSPHRASE,
    },
    agentPublicKey: { armored: e.ESCROW_AGENT_PUBLIC_KEY, file: e.ESCROW_AGENT_PUBLIC_KEY_FILE },
    upload,
    fullWeekday: e.ESCROW_FULL_WEEKDAY,
  };
}

export function escrowConfig(): EscrowConfig {
  return parseEscrowConfig(process.env);
}
