/**
 * Turns a deposit's rows into the files the agent receives: two CSVs (domains, handles), each signed
 * and encrypted, and the manifest listing each file's row count and SHA-256 (of the plaintext, and of
 * the encrypted file as uploaded), clear-signed with the same deposit key.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { DepositRows } from "./collect-deposit-rows";
import type { DepositKeys } from "./deposit-keys";
import { depositFileNames, type DepositType } from "./deposit-names";
import { clearSign, signAndEncrypt } from "./deposit-pgp";
import { DOMAIN_COLUMNS, HANDLE_COLUMNS, toCsv } from "./escrow-csv";

export const MANIFEST_FORMAT = "registrar-data-escrow-csv/1";

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  registrarIanaId: z.number().int().positive(),
  type: z.enum(["full", "incremental"]),
  depositDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  since: z.iso.datetime().nullable(),
  cutoff: z.iso.datetime(),
  files: z
    .array(
      z.object({
        name: z.string().regex(/^[\w.-]+\.csv\.gpg$/),
        kind: z.enum(["domains", "handles"]),
        rows: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        plainSha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .length(2),
});

export type DepositManifest = z.infer<typeof manifestSchema>;
export type DepositFile = { name: string; content: Uint8Array };
export type BuiltDeposit = { files: DepositFile[]; manifest: DepositFile; summary: DepositManifest };

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export async function buildDeposit(input: {
  rows: DepositRows;
  keys: DepositKeys;
  ianaId: number;
  type: DepositType;
  day: string;
  since: Date | null;
  cutoff: Date;
}): Promise<BuiltDeposit> {
  const names = depositFileNames(input.ianaId, input.day, input.type);
  const plain = [
    {
      kind: "domains" as const,
      name: names.domains,
      csv: toCsv(DOMAIN_COLUMNS, input.rows.domains),
      rows: input.rows.domains.length,
    },
    {
      kind: "handles" as const,
      name: names.handles,
      csv: toCsv(HANDLE_COLUMNS, input.rows.handles),
      rows: input.rows.handles.length,
    },
  ];
  const files: DepositFile[] = [];
  const listed: DepositManifest["files"] = [];
  for (const p of plain) {
    const bytes = new TextEncoder().encode(p.csv);
    const content = await signAndEncrypt(bytes, p.name, input.keys);
    const name = `${p.name}.gpg`;
    files.push({ name, content });
    listed.push({ name, kind: p.kind, rows: p.rows, sha256: sha256Hex(content), plainSha256: sha256Hex(bytes) });
  }
  const summary: DepositManifest = {
    format: MANIFEST_FORMAT,
    registrarIanaId: input.ianaId,
    type: input.type,
    depositDate: input.day,
    since: input.since?.toISOString() ?? null,
    cutoff: input.cutoff.toISOString(),
    files: listed,
  };
  const signed = await clearSign(JSON.stringify(summary, null, 2), input.keys.signingKey);
  return { files, manifest: { name: names.manifest, content: new TextEncoder().encode(signed) }, summary };
}
